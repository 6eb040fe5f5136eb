import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Options } from 'csv-parse';
import { recordSplitter, type Split } from './record-splitter.js';

// The worker thread that splits a large CSV file while the main thread reads its records. This
// module loads nothing else of ntm: bin/ntm starts the thread with it before the program loads.

/** A file this large is split on a second thread, while this one reads the records it gets. */
const THREAD_FROM = 1 << 19;
/**
 * Slices handed to the thread and not yet answered (some 10,000 villages): the memory the two
 * threads share stays small, and a file read ahead (`readAhead`) is split while the run loads its
 * sets and chooses its columns, before the reading asks for its first records.
 */
const IN_FLIGHT = 48;
/**
 * Records the thread splits ahead of the reading: slices of short lines (a blank line is a record)
 * would otherwise hold some 16,000 records each, 48 times over. Villages are some 200 a slice.
 */
const CREDIT = 16_384;

/**
 * Splits the chunks on a worker thread: up to IN_FLIGHT slices are sent ahead, and the records
 * come back in order. The worker runs `recordSplitter`'s own text.
 */
export async function* splitOnThread(chunks: AsyncIterable<Buffer>, options: Options): AsyncGenerator<Split> {
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
export const threadFor = (size: number) => size >= THREAD_FROM && availableParallelism() > 1;

/** A thread started before its file is read (`warmThread`). */
let spare: Answers | undefined;

/**
 * Starts a thread now when one of `args` names a file large enough to be split on one: a thread
 * takes some 50 ms to start, which `ntm evaluate` spends meanwhile loading the program (bin/ntm
 * calls this first). An option's value or a workbook at worst starts a thread that is never used;
 * it does not hold the process open.
 */
export function warmThread(args: string[]): void {
  const large = (a: string) => !a.startsWith('-') && !/\.xls[xm]?$/i.test(a) && threadFor(sizeOf(a));
  if (!spare && args.some(large)) spare = startWorker();
}

export function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** A worker, listened to from its start: one that fails before its file is read fails that reading. */
function startWorker(): Answers {
  const parsePath = createRequire(import.meta.url).resolve('csv-parse');
  const worker = new Worker(WORKER, { eval: true, workerData: { parsePath, credit: CREDIT } });
  const answers = new Answers(worker);
  // After its listeners: on Node 20, a 'message' listener added later would hold the process again.
  worker.unref();
  return answers;
}

// The first message is csv-parse's options; each next one, a slice of the file (null: the end),
// or a number: records the main thread has read, that the thread may split again. csv-parse is
// loaded as the thread starts, before its first slice comes.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { parse } = require(workerData.parsePath);
let split;
let credit = workerData.credit;
const slices = [];
parentPort.on('message', (m) => {
  if (!split) return void (split = (${recordSplitter.toString()})(parse, m));
  if (typeof m === 'number') credit += m;
  else slices.push(m);
  while (slices.length > 0 && credit > 0) {
    const c = slices.shift();
    const s = split(c ? Buffer.from(c.buffer, c.byteOffset, c.length) : undefined);
    credit -= s.cells.length;
    parentPort.postMessage(s);
  }
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
    const s = this.ready.shift() ?? (await this.coming());
    // Its records are being read: the thread may split as many more.
    if (s.cells.length) this.worker.postMessage(s.cells.length);
    return s;
  }

  private async coming(): Promise<Split> {
    if (this.failed !== undefined) throw this.failed;
    this.worker.ref();
    try {
      return await new Promise<Split>((ok, ko) => (this.waiting = { ok, ko }));
    } finally {
      this.worker.unref();
    }
  }
}
