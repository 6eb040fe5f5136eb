import type { Readable } from 'node:stream';
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Options, parse } from 'csv-parse';
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

/**
 * What the splitter makes of one chunk of bytes: its records' cells and the lines they start on,
 * and the error that ended them. Arrays, not a record object each: they cross between threads.
 */
interface Split {
  cells: string[][];
  lines: number[];
  /** csv-parse's error, as plain data (it crosses threads): `line` is where the failing record starts. */
  error?: CsvFault;
}

interface CsvFault {
  code?: string;
  message: string;
  lines?: number;
  column?: number;
  line: number;
}

/** A file this large is split on a second thread, while this one reads the records it gets. */
const THREAD_FROM = 1 << 19;
/** Slices handed to the thread and not yet answered: the memory the two threads share stays small. */
const IN_FLIGHT = 8;

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

/**
 * Splits the chunks on a worker thread: up to IN_FLIGHT slices are sent ahead, and the records
 * come back in order. The worker runs `recordSplitter`'s own text, with csv-parse loaded there.
 */
async function* splitOnThread(chunks: AsyncIterable<Buffer>, options: Options): AsyncGenerator<Split> {
  const answers = spare ?? startWorker();
  spare = undefined;
  const { worker } = answers;
  worker.postMessage(options);
  let sent = 0;
  try {
    try {
      for await (const chunk of chunks) {
        // A slice is copied into a buffer of its own, handed over whole: a view is cloned with the
        // whole buffer under it.
        const own = Uint8Array.prototype.slice.call(chunk);
        worker.postMessage(own, [own.buffer]);
        if (++sent >= IN_FLIGHT) {
          sent--;
          yield await answers.next();
        }
      }
    } catch (e) {
      // The byte stream failed (a bad UTF-8 byte): the records before it are read first, as here.
      for (; sent > 0; sent--) yield await answers.next();
      throw e;
    }
    worker.postMessage(null);
    for (sent++; sent > 0; sent--) yield await answers.next();
  } finally {
    void worker.terminate();
  }
}

/**
 * Whether a file of this size is split on a thread: not on a single core, where the two threads
 * would take turns and the records' crossing would be pure cost (measured: 1.85× → 2.12× csv-parse
 * alone, 80,000 villages, `taskset -c 0`).
 */
const threadFor = (size: number) => size >= THREAD_FROM && availableParallelism() > 1;

/** A worker started before its file is read (see `warmSplitter`). */
let spare: Answers | undefined;

/**
 * Starts a worker now when one of these files will be split on a thread: a thread takes some
 * 50 ms to start, time the run spends meanwhile loading its sets. It does not hold the process open.
 */
export function warmSplitter(files: string[]): void {
  const large = (f: string) => f !== '-' && !/\.xls[xm]$/i.test(f) && threadFor(sizeOf(f));
  if (!spare && files.some(large)) spare = startWorker();
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** A worker, listened to from its start: one that fails before its file is read fails that reading. */
function startWorker(): Answers {
  const parsePath = createRequire(import.meta.url).resolve('csv-parse');
  const worker = new Worker(WORKER, { eval: true, workerData: { parsePath } });
  const answers = new Answers(worker);
  // After its listeners: on Node 20, a 'message' listener added later would hold the process again.
  worker.unref();
  return answers;
}

// The first message is csv-parse's options; each next one, a slice of the file (null: the end).
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
let split;
parentPort.on('message', (c) => {
  if (!split) return void (split = (${recordSplitter.toString()})(require(workerData.parsePath).parse, c));
  parentPort.postMessage(split(c ? Buffer.from(c.buffer, c.byteOffset, c.length) : undefined));
});
`;

/** A worker's answers in the order they come; a worker that fails fails the next one awaited. */
class Answers {
  private readonly ready: Split[] = [];
  private waiting?: { ok: (s: Split) => void; ko: (e: unknown) => void };
  private failed?: unknown;

  constructor(readonly worker: Worker) {
    worker.on('message', (s: Split) => {
      if (this.waiting) this.waiting.ok(s);
      else this.ready.push(s);
      this.waiting = undefined;
    });
    const fail = (e: unknown) => {
      this.failed ??= e;
      this.waiting?.ko(e);
      this.waiting = undefined;
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the CSV reading thread stopped (exit code ${code})`)));
  }

  /**
   * The next answer. The worker holds the process open only while it is awaited: a reading left
   * at a `yield` (its reader stopped by an error elsewhere) never keeps ntm from exiting.
   */
  async next(): Promise<Split> {
    const s = this.ready.shift();
    if (s) return s;
    if (this.failed !== undefined) throw this.failed;
    this.worker.ref();
    try {
      return await new Promise<Split>((ok, ko) => (this.waiting = { ok, ko }));
    } finally {
      this.worker.unref();
    }
  }
}

/**
 * csv-parse's own core, driven chunk by chunk (`undefined` ends the input): its Transform stream
 * would add a stream write and an async step per record, and its on_record hook an info object per
 * record. Runs here and, as text, on the worker thread: it uses nothing but its arguments.
 */
function recordSplitter(parser: typeof parse, options: Options): (chunk: Buffer | undefined) => Split {
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
