import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { Transform } from 'node:stream';
// Loaded when a workbook is read or written: exceljs alone doubles ntm's start-up.
import type ExcelJS from 'exceljs';
import { fail, InputError, problem, type Problem } from '../problems.js';
import { nfc } from '../text/normalize.js';
import { readSheetList } from './xlsx-sheet-list.js';

/** What the first bytes say a file is: an Office Open XML workbook (a zip), an old binary .xls, or neither. */
export function workbookKind(path: string): 'xlsx' | 'xls' | undefined {
  if (path === '-') return undefined;
  const head = Buffer.alloc(8);
  let fd: number | undefined;
  try {
    // A named pipe is read once, by the CSV reader: a workbook is read from a file.
    if (!statSync(path).isFile()) return undefined;
    fd = openSync(path, 'r');
    readSync(fd, head, 0, 8, 0);
  } catch {
    // The CSV reader reports files that cannot be opened.
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  if (head.readUInt32BE(0) === 0x504b0304) return 'xlsx';
  if (head.readUInt32BE(0) === 0xd0cf11e0) return 'xls';
  return undefined;
}

export interface WorkbookOptions {
  /** --sheet: a sheet's name, or its number in the workbook's tab order (from 1). */
  sheet?: string;
  /** How many rows of a sheet `fits` is shown. */
  headRows: number;
  /** Whether these first rows of a sheet hold a header that fits a criteria set. */
  fits: (rows: string[][]) => boolean;
  /** Told the sheet read, before its first record. */
  onSheet: (name: string) => void;
  /** Told the bytes of the file read so far, for the progress line (each pass starts again from 0). */
  onBytes?: (read: number) => void;
  /** A problem with a cell (a formula without a value); the reading goes on, the run fails at the end. */
  error: (p: Omit<Problem, 'severity' | 'file'>) => void;
}

type Sheet = { name: string; position: number };
type WorkbookRecord = { cells: string[]; line: number };

type WorksheetReader = ExcelJS.stream.xlsx.WorksheetReader;

/**
 * Streams one sheet of a workbook as CSV-like records: one per row (blank ones too, so that line
 * numbers are row numbers), every cell as the text a CSV export of it would hold, read back exactly
 * by the value parser told decimalComma=false: numbers without grouping, percent-formatted cells
 * as "29.8%", a merged range's value in its top-left cell only (the XML holds nothing in the rest).
 * Without `sheet`, the sheet is the one whose head fits a set; several is an error.
 */
export async function readWorkbookRecords(
  path: string,
  opts: WorkbookOptions,
  onRecord: (record: string[], line: number) => Promise<void> | undefined,
): Promise<void> {
  // Errors of the caller's callbacks pass through as they are; the rest are the workbook's.
  let inCallback = false;
  const call = (f: () => void) => {
    inCallback = true;
    f();
    inCallback = false;
  };
  const streamSheet = async (ws: WorksheetReader, sheet: Sheet) => {
    call(() => opts.onSheet(sheet.name));
    // The caller may hold the next record back (a full batch unread): the sheet waits for it.
    for await (const r of records(ws, opts.error)) {
      inCallback = true;
      await onRecord(r.cells, r.line);
      inCallback = false;
    }
  };
  try {
    const target = opts.sheet ?? (await chooseSheet(path, opts, streamSheet));
    if (target === undefined) return;
    const found = await eachSheet(path, opts.onBytes, async (ws, sheet, sheets) => {
      if (!sheetMatches(sheet, target, sheets)) return skip(ws);
      await streamSheet(ws, sheet);
      return true;
    });
    if (!found.done) {
      const names = found.names.map((n, i) => `${i + 1} "${n}"`).join(', ');
      fail('no-such-sheet', { sheet: target, sheets: names }, { file: path });
    }
  } catch (e) {
    if (inCallback || e instanceof InputError) throw e;
    fail('bad-workbook', { detail: (e as Error).message }, { file: path });
  }
}

/**
 * The sheet to read: the only one whose first rows fit a set. A workbook of one sheet is streamed
 * in this same pass (and undefined returned); otherwise the heads of all sheets are read first
 * (the rest of each is skipped, not parsed), and the caller reads the chosen one in a second pass.
 */
async function chooseSheet(
  path: string,
  opts: WorkbookOptions,
  streamSheet: (ws: WorksheetReader, sheet: Sheet) => Promise<void>,
): Promise<string | undefined> {
  const fitting: Sheet[] = [];
  const seen = await eachSheet(path, opts.onBytes, async (ws, sheet, sheets) => {
    if (sheets.length === 1) {
      await streamSheet(ws, sheet);
      return true;
    }
    const head: string[][] = [];
    for await (const r of records(ws, opts.error)) {
      head.push(r.cells.map(nfc));
      if (head.length === opts.headRows) break;
    }
    if (opts.fits(head)) fitting.push(sheet);
    return false;
  });
  if (seen.done) return undefined;
  if (seen.names.length === 0) {
    fail('bad-workbook', { case: 'no-sheets' }, { file: path });
  }
  if (fitting.length > 1) {
    const list = fitting.map((s) => `${s.position} "${s.name}"`).join(', ');
    const { name, position } = fitting[0]!;
    fail('several-sheets', { count: fitting.length, sheets: list, first: name, position }, { file: path });
  }
  if (fitting.length === 0) {
    const names = seen.names.map((n) => `"${n}"`).join(', ');
    fail('no-sheet-fits', { sheets: names }, { file: path });
  }
  return fitting[0]!.name;
}

/**
 * Passes over a sheet, after its first row: exceljs keeps a sheet stored before the shared strings
 * in a temporary file, removed as soon as the next sheet is asked for, and the stream of one never
 * read may not be open by then: it would fail (ENOENT) with nobody listening, and end the run.
 */
async function skip(ws: WorksheetReader): Promise<false> {
  for await (const row of ws as unknown as AsyncIterable<unknown>) if (row) break;
  return false;
}

function sheetMatches(sheet: Sheet, target: string, sheets: string[]): boolean {
  if (foldName(sheet.name) === foldName(target)) return true;
  // A number names a tab by position, unless a sheet is named that number.
  const named = sheets.some((n) => foldName(n) === foldName(target));
  return /^\d+$/.test(target.trim()) && !named && sheet.position === Number(target);
}

const foldName = (s: string) => nfc(s).trim().toLowerCase();

/**
 * Calls `visit` with each worksheet (in the order of the zip, which need not be the tab order)
 * until it returns true; the rest of a sheet `visit` leaves unread is skipped unparsed. Returns
 * whether a visit ended it, and the names of the sheets in tab order.
 */
async function eachSheet(
  path: string,
  onBytes: WorkbookOptions['onBytes'],
  visit: (ws: WorksheetReader, sheet: Sheet, sheets: string[]) => Promise<boolean>,
): Promise<{ done: boolean; names: string[] }> {
  const file = createReadStream(path, { flags: 'r', highWaterMark: 256 * 1024 });
  let read = 0;
  const counted = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      onBytes?.((read += chunk.length));
      cb(null, chunk);
    },
  });
  // pipe() does not pass errors on: a read error must reach the reader.
  file.on('error', (e) => counted.destroy(e));
  // Styles are kept for the number formats (a percentage); shared strings, since cells refer to them.
  const options = {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  } as const;
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file.pipe(counted), options);
  // The workbook's sheet list (tab order) and its input stream: there, though not in the typings.
  type Book = {
    model?: { sheets?: { id: number; name: string }[] };
    workbookRels?: unknown;
    stream?: { destroy(): void };
  };
  const book = reader as unknown as Book;
  // Known before the first sheet comes, whatever order the zip stores its parts in.
  const listed = readSheetList(path);
  if (listed) Object.assign(book, { model: { sheets: listed.sheets }, workbookRels: listed.rels });
  const names = () => (book.model?.sheets ?? []).map((s) => nfc(s.name));
  let order = 0;
  try {
    for await (const ws of reader) {
      const sheets = names();
      const { id, name } = ws as unknown as { id: number | string; name: string };
      const index = (book.model?.sheets ?? []).findIndex((s) => s.id === Number(id));
      const sheet = { name: nfc(name), position: index >= 0 ? index + 1 : ++order };
      if (await visit(ws, sheet, sheets)) return { done: true, names: sheets };
    }
    return { done: false, names: names() };
  } finally {
    file.destroy();
    book.stream?.destroy();
  }
}

