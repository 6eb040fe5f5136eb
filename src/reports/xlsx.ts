import ExcelJS from 'exceljs';
import type { Evaluation } from '../engine/types.js';
import { t, type Lang } from '../i18n/messages.js';
import { annexHead, annexLine, annexRows, criterionHead, criterionLines, gapHead, gapLine, gapRows, type GapRow } from './annex.js';
import { fileSummaryLine, mostMissedLine, setLine, severalFiles, summaryFigures } from './labels.js';
import type { RenderOptions } from './options.js';
import { neutralise } from './spreadsheet-safety.js';
import { groupByOwner } from './views.js';

type Cell = string | number | null;

const FILL = {
  head: 'FFD9D9D9',
  met: 'FFC6EFCE',
  noData: 'FFFFEB9C',
};
const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };

/**
 * The annex as officials hand it in (title, criteria names, numbering row, 1 for met), then every
 * gap, the summary, and the chosen view. Text cells are neutralised; marks and totals are numbers.
 */
export async function render(ev: Evaluation, opts: RenderOptions): Promise<Buffer> {
  const { lang } = opts;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ntm';
  // The report date, not the clock, so that the same input gives the same workbook.
  wb.created = wb.modified = new Date(`${opts.date}T00:00:00Z`);
  const gaps = gapRows(ev, lang);
  annexSheet(wb, ev, opts);
  gapSheet(wb, ev, lang, gaps);
  summarySheet(wb, ev, lang);
  if (opts.by === 'criterion') criterionSheet(wb, ev, lang);
  if (opts.by === 'owner') ownerSheet(wb, ev, lang, gaps);
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: opts.by === 'unit' ? 0 : 3, visibility: 'visible' }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function addRow(ws: ExcelJS.Worksheet, values: Cell[]): ExcelJS.Row {
  // An empty text is an empty cell, as a person leaves it (the annex's "not met" is a blank).
  return ws.addRow(values.map((v) => (v === '' ? null : typeof v === 'string' ? neutralise(v) : v)));
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

function bordered(row: ExcelJS.Row, width: number): void {
  for (let i = 1; i <= width; i++) {
    const cell = row.getCell(i);
    cell.border = THIN;
    cell.alignment = { ...cell.alignment, vertical: 'top', wrapText: true };
  }
}

function printSetup(ws: ExcelJS.Worksheet, titleRows?: string): void {
  ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, ...(titleRows ? { printTitlesRow: titleRows } : {}) };
}

function annexSheet(wb: ExcelJS.Workbook, ev: Evaluation, opts: RenderOptions): void {
  const { lang } = opts;
  const ws = wb.addWorksheet(t(lang, 'sheetAnnex'));
  const { head, numbering } = annexHead(ev, lang);
  const n = ev.set.criteria.length;
  titleRow(ws, t(lang, 'reportTitle'), head.length, 14);
  titleRow(ws, setLine(ev, lang), head.length);
  titleRow(ws, `${t(lang, 'date')}: ${opts.date}. ${t(lang, 'legend')}`, head.length);
  const header = headRow(ws, head);
  // Criteria names stand on end, as in the printed annex, so that every column stays narrow.
  for (let i = 0; i < n; i++) header.getCell(4 + i).alignment = { textRotation: 90, wrapText: true, vertical: 'bottom', horizontal: 'center' };
  const longest = Math.max(0, ...ev.set.criteria.map((c) => c.name.length));
  header.height = Math.min(240, Math.max(60, Math.ceil(longest / 2) * 7 + 12));
  const numbers = headRow(ws, numbering);
  numbers.font = { italic: true };
  const several = severalFiles(ev);
  for (const r of annexRows(ev)) {
    // A met mark is the number 1, so that the column can be summed; addRow leaves the unmet blank empty.
    const row = addRow(ws, annexLine(ev, r, r.marks.map((m) => (m === '1' ? 1 : m))));
    bordered(row, head.length);
    r.unit.criteria.forEach((s, i) => {
      const cell = row.getCell(4 + i);
      cell.alignment = { horizontal: 'center', vertical: 'middle' };
      if (s !== 'unmet') cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: s === 'met' ? FILL.met : FILL.noData } };
    });
    row.getCell(4 + n).alignment = { horizontal: 'center', vertical: 'middle' };
  }
  ws.columns = [{ width: 5 }, { width: 22 }, { width: 18 }, ...ev.set.criteria.map(() => ({ width: 6 })), { width: 11 }, ...(several ? [{ width: 28 }] : [])];
  ws.views = [{ state: 'frozen', xSplit: 3, ySplit: numbers.number }];
  printSetup(ws, `${header.number}:${numbers.number}`);
}

