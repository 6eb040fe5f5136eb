import type { Readable } from 'node:stream';
import { parse, CsvError, type Options } from 'csv-parse';
import { InputError, problem, type Problem } from '../problems.js';

/** A record longer than this is not a survey row (or its line breaks are missing). */
const MAX_RECORD_BYTES = 1_000_000;

/** One CSV record and the line of the file it starts on. */
export interface CsvRecord {
  cells: string[];
  line: number;
}

/**
 * Splits a CSV byte stream (UTF-8, checked upstream) into records with csv-parse, yielded in small
 * batches so that the reader pulls them: nothing is read faster than the report is written.
 * Quotes that never close, text after a closing quote or a quote inside an unquoted cell, and
 * records over 1 MB end the reading with an InputError naming `file`, its line and cell; an error
 * of the byte stream (a bad UTF-8 byte) ends it with that error.
 */
export async function* readRecords(bytes: Readable, file: string, delimiter: string): AsyncGenerator<CsvRecord[]> {
  // The line the next record starts on: one after the line the previous record ended on. Kept
  // from csv-parse's synchronous hook, since records parsed before an error are dropped with it.
  let nextLine = 1;
  const options: Options = {
    delimiter,
    encoding: 'utf8',
    bom: true,
    relax_column_count: true,
    skip_empty_lines: false,
    max_record_size: MAX_RECORD_BYTES,
    // Typed by csv-parse as giving back a record; any value can stand for it.
    on_record: ((cells: string[], info: { lines: number }) => {
      const record: CsvRecord = { cells, line: nextLine };
      nextLine = info.lines + 1;
      // csv-parse builds (and drops, under relax_column_count) an error with its stack for every
      // record whose length differs from the first record's: a title row above the header made
      // that every row, at 100 µs each. Compared with the previous record, only a change costs.
      (parser as unknown as { state: { expectedRecordLength: number } }).state.expectedRecordLength = cells.length;
      return record;
    }) as unknown as Options['on_record'],
  };
  const parser = parse(options);
  // pipe() does not pass errors on: a read error must reach whoever reads the records.
  bytes.on('error', (e) => parser.destroy(e));
  bytes.pipe(parser);
  let batch: CsvRecord[] = [];
  try {
    for await (const record of parser as AsyncIterable<CsvRecord>) {
      batch.push(record);
      if (batch.length === 256) {
        yield batch;
        batch = [];
      }
    }
  } catch (e) {
    if (e instanceof CsvError) throw new InputError([{ ...csvProblem(e, nextLine), file }]);
    throw e;
  } finally {
    bytes.destroy();
  }
  if (batch.length) yield batch;
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
