import { readRecords, type CsvRecord } from './csv-records.js';
import { threadFor, sizeOf } from './csv-thread.js';
import { openSource } from './open-source.js';
import { sniffDelimiter } from './sniff-delimiter.js';
import { workbookKind } from './xlsx-records.js';

/** A CSV file opened: its encoding settled and its delimiter sniffed, its records ready to read. */
export interface CsvFile {
  /** The name used in messages: the path, or "(stdin)". */
  name: string;
  /** The size in bytes, 0 when unknown (standard input). */
  size: number;
  /** The delimiter sniffed from the first lines. */
  delimiter: string;
  /** The records, in batches; `onBytes` is told the bytes read so far. Can be called once. */
  records(onBytes?: (read: number) => void): AsyncGenerator<CsvRecord[]>;
}

/** The file read ahead by `readAhead`, until a reading takes it. */
let ahead: { path: string; encoding?: string; file: Promise<CsvFile> } | undefined;

/**
 * Opens a CSV file (or "-" for standard input) and sniffs its delimiter. The file read ahead with
 * the same path and encoding is taken as it stands, with what it has read, or the error it met.
 */
export function openCsv(path: string, encoding?: string): Promise<CsvFile> {
  const early = ahead;
  if (early && early.path === path && early.encoding === encoding) {
    ahead = undefined;
    return early.file;
  }
  return open(path, encoding, false);
}

/**
 * Starts reading a large CSV file now, while the run loads its sets and reports: on the worker
 * thread, the records of its first half megabyte are split by the time the first reading asks
 * for them (some 0.15 s of a national file's second). Its errors wait for that reading. A run
 * that stops before reading it leaves it: it holds neither the file nor the process.
 */
export function readAhead(path: string, encoding?: string): void {
  if (path === '-' || workbookKind(path) || !threadFor(sizeOf(path))) return;
  const file = open(path, encoding, true);
  // Given, with its error, to the reading that takes it.
  file.catch(() => undefined);
  ahead = { path, encoding, file };
}

async function open(path: string, encoding: string | undefined, start: boolean): Promise<CsvFile> {
  const source = await openSource(path, encoding);
  const delimiter = sniffDelimiter(source.headText);
  let told: ((read: number) => void) | undefined;
  const bytes = source.bytes((read) => told?.(read));
  const records = readRecords(bytes, source.name, delimiter, source.size);
  const reading = start ? started(records) : records;
  return {
    name: source.name,
    size: source.size,
    delimiter,
    records: (onBytes) => {
      told = onBytes;
      return reading;
    },
  };
}

/** The generator, its first batch asked for at once (the work starts) and kept until it is read. */
function started<T>(gen: AsyncGenerator<T>): AsyncGenerator<T> {
  const first = gen.next();
  first.catch(() => undefined);
  return (async function* () {
    try {
      const { done, value } = await first;
      if (done) return;
      yield value;
      yield* gen;
    } finally {
      // Stopped at its first batch: the reading is closed all the same.
      await gen.return(undefined);
    }
  })();
}
