import { PassThrough } from 'node:stream';
// Loaded when a workbook is read or written: exceljs alone doubles ntm's start-up.
import type ExcelJS from 'exceljs';
import type { UnitResult } from '../engine/types.js';
import { t, type Lang } from '../i18n/messages.js';
import { annexHead, annexLine, annexMarks, criterionHead, gapHead, gapLine, gapRows } from './annex.js';
import { fileSummaryLine, mostMissedLine, setLine, severalFiles, summaryFigures } from './labels.js';
import type { RenderOptions } from './options.js';
import { officialSummary, progressSections, type SectionTable } from './progress-views.js';
import { withSpill, type Spill } from './spill.js';
import { neutralise } from './spreadsheet-safety.js';
import type { ReportSink, RunHead, RunStream } from './stream.js';
import { CriterionView, joinWhich, OwnerView } from './views.js';

type Cell = string | number | null;

const FILL = {
  head: 'FFD9D9D9',
  met: 'FFC6EFCE',
  noData: 'FFFFEB9C',
};
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/**
 * The styles of body cells, each one object shared by every cell that has it: exceljs keys a
 * style it has seen by the object, and would otherwise render every cell's style to XML to find
 * its twin (most of the time of a large workbook). Never changed once a cell has one.
 */
const centred = { horizontal: 'center', vertical: 'middle' } as const;
const solid = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
const BODY: Partial<ExcelJS.Style> = { border: THIN, alignment: { vertical: 'top', wrapText: true } };
const CENTRED: Partial<ExcelJS.Style> = { border: THIN, alignment: centred };
const MARK_MET: Partial<ExcelJS.Style> = { ...CENTRED, fill: solid(FILL.met) };
const MARK_NO_DATA: Partial<ExcelJS.Style> = { ...CENTRED, fill: solid(FILL.noData) };

/** Rows between two looks at whether the zip keeps up. */
const CHECK_EVERY = 64;
/** What a sheet may hold, in bytes, before its rows wait for the zip to take it. */
const HELD = 1 << 20;

/**
 * The annex as officials hand it in (title, criteria names, numbering row, 1 for met), then every
 * gap, the summary, and the chosen view. Text cells are neutralised; marks and totals are numbers.
 * Written with exceljs's streaming writer, one sheet after the other (the zip holds one open entry):
 * the annex as the units come, the gaps and the view from a spill once the annex is committed.
 */
export async function render(run: RunStream, opts: RenderOptions, out: ReportSink): Promise<void> {
  const zipped = new PassThrough();
  const pump = (async () => {
    for await (const chunk of zipped) await out.write(chunk as Buffer);
  })();
  // A failed write (a full disk) is met where the pump is awaited, not left unhandled meanwhile.
  pump.catch(() => undefined);
  // The report date, not the clock, so that the same input gives the same workbook.
  const date = new Date(`${opts.date}T00:00:00Z`);
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: zipped,
    useStyles: true,
    useSharedStrings: false,
    created: date,
    modified: date,
    creator: 'ntm',
  } as Partial<ExcelJS.stream.xlsx.WorkbookStreamWriterOptions>);
  try {
    await withSpill(async (spill) => {
      const { lang } = opts;
      const { head } = run;
      const criteria = opts.by === 'criterion' ? new CriterionView(spill, head, lang) : undefined;
      const owners = opts.by === 'owner' ? new OwnerView<Cell[]>(spill) : undefined;
      let unverified = false;
      await annexSheet(
        wb,
        run,
        opts,
        async (u) => {
          await criteria?.add(u);
          for (const r of gapRows(u, lang)) {
            unverified ||= r.gap.verified === false;
            await spill.writeJson('gaps', gapLine(head, r));
            await owners?.add(r.gap, gapLine(head, r, { owner: false }));
          }
        },
        pump,
      );
      await gapSheet(wb, head, lang, spill, unverified, pump);
      summarySheet(wb, run, lang);
      if (criteria) await criterionSheet(wb, criteria, run.tail().summary.units, lang);
      if (owners) await ownerSheet(wb, head, lang, owners, pump);
      progressSheet(wb, run, lang);
    });
    wb.views = [
      {
        x: 0,
        y: 0,
        width: 20000,
        height: 12000,
        firstSheet: 0,
        activeTab: opts.by === 'unit' ? 0 : 3,
        visibility: 'visible',
      },
    ];
    await Promise.race([wb.commit(), pump]);
    await pump;
  } catch (e) {
    zipped.destroy();
    await pump.catch(() => undefined);
    throw e;
  }
}

/**
 * exceljs's sheet stream ignores backpressure: it writes every committed row on into the zip's entry
 * stream, whether or not the zip has begun to read it (it reads one entry at a time, and only when the
 * event loop lets it). So the rows wait here while more than HELD bytes wait for the zip; the zip
 * itself waits while the sink is full (the pump waits on it).
 */
