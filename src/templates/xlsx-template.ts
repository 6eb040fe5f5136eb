// Loaded when a workbook is read or written: exceljs alone doubles ntm's start-up.
import type ExcelJS from 'exceljs';
import type { Indicator } from '../criteria/types.js';
import type { Lang } from '../i18n/messages.js';
import { MARK_CHOICES, type TemplateColumn, type TemplateLayout } from './layout.js';

/** Rows given drop-down lists and number checks: more than a district or province has units. */
export const FILL_ROWS = 1000;

const HEAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
const REQUIRED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const LINE: Partial<ExcelJS.Border> = { style: 'thin' };
const THIN: Partial<ExcelJS.Borders> = { top: LINE, left: LINE, bottom: LINE, right: LINE };

const PROMPTS = {
  mark: ['Chọn Đạt hoặc Không đạt', 'Choose Đạt (met) or Không đạt (not met)'],
  percent: ['Một tỷ lệ phần trăm từ 0 đến 100', 'A percentage from 0 to 100'],
  count: ['Một số nguyên không âm', 'A whole number, 0 or more'],
  list: ['Chọn một giá trị trong danh sách', 'Choose a value from the list'],
  title: ['Giá trị không hợp lệ', 'Not a valid value'],
} as const;
const prompt = (lang: Lang, id: keyof typeof PROMPTS) => PROMPTS[id][lang === 'vi' ? 0 : 1];

/**
 * The template as a workbook: titles, the requirements row, the header (frozen, with the unit
 * columns), widths that fit the headers, and in the rows to fill a drop-down list for every mark,
 * yes/no, pass and level column and a number check for percentages and counts.
 */
export async function templateWorkbook(
  layout: TemplateLayout,
  lang: Lang,
  sheet: string,
  date: string,
): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ntm';
  // The date given, not the clock, so that the same set gives the same file.
  wb.created = wb.modified = new Date(`${date}T00:00:00Z`);
  const ws = wb.addWorksheet(sheet);
  const width = layout.header.length;
  layout.titles.forEach((text, i) => {
    const row = ws.addRow([text]);
    row.getCell(1).font = { bold: i === 0, size: i === 0 ? 14 : 11 };
    ws.mergeCells(row.number, 1, row.number, width);
  });
  const required = ws.addRow(layout.required);
  ws.mergeCells(required.number, 1, required.number, 3);
  style(required, width, { fill: REQUIRED_FILL, italic: true });
  const header = ws.addRow(layout.header);
  style(header, width, { fill: HEAD_FILL, bold: true });
  let last = header.number;
  if (layout.numbering) {
    const numbering = ws.addRow(layout.numbering);
    style(numbering, width, { fill: HEAD_FILL, italic: true });
    last = numbering.number;
  }
  const widths = layout.columns.map((c, i) => columnWidth(c, layout.header[i]!, layout.required[i]!));
  ws.columns = widths.map((w) => ({ width: w }));
  // Tall enough for the longest header at its column's width, wrapped.
  header.height = Math.min(200, 15 * Math.max(...layout.header.map((h, i) => Math.ceil(h.length / (widths[i]! - 1)))));
  ws.views = [{ state: 'frozen', xSplit: 3, ySplit: last, topLeftCell: `D${last + 1}`, activeCell: `B${last + 1}` }];
  layout.columns.forEach((c, i) => {
    const v = validation(c, lang);
    if (!v) return;
    const letter = ws.getColumn(i + 1).letter;
    // exceljs writes a range given to `dataValidations` as one rule; its typings omit the property.
    type Rules = { add(range: string, v: ExcelJS.DataValidation): void };
    const rules = (ws as unknown as { dataValidations: Rules }).dataValidations;
    rules.add(`${letter}${last + 1}:${letter}${last + FILL_ROWS}`, v);
  });
  const printTitlesRow = `${header.number}:${last}`;
  ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  ws.pageSetup.printTitlesRow = printTitlesRow;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function style(row: ExcelJS.Row, width: number, s: { fill: ExcelJS.Fill; bold?: boolean; italic?: boolean }): void {
  for (let i = 1; i <= width; i++) {
    const cell = row.getCell(i);
    cell.fill = s.fill;
    cell.border = THIN;
    cell.font = { bold: s.bold, italic: s.italic };
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  }
}

/** Wide enough for the requirement on one line and the header on a few. */
function columnWidth(c: TemplateColumn, header: string, required: string): number {
  if (c.role === 'seq') return 5;
  if (c.role === 'name' || c.role === 'parent') return 22;
  return Math.min(30, Math.max(12, required.length + 2, Math.ceil(header.length / 4) + 2));
}

/**
 * The check Excel makes as a cell is typed: a hard stop for lists, a warning for figures (which
 * may be written "54 triệu", or "Đạt" where the figure is not at hand).
 */
function validation(c: TemplateColumn, lang: Lang): ExcelJS.DataValidation | undefined {
  const help = (message: string) => ({
    allowBlank: true,
    showInputMessage: true,
    showErrorMessage: true,
    errorTitle: prompt(lang, 'title'),
    prompt: message,
    error: message,
  });
  const list = (choices: string[], message: string): ExcelJS.DataValidation => ({
    type: 'list',
    formulae: [`"${choices.join(',')}"`],
    errorStyle: 'stop',
    ...help(message),
  });
  if (c.role === 'mark') return list(MARK_CHOICES, prompt(lang, 'mark'));
  if (c.role !== 'value') return undefined;
  const ind: Indicator = c.indicator;
  switch (ind.type) {
    case 'boolean':
      return list(['Có', 'Không'], prompt(lang, 'list'));
    case 'pass':
      return list(MARK_CHOICES, prompt(lang, 'mark'));
    case 'level':
      // A list formula is at most 255 characters, and a comma would split a level in two.
      if (!ind.levels || ind.levels.some((l) => l.includes(',')) || ind.levels.join(',').length > 250) return undefined;
      return list(ind.levels, prompt(lang, 'list'));
    case 'percent':
      // A set that gives the indicator as a ratio reads 0–1 (a cell formatted as % is 0–1 too).
      return {
        type: 'decimal',
        operator: 'between',
        formulae: [0, ind.unit === 'ratio' ? 1 : 100],
        errorStyle: 'warning',
        ...help(prompt(lang, 'percent')),
      };
    case 'count':
      return {
        type: 'whole',
        operator: 'greaterThanOrEqual',
        formulae: [0],
        errorStyle: 'warning',
        ...help(prompt(lang, 'count')),
      };
    default:
      return undefined;
  }
}