/** The sheet's rows as records, blank rows included, each at least as wide as the widest before it. */
async function* records(ws: WorksheetReader, error: WorkbookOptions['error']): AsyncGenerator<WorkbookRecord> {
  let next = 1;
  let width = 0;
  for await (const row of ws as unknown as AsyncIterable<ExcelJS.Row>) {
    for (; next < row.number; next++) yield { cells: new Array<string>(width).fill(''), line: next };
    const cells: string[] = [];
    row.eachCell((cell, col) => {
      while (cells.length < col - 1) cells.push('');
      cells.push(cellText(cell, col, row.number, error));
    });
    width = Math.max(width, cells.length);
    while (cells.length < width) cells.push('');
    yield { cells, line: row.number };
    next = row.number + 1;
  }
}

/** A cell as a CSV export would write it, for the value parser with '.' as the decimal mark. */
function cellText(cell: ExcelJS.Cell, col: number, line: number, error: WorkbookOptions['error']): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) {
    const result = (v as ExcelJS.CellFormulaValue).result;
    const formula = (v as ExcelJS.CellFormulaValue).formula ?? (v as ExcelJS.CellSharedFormulaValue).sharedFormula;
    // An error result is NaN (exceljs parses "#DIV/0!" as a number) or an { error } value.
    const errorValue = typeof result === 'object' && result !== null && 'error' in result;
    const failed = typeof result === 'number' ? Number.isNaN(result) : errorValue;
    const bad = result === undefined ? 'uncached' : failed ? 'error' : undefined;
    if (bad) {
      error(problem('formula-no-value', { case: bad, formula }, { line, column: col }));
      return '';
    }
    return valueText(result as ExcelJS.CellValue, cell.numFmt);
  }
  if (typeof v === 'string' && AMBIGUOUS.test(v.trim())) {
    const text = v.trim();
    error(problem('ambiguous-number', { text }, { line, column: col }));
    return '';
  }
  return valueText(v, cell.numFmt);
}

