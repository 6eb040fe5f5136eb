import { closeSync, openSync, readSync, createReadStream, statSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { fail, InputError, problem } from '../problems.js';
import { nfc } from '../text/normalize.js';
import { checkWords } from '../text/vietnamese-words.js';

const HEAD_BYTES = 64 * 1024;

export interface Source {
  /** The name used in messages: the path, or "(stdin)". */
  name: string;
  /** The first bytes, decoded: enough to sniff the delimiter. */
  headText: string;
  /**
   * The whole input as UTF-8 bytes (checked, or converted from a legacy encoding, a BOM left for
   * the CSV parser to drop); `onBytes` is told the raw bytes read so far. Can be called once.
   */
  bytes(onBytes?: (read: number) => void): Readable;
  /** The size in bytes, 0 when unknown (standard input). */
  size: number;
}

/**
 * Opens a survey file read-only (or stdin for "-") and settles its encoding: UTF-8 with or
 * without BOM, UTF-16 with BOM, or a legacy encoding named by --encoding. Anything else is
 * refused with advice rather than read as garbage.
 */
export async function openSource(path: string, encoding?: string): Promise<Source> {
  const name = path === '-' ? '(stdin)' : path;
  let head: Buffer;
  let raw: () => Readable;
  let bytes = 0;
  if (path === '-') {
    // Only the head is read ahead, to sniff the encoding and delimiter; the rest streams.
    const stdin = await streamWithHead(process.stdin, HEAD_BYTES);
    head = stdin.head;
    raw = () => stdin.stream;
  } else {
    let fd: number;
    let regular: boolean;
    try {
      const st = statSync(path);
      if (st.isDirectory()) fail('unreadable-file', { case: 'folder', path }, { file: path });
      regular = st.isFile();
      bytes = regular ? st.size : 0;
      fd = openSync(path, 'r');
    } catch (e) {
      if ((e as { problems?: unknown }).problems) throw e;
      const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no-such-file' : 'open';
      return fail('unreadable-file', { case: why, path, detail: (e as Error).message }, { file: path });
    }
    if (regular) {
      head = Buffer.alloc(Math.min(HEAD_BYTES, bytes));
      readSync(fd, head, 0, head.length, 0);
      closeSync(fd);
      raw = () => createReadStream(path, { flags: 'r', highWaterMark: 16 * 1024 });
    } else {
      // A named pipe or a device (<(…), mkfifo) can be read only once, as it comes: as standard input.
      const piped = await streamWithHead(createReadStream(path, { fd, highWaterMark: 16 * 1024 }), HEAD_BYTES);
      head = piped.head;
      raw = () => piped.stream;
    }
  }

  const enc = encoding ? normaliseEncoding(encoding, name) : detectEncoding(head, name);
  // Legacy encodings are rare: their tables are loaded only for them.
  const iconv = enc === 'utf8' ? undefined : (await import('iconv-lite')).default;
  if (iconv && !iconv.encodingExists(enc)) unknownEncoding(encoding ?? enc, name);
  const decode = (onBytes?: (read: number) => void) => {
    const stream = raw();
    if (onBytes) {
      let read = 0;
      stream.on('data', (c: Buffer) => onBytes((read += c.length)));
    }
    const decoder = iconv ? iconvDecoder(iconv.getDecoder(enc)) : utf8Checker(name);
    // pipe() does not pass errors on: a read error must reach whoever reads the text; and a reader
    // that stops early (an error in the file) releases the input, so that standard input is closed.
    stream.on('error', (e) => decoder.destroy(e));
    decoder.on('close', () => stream.destroy());
    return stream.pipe(decoder);
  };
  const headText = nfc(iconv ? iconv.decode(head, enc) : new TextDecoder('utf-8').decode(head)).replace(/^\uFEFF/, '');
  if (iconv && encoding) checkTable(head, headText, enc, name, iconv);
  return { name, headText, bytes: decode, size: bytes };
}

function normaliseEncoding(e: string, file: string): string {
  const k = e.toLowerCase().replace(/[^a-z0-9]/g, '');
  const known: Record<string, string> = {
    utf8: 'utf8',
    windows1258: 'windows1258',
    cp1258: 'windows1258',
    tcvn3: 'tcvn',
    tcvn: 'tcvn',
    tcvn5712: 'tcvn',
    vni: 'vni',
    viscii: 'viscii',
    utf16: 'utf16',
    utf16le: 'utf16le',
  };
  const enc = known[k];
  return enc ?? unknownEncoding(e, file);
}

function unknownEncoding(e: string, file: string): never {
  return fail('bad-encoding', { encoding: e }, { file });
}

function detectEncoding(head: Buffer, file: string): string {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf16be';
  const nul = head.indexOf(0);
  if (nul >= 0 || controlShare(head) > 0.05) {
    fail('binary-file', undefined, { file });
  }
  // A multi-byte character may be cut at the end of the head: streaming mode lets it be incomplete.
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: head.length === HEAD_BYTES });
    return 'utf8';
  } catch {
    throw legacyError(file, lineOfFirstBadByte(head));
  }
}

/** The error for a file that is not UTF-8: thrown when sniffed, passed on when found while streaming. */
function legacyError(file: string, line: number): InputError {
  return new InputError([problem('legacy-encoding', undefined, { file, line })]);
}

const TABLES: Record<string, { label: string; option?: string }> = {
  utf8: { label: 'UTF-8' },
  windows1258: { label: 'Windows-1258', option: 'windows-1258' },
  tcvn: { label: 'TCVN3', option: 'tcvn3' },
  viscii: { label: 'VISCII', option: 'viscii' },
};

