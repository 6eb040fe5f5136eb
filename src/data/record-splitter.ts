import type { Options, parse } from 'csv-parse';

/**
 * What the splitter makes of one chunk of bytes: its records' cells and the lines they start on,
 * and the error that ended them. Arrays, not a record object each: they cross between threads.
 */
export interface Split {
  cells: string[][];
  lines: number[];
  /** csv-parse's error, as plain data (it crosses threads): `line` is where the failing record starts. */
  error?: CsvFault;
}

export interface CsvFault {
  code?: string;
  message: string;
  lines?: number;
  column?: number;
  line: number;
}

/**
 * csv-parse's own core, driven chunk by chunk (`undefined` ends the input): its Transform stream
 * would add a stream write and an async step per record, and its on_record hook an info object per
 * record. Runs here and, as text, on the worker thread: it uses nothing but its arguments.
 */
export function recordSplitter(parser: typeof parse, options: Options): (chunk: Buffer | undefined) => Split {
  interface CsvCore {
    parse(chunk: Buffer | undefined, end: boolean, push: (cells: string[]) => void, close: () => void): unknown;
    info: { lines: number };
    state: { expectedRecordLength: number };
  }
  const core = (parser(options) as unknown as { api: CsvCore }).api;
  // The line the next record starts on: one after the line the previous record ended on.
  let nextLine = 1;
  let cells: string[][] = [];
  let lines: number[] = [];
  const push = (record: string[]) => {
    cells.push(record);
    lines.push(nextLine);
    nextLine = core.info.lines + 1;
    // csv-parse builds (and drops, under relax_column_count) an error with its stack for every
    // record whose length differs from the first record's: a title row above the header made
    // that every row, at 100 µs each. Compared with the previous record, only a change costs.
    core.state.expectedRecordLength = record.length;
  };
  return (chunk) => {
    const e = core.parse(chunk, chunk === undefined, push, () => undefined) as Record<string, unknown> | undefined;
    const split: Split = { cells, lines };
    cells = [];
    lines = [];
    if (e) {
      const { code, message, lines: at, column } = e as Partial<CsvFault>;
      split.error = { code, message: message ?? String(e), lines: at, column, line: nextLine };
    }
    return split;
  };
}
