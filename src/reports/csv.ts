import { stringify } from 'csv-stringify/sync';
import { t, type Lang } from '../i18n/messages.js';
import { criterionHead, gapRows, type GapRow } from './annex.js';
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
  // Rows are gathered and turned into text a few hundred at a time: csv-stringify's stream would
  // cost a stream write and an async step per row, more than the row itself.
  let batch: Row[] = [];
  let first = true;
  const flush = async () => {
    const text = stringify(batch, { ...SPREADSHEET_CSV, bom: first, cast: { string: neutralise } });
    batch = [];
    first = false;
    await out.write(text);
  };
  const put = async (row: Row) => {
    if (batch.push(row) >= BATCH) await flush();
  };
  await withSpill((spill) => rows(run, opts, put, spill));
  await flush();
}

/** Rows turned into CSV text at a time. */
const BATCH = 512;

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
