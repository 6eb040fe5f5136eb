import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { ntmRaw } from './helpers/cli.js';

/** A fixed report date (2023-11-14), as SOURCE_DATE_EPOCH gives it, so that reports can be compared. */
export const DATE_ENV = { SOURCE_DATE_EPOCH: '1700000000' };

/** Runs the CLI with the fixed report date, standard output kept as bytes (for the xlsx written to a pipe). */
export const ntmBytes = (args: string[]) => ntmRaw(args, { env: DATE_ENV });

/** The CSV as a spreadsheet reads it: the BOM checked and removed, then parsed by csv-parse. */
export function readCsv(text: string): string[][] {
  if (!text.startsWith('\uFEFF')) throw new Error('the CSV has no UTF-8 BOM');
  return parse(text.slice(1), { relax_column_count: false }) as string[][];
}

export async function readXlsx(pathOrBytes: string | Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const bytes = typeof pathOrBytes === 'string' ? readFileSync(pathOrBytes) : pathOrBytes;
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** A sheet's values as plain rows (1-based in exceljs; made 0-based here, empty cells as null). */
export function sheetRows(ws: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const values = row.values as unknown[];
    rows[n - 1] = Array.from({ length: ws.columnCount }, (_, i) => values[i + 1] ?? null);
  });
  return rows;
}