async function keepUp(ws: ExcelJS.Worksheet, n: number, pump: Promise<void>): Promise<void> {
  if (n % CHECK_EVERY) return;
  type Held = { _writableState: { length: number } };
  const stream = (ws as unknown as { stream: { buffers: unknown[]; pipes: Held[] } }).stream;
  const held = () => stream.buffers.length * 65536 + stream.pipes.reduce((sum, p) => sum + p._writableState.length, 0);
  while (held() > HELD) await Promise.race([new Promise((ok) => setTimeout(ok, 1)), pump]);
}

function addRow(ws: ExcelJS.Worksheet, values: Cell[]): ExcelJS.Row {
  // An empty text is an empty cell, as a person leaves it (the annex's "not met" is a blank).
  return ws.addRow(values.map((v) => (v === '' ? null : typeof v === 'string' ? neutralise(v) : v)));
}

/** Sheet options the streaming writer needs before the first row: they open the sheet's XML. */
function sheetOptions(
  frozen: { xSplit: number; ySplit: number },
  titleRows?: string,
): Partial<ExcelJS.AddWorksheetOptions> {
  const pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    ...(titleRows ? { printTitlesRow: titleRows } : {}),
  };
  return { views: [{ state: 'frozen', ...frozen }], pageSetup: pageSetup as Partial<ExcelJS.PageSetup> };
}

function headRow(ws: ExcelJS.Worksheet, values: string[]): ExcelJS.Row {
  const row = addRow(ws, values);
  row.eachCell((cell) => {
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL.head } };
    cell.border = THIN;
  });
  return row;
}

function titleRow(ws: ExcelJS.Worksheet, text: string, width: number, size = 11): void {
  const row = addRow(ws, [text]);
  row.getCell(1).font = { bold: size > 11, size };
  ws.mergeCells(row.number, 1, row.number, Math.max(width, 1));
}

function bordered(row: ExcelJS.Row, width: number): ExcelJS.Row {
  for (let i = 1; i <= width; i++) row.getCell(i).style = BODY;
  return row;
}

type Writer = ExcelJS.stream.xlsx.WorkbookWriter;

/** The annex, row by row as the units come; `each` sees every unit once its row is committed. */
async function annexSheet(
  wb: Writer,
  run: RunStream,
  opts: RenderOptions,
  each: (u: UnitResult) => Promise<void>,
  pump: Promise<void>,
): Promise<void> {
  const { lang } = opts;
  const { head: h } = run;
  const { head, numbering } = annexHead(h, lang);
  const n = h.set.criteria.length;
  const several = severalFiles(h);
  const ws = wb.addWorksheet(t(lang, 'sheetAnnex'), sheetOptions({ xSplit: 3, ySplit: 5 }, '4:5'));
  ws.columns = [
    { width: 5 },
    { width: 22 },
    { width: 18 },
    ...h.set.criteria.map(() => ({ width: 6 })),
    { width: 11 },
    ...(h.levels ? [{ width: 28 }] : []),
    ...(several ? [{ width: 28 }] : []),
  ];
  titleRow(ws, t(lang, 'reportTitle'), head.length, 14);
  titleRow(ws, setLine(h, lang), head.length);
  titleRow(ws, `${t(lang, 'date')}: ${opts.date}. ${t(lang, 'legend')}`, head.length);
  const header = headRow(ws, head);
  // Criteria names stand on end, as in the printed annex, so that every column stays narrow.
  for (let i = 0; i < n; i++)
    header.getCell(4 + i).alignment = { textRotation: 90, wrapText: true, vertical: 'bottom', horizontal: 'center' };
  const longest = Math.max(0, ...h.set.criteria.map((c) => c.name.length));
  header.height = Math.min(240, Math.max(60, Math.ceil(longest / 2) * 7 + 12));
  const numbers = headRow(ws, numbering);
  numbers.font = { italic: true };
  numbers.commit();
  let tt = 0;
  for await (const u of run.units) {
    // A met mark is the number 1, so that the column can be summed; addRow leaves the unmet blank empty.
    const row = addRow(
      ws,
      annexLine(
        h,
        ++tt,
        u,
        annexMarks(u).map((m) => (m === '1' ? 1 : m)),
      ),
    );
    bordered(row, head.length);
    u.criteria.forEach((s, i) => {
      row.getCell(4 + i).style = s === 'unmet' ? CENTRED : s === 'met' ? MARK_MET : MARK_NO_DATA;
    });
    row.getCell(4 + n).style = CENTRED;
    row.commit();
    await each(u);
    await keepUp(ws, tt, pump);
  }
  ws.commit();
}

const gapColumns = (head: RunHead) => [
  { width: 22 },
  { width: 18 },
  ...(severalFiles(head) ? [{ width: 28 }] : []),
  { width: 30 },
  { width: 50 },
  { width: 20 },
  { width: 18 },
  { width: 18 },
];