/**
 * A figure typed as text with one separator before three digits: "54.000" is 54 000 where the
 * decimal mark is a comma (Vietnamese) and 54 where it is a point, and a workbook does not say
 * which its author used (a CSV does, by its delimiter).
 */
const AMBIGUOUS = /^[-+−]?[1-9]\d{0,2}[.,]\d{3}(?:\s*%|\s+\D.*)?$/u;

function valueText(v: ExcelJS.CellValue, numFmt: string | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberText(v, numFmt);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v) return v.richText.map((r) => r.text ?? '').join('');
  if ('error' in v) return String(v.error);
  if ('text' in v) return String(v.text);
  return '';
}

/**
 * A number at Excel's own precision (15 digits: a computed 29.799999999999997 is the 29.8 Excel
 * shows), without exponent or grouping; a percent-formatted cell as its percentage with a "%".
 */
export function numberText(n: number, numFmt?: string): string {
  const percent = numFmt !== undefined && isPercentFormat(numFmt);
  const v = Number((percent ? n * 100 : n).toPrecision(15));
  const s = String(v);
  const text = s.includes('e') ? v.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 }) : s;
  return percent ? `${text}%` : text;
}

/** A % in a number format scales the value, unless it is quoted text ("%"), escaped (\%) or in brackets. */
function isPercentFormat(fmt: string): boolean {
  const section = fmt.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '').split(';')[0] ?? '';
  return section.includes('%');
}
