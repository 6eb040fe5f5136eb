import { once } from 'node:events';
import { stringify } from 'csv-stringify';
import { t, type Lang } from '../i18n/messages.js';
import { criterionHead, gapRows, type GapRow } from './annex.js';
import { BlockWriter } from './block-writer.js';
import { unitNames } from './labels.js';
import type { RenderOptions } from './options.js';
import { withSpill, type Spill } from './spill.js';
import { neutralise, SPREADSHEET_CSV } from './spreadsheet-safety.js';
import type { ReportSink, RunHead, RunStream } from './stream.js';
import { CriterionView, joinWhich, OwnerView } from './views.js';

type Row = (string | number)[];

/**
 * The gap table for spreadsheets: one row per gap (by unit or by owner), or one row per criterion.
 * UTF-8 with a BOM, so that Excel reads the Vietnamese as UTF-8; every text cell neutralised.
 */
export async function render(run: RunStream, opts: RenderOptions, out: ReportSink): Promise<void> {
  const csv = stringify({ ...SPREADSHEET_CSV, cast: { string: (s) => neutralise(s) } });
  csv.setEncoding('utf8');
  // Each record is a chunk of its own: gathered into blocks, so that the sink sees few writes.
  const w = new BlockWriter(out);
  const pump = (async () => {
    for await (const chunk of csv) await w.write(chunk as string);
    await w.flush();
  })();
  // A row waits while the sink is full; if the sink fails, the pump's rejection ends the wait.
  const put = async (row: Row) => {
    if (!csv.write(row)) await Promise.race([once(csv, 'drain'), pump]);
  };
  try {
    await withSpill((spill) => rows(run, opts, put, spill));
    csv.end();
    await pump;
  } catch (e) {
    csv.destroy();
    await pump.catch(() => undefined);
    throw e;
  }
}

async function rows(
  run: RunStream,
  opts: RenderOptions,
  put: (row: Row) => Promise<void>,
  spill: Spill,
): Promise<void> {
  const { head } = run;
  const { lang } = opts;
  if (opts.by === 'criterion') {
    const view = new CriterionView(spill, head, lang);
    for await (const u of run.units) await view.add(u);
    await put(criterionHead(lang, { split: true }));
    const total = run.tail().summary.units;
    for (const g of view.groups()) await put([g.id, g.name, g.owner, g.count, total, await joinWhich(g, '; ')]);
    return;
  }
  const headRow = gapHead(head, lang);
  if (opts.by === 'unit') {
    await put([...headRow, t(lang, 'owner')]);
    for await (const u of run.units) for (const r of gapRows(u, lang)) await put([...line(r), r.cells.owner]);
    return;
  }
  const view = new OwnerView<Row>(spill);
  for await (const u of run.units) for (const r of gapRows(u, lang)) await view.add(r.gap, line(r));
  await put([t(lang, 'owner'), ...headRow]);
  for (const g of view.groups()) for await (const l of g.lines()) await put([g.owner, ...l]);
}

function gapHead(head: RunHead, lang: Lang): string[] {
  const [name, parent] = unitNames(lang, head);
  const criterion = [
    t(lang, 'criterionId'),
    t(lang, 'criterionName'),
    t(lang, 'indicatorId'),
    t(lang, 'indicatorName'),
  ];
  return [
    name,
    parent,
    t(lang, 'file'),
    ...criterion,
    t(lang, 'kind'),
    t(lang, 'value'),
    t(lang, 'required'),
    t(lang, 'shortfall'),
  ];
}

const line = (r: GapRow): Row => {
  const { unit, gap, cells } = r;
  const what = [gap.criterion, gap.name, gap.indicator ?? '', gap.indicatorName ?? ''];
  return [unit.name, unit.parent, unit.file, ...what, r.kind, cells.value, cells.required, cells.shortfall];
};