/**
 * A legacy table named by --encoding that is not the file's gives words no Vietnamese text has
 * (TCVN3 read as Windows-1258: "Tªn th«n"; the reverse: "Tờn thụn, xaị"). When another table reads
 * the start of the file much better, the run stops and names it, rather than go on to "the header
 * fits no set". A few odd words in a file no table reads better are left alone: typos, not a table.
 */
function checkTable(head: Buffer, text: string, enc: string, file: string, iconv: typeof import('iconv-lite')): void {
  const read = checkWords(text);
  if (read.bad === 0 || read.bad < read.words * 0.05) return;
  // The head may end inside a character: fatal UTF-8 only on what is complete.
  const utf8 = /[\u0080-\uffff]/.test(text) && isUtf8(head.subarray(0, completeLength(head)));
  const others = Object.keys(TABLES).filter((t) => t !== enc && (t !== 'utf8' || utf8));
  const scored = others.map((t) => ({
    t,
    bad: checkWords(t === 'utf8' ? head.toString('utf8') : iconv.decode(head, t)).bad,
  }));
  const best = scored.sort((a, b) => a.bad - b.bad)[0];
  if (!best || best.bad * 10 > read.bad) return;
  const as = TABLES[enc]?.label ?? enc;
  const words = read.examples.map((w) => `"${w}"`).join(', ');
  const line = text.slice(0, text.indexOf(read.examples[0]!)).split('\n').length;
  const right = TABLES[best.t]!;
  fail('wrong-encoding', { encoding: as, words, right: right.label, option: right.option }, { file, line });
}

function controlShare(b: Buffer): number {
  let n = 0;
  for (const byte of b) if (byte < 9 || (byte > 13 && byte < 32)) n++;
  return b.length ? n / b.length : 0;
}

function lineOfFirstBadByte(b: Buffer): number {
  // The line of the first byte sequence that is not UTF-8, for the message.
  let line = 1;
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c === 0x0a) line++;
    const len = c < 0x80 ? 1 : c >= 0xc2 && c < 0xe0 ? 2 : c >= 0xe0 && c < 0xf0 ? 3 : c >= 0xf0 && c < 0xf5 ? 4 : 0;
    if (len === 0) return line;
    for (let k = 1; k < len; k++) if (((b[i + k] ?? 0) & 0xc0) !== 0x80) return line;
    i += len;
  }
  return line;
}

/**
 * Checks UTF-8 strictly, so that a bad byte past the sniffed head is still caught with its line.
 * The bytes pass on as they are (the CSV parser decodes only the cells), cut at character
 * boundaries so that each chunk can be checked on its own.
 */
function utf8Checker(file: string): Transform {
  let lines = 1;
  // The bytes of a character cut by the end of the previous chunk.
  let carry: Buffer | undefined;
  return new Transform({
    transform(chunk: Buffer, _enc, cb: TransformCallback) {
      const data = carry ? Buffer.concat([carry, chunk]) : chunk;
      const cut = completeLength(data);
      const body = data.subarray(0, cut);
      if (!isUtf8(body)) return cb(legacyError(file, lines + lineOfFirstBadByte(body) - 1));
      lines += countNewlineBytes(body);
      carry = cut < data.length ? Buffer.from(data.subarray(cut)) : undefined;
      cb(null, body.length ? body : undefined);
    },
    flush(cb) {
      cb(carry ? legacyError(file, lines) : null);
    },
  });
}

/** The length of the buffer up to the end of its last complete UTF-8 character. */
function completeLength(b: Buffer): number {
  let i = b.length - 1;
  while (i >= 0 && b.length - i < 4 && (b[i]! & 0xc0) === 0x80) i--;
  if (i < 0) return b.length;
  const lead = b[i]!;
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return i + need > b.length ? i : b.length;
}

function countNewlineBytes(b: Buffer): number {
  let n = 0;
  for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) n++;
  return n;
}

/** Legacy text as UTF-8 bytes for the CSV parser. */
function iconvDecoder(d: { write(b: Buffer): string; end(): string | undefined }): Transform {
  // Legacy encodings spell tones with combining marks; NFC makes names comparable.
  const utf8 = (s: string) => (s ? Buffer.from(nfc(s), 'utf8') : undefined);
  return new Transform({
    transform(chunk: Buffer, _e, cb) {
      cb(null, utf8(d.write(chunk)));
    },
    flush(cb) {
      cb(null, utf8(d.end() ?? ''));
    },
  });
}

/**
 * Reads the first `size` bytes of a stream (or all of it, when shorter) and gives them with a
 * stream of the whole: the head again, then the rest as it comes.
 */
async function streamWithHead(input: NodeJS.ReadableStream, size: number): Promise<{ head: Buffer; stream: Readable }> {
  const chunks = input[Symbol.asyncIterator]();
  const first: Buffer[] = [];
  let read = 0;
  let done = false;
  while (read < size) {
    const next = await chunks.next();
    if (next.done) {
      done = true;
      break;
    }
    const c = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value as string);
    first.push(c);
    read += c.length;
  }
  async function* all(): AsyncGenerator<Buffer> {
    try {
      yield* first;
      if (done) return;
      for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
        yield Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value as string);
      }
      done = true;
    } finally {
      // Stopped before the end: the input is closed, or the process would wait for it.
      if (!done) await chunks.return?.();
    }
  }
  return { head: Buffer.concat(first).subarray(0, size), stream: Readable.from(all(), { objectMode: false }) };
}
