import type { Readable } from 'node:stream';
import { parse, CsvError, type Options } from 'csv-parse';
import { InputError, type Problem } from '../problems.js';

/** A record longer than this is not a survey row (or its line breaks are missing). */
const MAX_RECORD_BYTES = 1_000_000;

/**
 * Records are handed on a slice of this many bytes at a time (about 200 rows): a batch lives until
 * the report has taken it, and larger ones outlived the collector's young generation, tripling
 * its work (a 256 KB chunk of a file or a pipe: a third of a --quiet run's time).
 */
const SLICE = 16 * 1024;

/** One CSV record and the line of the file it starts on. */
export interface CsvRecord {
  cells: string[];
  line: number;
}

/** The part of csv-parse's parser that its stream drives: one call per chunk of bytes. */
interface CsvCore {
  parse(chunk: Buffer | undefined, end: boolean, push: (cells: string[]) => void, close: () => void): unknown;
  info: { lines: number };
  state: { expectedRecordLength: number };
}

/**
 * Splits a CSV byte stream (UTF-8, checked upstream) into records with csv-parse, a batch per chunk
 * of bytes, so that the reader pulls them: nothing is read faster than the report is written.
 * Quotes that never close, text after a closing quote or a quote inside an unquoted cell, and
 * records over 1 MB end the reading with an InputError naming `file`, its line and cell; an error
 * of the byte stream (a bad UTF-8 byte) ends it with that error.
 */
export async function* readRecords(bytes: Readable, file: string, delimiter: string): AsyncGenerator<CsvRecord[]> {
  const options: Options = {
    delimiter,
    encoding: 'utf8',
    bom: true,
    relax_column_count: true,
    skip_empty_lines: false,
    max_record_size: MAX_RECORD_BYTES,
  };
  // csv-parse's own core, driven chunk by chunk: its Transform stream would add a stream write and
  // an async step per record, and its on_record hook an info object per record (a third of the
  // time of a --quiet run). The records of a chunk are handed on together.
  const core = (parse(options) as unknown as { api: CsvCore }).api;
  // The line the next record starts on: one after the line the previous record ended on.
  let nextLine = 1;
  let batch: CsvRecord[] = [];
  const push = (cells: string[]) => {
    batch.push({ cells, line: nextLine });
    nextLine = core.info.lines + 1;
    // csv-parse builds (and drops, under relax_column_count) an error with its stack for every
    // record whose length differs from the first record's: a title row above the header made
    // that every row, at 100 µs each. Compared with the previous record, only a change costs.
    core.state.expectedRecordLength = cells.length;
  };
  const step = (chunk: Buffer | undefined) => {
    const error = core.parse(chunk, chunk === undefined, push, () => undefined);
    if (error instanceof CsvError) throw new InputError([{ ...csvProblem(error, nextLine), file }]);
    if (error) throw error;
    const records = batch;
    batch = [];
    return records;
  };
  try {
    for await (const chunk of bytes as AsyncIterable<Buffer>) {
      for (let at = 0; at < chunk.length; at += SLICE) {
        const records = step(chunk.subarray(at, at + SLICE));
        if (records.length) yield records;
      }
    }
    const last = step(undefined);
    if (last.length) yield last;
  } finally {
    bytes.destroy();
  }
}

/** csv-parse's error as the user's problem: `line` is where the failing record starts. */
function csvProblem(e: CsvError, line: number): Problem {
  const lines = e.lines as number;
  const cell = (e.column as number) + 1;
  const severity = 'error';
  switch (e.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return {
        kind: 'unclosed-quote',
        severity,
        line,
        column: cell,
        params: { cell, line, end: lines },
        message:
          `a quoted cell is never closed: the " that opens cell ${cell} of the row on line ${line} has no closing "` +
          ` (the file ends inside it, at line ${lines})`,
        hint: 'Close the quote, or write a quote inside a quoted cell as "".',
      };
    case 'CSV_INVALID_CLOSING_QUOTE':
      return {
        kind: 'bad-quote',
        severity,
        line: lines,
        column: cell,
        message: 'a quoted cell has text after its closing quote',
        hint: 'Inside a quoted cell write a quote as "".',
      };
    case 'INVALID_OPENING_QUOTE':
      return {
        kind: 'stray-quote',
        severity,
        line: lines,
        column: cell,
        message: 'a cell has a quote (") inside it but does not start with one',
        hint: 'Put the whole cell in quotes and write the quote inside it as "" (Excel\'s CSV export does this).',
      };
    case 'CSV_MAX_RECORD_SIZE':
      // Only a quoted cell runs across line breaks: past 1 MB and several lines, it is a quote left open.
      if (lines > line) {
        return {
          kind: 'runaway-quote',
          severity,
          line,
          column: cell,
          params: { cell, line },
          message:
            `a quoted cell is never closed: the " that opens cell ${cell} of the row on line ${line}` +
            ' runs on for over 1 MB of the file without a closing "',
          hint: 'Close the quote, or write a quote inside a quoted cell as "".',
        };
      }
      return {
        kind: 'record-too-large',
        severity,
        line,
        message: 'a row is over 1 MB long: this is not a survey table (or its line breaks are missing)',
        hint: 'Check that the file is the CSV export of the sheet.',
      };
    default:
      return {
        kind: 'bad-csv',
        severity,
        line: lines,
        column: cell,
        params: { detail: e.message },
        message: `the CSV cannot be read: ${e.message}`,
        hint: 'Check that the file is the CSV export of the sheet.',
      };
  }
}
