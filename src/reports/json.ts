import type { Evaluation } from '../engine/types.js';
import type { RenderOptions } from './options.js';
import { groupByCriterion, groupByOwner } from './views.js';

/** Machine-readable output for scripts: the evaluation as it is, plus the chosen view. */
export function render(ev: Evaluation, opts: RenderOptions): string {
  const { set, region, year, units, files, summary, warnings } = ev;
  const base = { set: { id: set.id, name: set.name, document: set.document, date: set.date }, region, year, units, summary, files, warnings };
  if (opts.by === 'criterion') {
    return JSON.stringify({ ...base, byCriterion: groupByCriterion(ev).map((r) => ({ id: r.id, name: r.name, owner: r.owner, units: r.units.map((u) => ({ name: u.name, parent: u.parent, file: u.file })) })) }, null, 2) + '\n';
  }
  if (opts.by === 'owner') {
    // The gap stays whole under its own key: spread beside the unit's name, an indicator gap's
    // own `unit` (%, triệu đồng…) would overwrite it.
    const rows = ev.units.flatMap((unit) => unit.gaps.map((gap) => ({ unit, gap })));
    return JSON.stringify({ ...base, byOwner: groupByOwner(rows).map((g) => ({ owner: g.owner, gaps: g.gaps.map(({ unit, gap }) => ({ unit: unit.name, parent: unit.parent, file: unit.file, gap })) })) }, null, 2) + '\n';
  }
  return JSON.stringify(base, null, 2) + '\n';
}
