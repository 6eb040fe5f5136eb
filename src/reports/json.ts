import type { Evaluation } from '../engine/types.js';
import { collect } from './collect.js';
import type { RenderOptions } from './options.js';
import type { ReportSink, RunHead, RunStream, RunTail } from './stream.js';
import { groupByCriterion, groupByOwner } from './views.js';

/**
 * Machine-readable output for scripts: one JSON document, written as the run goes: the set, then
 * each unit as it is evaluated (one a line), then the summary, the files and the warnings.
 */
export async function render(run: RunStream, opts: RenderOptions, out: ReportSink): Promise<void> {
  // TRANSITIONAL: the --by views group the whole run; the `reports` branch streams them.
  if (opts.by !== 'unit') return out.write(renderView(await collect(run), opts));
  await out.write(`{\n${fields(headFields(run.head))},\n  "units": [`);
  let first = true;
  let piece = '';
  for await (const u of run.units) {
    piece += `${first ? '' : ','}\n    ${JSON.stringify(u)}`;
    first = false;
    // Written in pieces of some size: a write per unit costs more than the JSON of a unit.
    if (piece.length > 65536) {
      await out.write(piece);
      piece = '';
    }
  }
  await out.write(`${piece}${first ? '' : '\n  '}],\n${fields(tailFields(run.tail()))}\n}\n`);
}

export const headFields = (h: RunHead) => ({
  set: { id: h.set.id, name: h.set.name, document: h.set.document, date: h.set.date },
  region: h.region,
  year: h.year,
});

/** What the end of a run says: the summary, the files, the warnings (with their counts) and errors. */
export const tailFields = (t: RunTail) => ({
  summary: t.summary,
  files: t.files,
  warnings: t.warnings,
  warningCounts: t.warningCounts ?? {},
  ...(t.errors?.length ? { errors: t.errors } : {}),
});

/** Top-level fields as JSON.stringify(…, null, 2) writes them inside an object, without the braces. */
function fields(o: Record<string, unknown>): string {
  const text = JSON.stringify(o, null, 2);
  return text.slice(2, -2);
}

function renderView(ev: Evaluation, opts: RenderOptions): string {
  const { set, region, year, units, files, summary, warnings } = ev;
  const base = { set: { id: set.id, name: set.name, document: set.document, date: set.date }, region, year, units, summary, files, warnings };
  if (opts.by === 'criterion') {
    const byCriterion = groupByCriterion(ev).map((r) => ({
      id: r.id,
      name: r.name,
      owner: r.owner,
      units: r.units.map((u) => ({ name: u.name, parent: u.parent, file: u.file })),
    }));
    return JSON.stringify({ ...base, byCriterion }, null, 2) + '\n';
  }
  // The gap stays whole under its own key: spread beside the unit's name, an indicator gap's
  // own `unit` (%, triệu đồng…) would overwrite it.
  const rows = ev.units.flatMap((unit) => unit.gaps.map((gap) => ({ unit, gap })));
  const byOwner = groupByOwner(rows).map((g) => ({
    owner: g.owner,
    gaps: g.gaps.map(({ unit, gap }) => ({ unit: unit.name, parent: unit.parent, file: unit.file, gap })),
  }));
  return JSON.stringify({ ...base, byOwner }, null, 2) + '\n';
}
