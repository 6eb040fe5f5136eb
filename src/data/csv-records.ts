import type { Readable } from 'node:stream';
import { parse, CsvError, type Options } from 'csv-parse';
import { InputError, problem, type Problem } from '../problems.js';

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
  switch (e.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return problem('unclosed-quote', { cell, line, end: lines }, { line, column: cell });
    case 'CSV_INVALID_CLOSING_QUOTE':
      return problem('bad-quote', undefined, { line: lines, column: cell });
    case 'INVALID_OPENING_QUOTE':
      return problem('stray-quote', undefined, { line: lines, column: cell });
    case 'CSV_MAX_RECORD_SIZE':
      // Only a quoted cell runs across line breaks: past 1 MB and several lines, it is a quote left open.
      if (lines > line) return problem('runaway-quote', { cell, line }, { line, column: cell });
      return problem('record-too-large', undefined, { line });
    default:
      return problem('bad-csv', { detail: e.message }, { line: lines, column: cell });
  }
}