function gapSheet(wb: ExcelJS.Workbook, ev: Evaluation, lang: Lang, rows: GapRow[]): void {
  const ws = wb.addWorksheet(t(lang, 'sheetGaps'));
  const head = [t(lang, 'tt'), ...gapHead(ev, lang)];
  headRow(ws, head);
  rows.forEach((r, i) => bordered(addRow(ws, [i + 1, ...gapLine(ev, r)]), head.length));
  if (rows.some((r) => r.gap.verified === false)) addRow(ws, [`* ${t(lang, 'unverified')}`]);
  if (!rows.length) addRow(ws, [t(lang, 'noGaps')]);
  ws.columns = [{ width: 5 }, { width: 22 }, { width: 18 }, ...(severalFiles(ev) ? [{ width: 28 }] : []), { width: 30 }, { width: 50 }, { width: 20 }, { width: 18 }, { width: 18 }, { width: 32 }];
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: head.length } };
  printSetup(ws, '1:1');
}

function summarySheet(wb: ExcelJS.Workbook, ev: Evaluation, lang: Lang): void {
  const ws = wb.addWorksheet(t(lang, 'summary'));
  titleRow(ws, setLine(ev, lang), 2);
  for (const [k, v] of summaryFigures(ev, lang)) addRow(ws, [k, v]);
  if (ev.summary.mostMissed.length) addRow(ws, [t(lang, 'mostMissed'), mostMissedLine(ev)]);
  if (severalFiles(ev)) {
    addRow(ws, []);
    addRow(ws, [t(lang, 'byFile')]).font = { bold: true };
    for (const f of ev.files) addRow(ws, [f.file, fileSummaryLine(f, ev, lang)]);
  }
  ws.columns = [{ width: 34 }, { width: 90 }];
}

function criterionSheet(wb: ExcelJS.Workbook, ev: Evaluation, lang: Lang): void {
  const ws = wb.addWorksheet(t(lang, 'byCriterion'));
  const head = criterionHead(lang, { split: true });
  headRow(ws, head);
  for (const line of criterionLines(ev, lang, { split: true })) bordered(addRow(ws, line), head.length);
  ws.columns = [{ width: 10 }, { width: 34 }, { width: 32 }, { width: 12 }, { width: 12 }, { width: 80 }];
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
  printSetup(ws, '1:1');
}

function ownerSheet(wb: ExcelJS.Workbook, ev: Evaluation, lang: Lang, rows: GapRow[]): void {
  const ws = wb.addWorksheet(t(lang, 'byOwner'));
  const head = [t(lang, 'owner'), ...gapHead(ev, lang, { owner: false })];
  headRow(ws, head);
  for (const g of groupByOwner(rows)) {
    for (const r of g.gaps) bordered(addRow(ws, [g.owner, ...gapLine(ev, r, { owner: false })]), head.length);
  }
  ws.columns = [{ width: 32 }, { width: 22 }, { width: 18 }, ...(severalFiles(ev) ? [{ width: 28 }] : []), { width: 30 }, { width: 50 }, { width: 20 }, { width: 18 }, { width: 18 }];
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: head.length } };
  printSetup(ws, '1:1');
}