async function gapSheet(
  wb: Writer,
  h: RunHead,
  lang: Lang,
  spill: Spill,
  unverified: boolean,
  pump: Promise<void>,
): Promise<void> {
  const head = [t(lang, 'tt'), ...gapHead(h, lang)];
  const ws = wb.addWorksheet(t(lang, 'sheetGaps'), sheetOptions({ xSplit: 0, ySplit: 1 }, '1:1'));
  ws.columns = [{ width: 5 }, ...gapColumns(h), { width: 32 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: head.length } };
  headRow(ws, head).commit();
  let i = 0;
  for await (const line of spill.records<Cell[]>('gaps')) {
    const row = addRow(ws, [++i, ...line]);
    bordered(row, head.length);
    row.commit();
    await keepUp(ws, i, pump);
  }
  if (unverified) addRow(ws, [`* ${t(lang, 'unverified')}`]);
  if (!i) addRow(ws, [t(lang, 'noGaps')]);
  ws.commit();
}

function summarySheet(wb: Writer, run: RunStream, lang: Lang): void {
  const s = { ...run.head, ...run.tail() };
  const ws = wb.addWorksheet(t(lang, 'summary'));
  ws.columns = [{ width: 34 }, { width: 90 }];
  titleRow(ws, setLine(s, lang), 2);
  for (const [k, v] of summaryFigures(s, lang)) addRow(ws, [k, v]);
  if (s.summary.mostMissed.length) addRow(ws, [t(lang, 'mostMissed'), mostMissedLine(s)]);
  if (severalFiles(s)) {
    addRow(ws, []);
    addRow(ws, [t(lang, 'byFile')]).font = { bold: true };
    for (const f of s.files) addRow(ws, [f.file, fileSummaryLine(f, s, lang)]);
  }
  // Two columns, as the figures above: a label and its number.
  for (const section of officialSummary(s, lang)) {
    addRow(ws, []);
    headRow(ws, [section.title, section.head[section.head.length - 1]!]);
    for (const r of section.rows) bordered(addRow(ws, [r[0]!, r[r.length - 1]!]), 2);
  }
  ws.commit();
}

/** The targets, progress and roll-up tables, when asked for: one under another, on a sheet of their own. */
function progressSheet(wb: Writer, run: RunStream, lang: Lang): void {
  const sections = progressSections({ ...run.head, ...run.tail() }, lang);
  if (!sections.length) return;
  const first = sections[0]!.id;
  const title = first === 'targets' ? 'targetsTitle' : first === 'progress' ? 'progressTitle' : 'byParentTitle';
  const ws = wb.addWorksheet(t(lang, title));
  ws.columns = [{ width: 48 }, ...Array.from({ length: 7 }, () => ({ width: 16 }))];
  sectionTables(ws, sections);
  ws.commit();
}

function sectionTables(ws: ExcelJS.Worksheet, sections: SectionTable[]): void {
  const width = Math.max(...sections.map((s) => s.head.length));
  for (const s of sections) {
    addRow(ws, []);
    titleRow(ws, s.title, width, 12);
    headRow(ws, s.head);
    for (const r of s.rows) bordered(addRow(ws, r), s.head.length);
    for (const n of s.notes) addRow(ws, [n]);
  }
}

async function criterionSheet(wb: Writer, view: CriterionView, total: number, lang: Lang): Promise<void> {
  const ws = wb.addWorksheet(t(lang, 'byCriterion'), sheetOptions({ xSplit: 0, ySplit: 1 }, '1:1'));
  const head = criterionHead(lang, { split: true });
  ws.columns = [{ width: 10 }, { width: 34 }, { width: 32 }, { width: 12 }, { width: 12 }, { width: 80 }];
  headRow(ws, head);
  for (const g of view.groups())
    bordered(addRow(ws, [g.id, g.name, g.owner, g.count, total, await joinWhich(g, '; ')]), head.length).commit();
  ws.commit();
}

async function ownerSheet(
  wb: Writer,
  h: RunHead,
  lang: Lang,
  view: OwnerView<Cell[]>,
  pump: Promise<void>,
): Promise<void> {
  const head = [t(lang, 'owner'), ...gapHead(h, lang, { owner: false })];
  const ws = wb.addWorksheet(t(lang, 'byOwner'), sheetOptions({ xSplit: 0, ySplit: 1 }, '1:1'));
  ws.columns = [{ width: 32 }, ...gapColumns(h)];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: head.length } };
  headRow(ws, head).commit();
  let i = 0;
  for (const g of view.groups()) {
    for await (const line of g.lines()) {
      const row = addRow(ws, [g.owner, ...line]);
      bordered(row, head.length);
      row.commit();
      await keepUp(ws, ++i, pump);
    }
  }
  ws.commit();
}
