import { t, type Lang } from '../i18n/messages.js';
import { criterionHead, gapRows, type GapRow } from './annex.js';
import { unitNames } from './labels.js';
import type { RenderOptions } from './options.js';
import { withSpill, type Spill } from './spill.js';
import { csvLine } from './spreadsheet-safety.js';
import type { ReportSink, RunHead, RunStream } from './stream.js';
import { CriterionView, joinWhich, OwnerView } from './views.js';

type Row = (string | number)[];

/**
 * The gap table for spreadsheets: one row per gap (by unit or by owner), or one row per criterion.
 * UTF-8 with a BOM, so that Excel reads the Vietnamese as UTF-8; every text cell neutralised.
 */
export async function render(run: RunStream, opts: RenderOptions, out: ReportSink): Promise<void> {
  // Rows are gathered and handed on some 64 KB at a time: a write per row would cost an async
  // step each, more than the row itself; joined at once, the lines are copied once.
  let lines = ['\uFEFF'];
  let size = 0;
  const put = (row: Row) => {
    const text = csvLine(row);
    lines.push(text);
    if ((size += text.length) < FLUSH_AT) return;
    const full = lines.join('');
    lines = [];
    size = 0;
    return out.write(full);
  };
  await withSpill((spill) => rows(run, opts, put, spill));
  await out.write(lines.join(''));
}

/** Characters of CSV text gathered before a write. */
const FLUSH_AT = 64 * 1024;

/** Adds a row; a promise when the text was handed on, to wait for before the next. */
type Put = (row: Row) => Promise<void> | undefined;

async function rows(run: RunStream, opts: RenderOptions, put: Put, spill: Spill): Promise<void> {
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
    for await (const u of run.units) for (const r of gapRows(u, lang)) await put(line(r, r.cells.owner));
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

/** A gap's cells under `gapHead`, then `more` (the owner, in the table by unit). */
const line = (r: GapRow, ...more: string[]): Row => {
  const { unit, gap, cells } = r;
  const what = [gap.criterion, gap.name, gap.indicator ?? '', gap.indicatorName ?? ''];
  return [unit.name, unit.parent, unit.file, ...what, r.kind, cells.value, cells.required, cells.shortfall, ...more];
};
