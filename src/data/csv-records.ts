import type { Readable } from 'node:stream';
import type { Options } from 'csv-parse';
import { InputError, problem, type Problem } from '../problems.js';
import { recordSplitter, type CsvFault, type Split } from './record-splitter.js';
import { splitOnThread, threadFor } from './csv-thread.js';

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

/**
 * Splits a CSV byte stream (UTF-8, checked upstream) into records with csv-parse, a batch per chunk
 * of bytes, so that the reader pulls them: nothing is read faster than the report is written.
 * Quotes that never close, text after a closing quote or a quote inside an unquoted cell, and
 * records over 1 MB end the reading with an InputError naming `file`, its line and cell; an error
 * of the byte stream (a bad UTF-8 byte) ends it with that error.
 *
 * A file of `size` bytes, half a megabyte or more (some 7,000 villages), is split on a worker
 * thread: splitting is half the time of a large run, and the rest (reading, judging, writing)
 * goes on meanwhile on this one.
 */
export async function* readRecords(
  bytes: Readable,
  file: string,
  delimiter: string,
  size = 0,
): AsyncGenerator<CsvRecord[]> {
  const options: Options = {
    delimiter,
    encoding: 'utf8',
    bom: true,
    relax_column_count: true,
    skip_empty_lines: false,
    max_record_size: MAX_RECORD_BYTES,
  };
  // A pipe's size is not known (0): it is split here, as it comes.
  const threaded = threadFor(size);
  try {
    const chunks = slices(bytes);
    for await (const { cells, lines, error } of threaded
      ? splitOnThread(chunks, options)
      : splitHere(chunks, options)) {
      if (cells.length) yield cells.map((c, i) => ({ cells: c, line: lines[i]! }));
      if (error?.code) throw new InputError([{ ...csvProblem(error, error.line), file }]);
      if (error) throw new Error(error.message);
    }
  } finally {
    bytes.destroy();
  }
}

/**
 * The byte stream in slices of at most SLICE bytes: records are handed on a slice at a time, and
 * a slice is what goes to the worker thread.
 */
async function* slices(bytes: Readable): AsyncGenerator<Buffer> {
  for await (const chunk of bytes as AsyncIterable<Buffer>) {
    for (let at = 0; at < chunk.length; at += SLICE) yield chunk.subarray(at, at + SLICE);
  }
}

/** Splits the chunks here, one after the other; `undefined` ends the input. */
async function* splitHere(chunks: AsyncIterable<Buffer>, options: Options): AsyncGenerator<Split> {
  // Loaded here: a large file is split on the worker thread, and this one never needs it.
  const split = recordSplitter((await import('csv-parse')).parse, options);
  for await (const chunk of chunks) yield split(chunk);
  yield split(undefined);
}

/** csv-parse's error as the user's problem: `line` is where the failing record starts. */
function csvProblem(e: CsvFault, line: number): Problem {
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
