import { unitJson } from './unit-json.js';
import type { UnitResult } from '../engine/types.js';
import { BlockWriter } from './block-writer.js';
import type { RenderOptions } from './options.js';
import { progressJson } from './progress-json.js';
import { withSpill, type Spill } from './spill.js';
import type { ReportSink, RunHead, RunStream, RunTail } from './stream.js';
import { OwnerView } from './views.js';

/**
 * Machine-readable output for scripts: one JSON document, written as the run goes: the set, then
 * each unit as it is evaluated (one a line), then the summary, the files and the warnings. With
 * --by, each unit's entries of the view wait in a spill (not in memory) and follow the warnings.
 */
export async function render(run: RunStream, opts: RenderOptions, out: ReportSink): Promise<void> {
  if (opts.by === 'unit') return body(run, out, () => undefined);
  await withSpill(async (spill) => {
    const view = opts.by === 'criterion' ? new CriterionEntries(spill) : new OwnerEntries(spill);
    await body(
      run,
      out,
      (u) => view.add(u),
      (w) => view.write(run.head, w),
    );
  });
}

/** The document up to its last field; `each` sees every unit, `more` writes fields after the tail. */
async function body(
  run: RunStream,
  out: ReportSink,
  each: (u: UnitResult) => Promise<void> | void,
  more?: (w: BlockWriter) => Promise<void>,
): Promise<void> {
  const w = new BlockWriter(out);
  await w.write(`{\n${fields(headFields(run.head))},\n  "units": [`);
  let first = true;
  for await (const u of run.units) {
    await each(u);
    await w.write(first ? '\n    ' : ',\n    ');
    await w.write(unitJson(u));
    first = false;
  }
  await w.write(`${first ? '' : '\n  '}],\n${fields(tailFields(run.tail()))}`);
  if (more) {
    await w.write(',\n');
    await more(w);
  }
  await w.write('\n}\n');
  await w.flush();
}

/** A view's groups, `"key": [{…fields, "list": [entries…]}, …]`, each group's entries read from the spill. */
async function writeGroups(
  w: BlockWriter,
  key: string,
  list: string,
  groups: { fields: Record<string, unknown>; entries: AsyncIterable<unknown> }[],
): Promise<void> {
  await w.write(`  ${JSON.stringify(key)}: [`);
  for (const [g, group] of groups.entries()) {
    const open = JSON.stringify(group.fields).slice(0, -1);
    await w.write(`${g ? ',' : ''}\n    ${open}${open.length > 1 ? ',' : ''}${JSON.stringify(list)}: [`);
    let first = true;
    for await (const entry of group.entries) {
      await w.write(`${first ? '' : ','}\n      ${JSON.stringify(entry)}`);
      first = false;
    }
    await w.write(`${first ? '' : '\n    '}]}`);
  }
  await w.write(`${groups.length ? '\n  ' : ''}]`);
}

/** `byCriterion`: per criterion (in the set's order) the units that miss it, in unit order. */
class CriterionEntries {
  constructor(private readonly spill: Spill) {}

  async add(u: UnitResult): Promise<void> {
    for (const [i, status] of u.criteria.entries()) {
      if (status === 'met') continue;
      await this.spill.writeJson(`criterion ${i}`, { name: u.name, parent: u.parent, file: u.file });
    }
  }

  write(head: RunHead, w: BlockWriter): Promise<void> {
    const groups = head.set.criteria
      .map((c, i) => ({ key: `criterion ${i}`, fields: { id: c.id, name: c.name, owner: c.owner } }))
      .filter((g) => this.spill.count(g.key) > 0)
      .map((g) => ({ fields: g.fields, entries: this.spill.records(g.key) }));
    return writeGroups(w, 'byCriterion', 'units', groups);
  }
}

/**
 * `byOwner`: each department (in Vietnamese order) with the gaps it owns, in unit order. The gap
 * stays whole under its own key: spread beside the unit's name, an indicator gap's own `unit`
 * (%, triệu đồng…) would overwrite it.
 */
class OwnerEntries {
  private readonly view: OwnerView<unknown>;

  constructor(spill: Spill) {
    this.view = new OwnerView(spill);
  }

  async add(u: UnitResult): Promise<void> {
    for (const gap of u.gaps) await this.view.add(gap, { unit: u.name, parent: u.parent, file: u.file, gap });
  }

  write(_head: RunHead, w: BlockWriter): Promise<void> {
    const groups = this.view.groups().map((g) => ({ fields: { owner: g.owner }, entries: g.lines() }));
    return writeGroups(w, 'byOwner', 'gaps', groups);
  }
}

export const headFields = (h: RunHead) => ({
  set: { id: h.set.id, name: h.set.name, document: h.set.document, date: h.set.date },
  region: h.region,
  year: h.year,
});

/**
 * What the end of a run says: the summary, the files, the warnings (with their counts) and errors;
 * with --baseline, --targets or --by parent, the progress, the plan's targets and the roll-ups.
 */
export const tailFields = (t: RunTail) => ({
  summary: t.summary,
  files: t.files,
  warnings: t.warnings,
  warningCounts: t.warningCounts ?? {},
  ...(t.errors?.length ? { errors: t.errors } : {}),
  ...progressJson(t),
});

/** Top-level fields as JSON.stringify(…, null, 2) writes them inside an object, without the braces. */
function fields(o: Record<string, unknown>): string {
  const text = JSON.stringify(o, null, 2);
  return text.slice(2, -2);
}
