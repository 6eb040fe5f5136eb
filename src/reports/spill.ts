import { createReadStream, rmSync } from 'node:fs';
import { mkdtemp, open, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** Text is kept in memory up to this size per group, then appended to the group's file. */
const FLUSH_AT = 256 * 1024;

interface Group {
  file: string;
  handle?: FileHandle;
  /** Text not yet appended to the file, encoded as it came (joining strings costs more). */
  pending: Buffer;
  used: number;
  count: number;
}

/**
 * Report pieces that must wait for a later place in the report (the gap list after the annex, each
 * department's list, each criterion's units), kept in a temporary folder instead of in memory:
 * text or JSON lines appended per group, read back group by group in the order they were written.
 */
export class Spill {
  private readonly groups = new Map<string, Group>();

  /** The temporary folder, removed by `close`. */
  private constructor(readonly dir: string) {}

  static async open(): Promise<Spill> {
    const spill = new Spill(await mkdtemp(join(tmpdir(), 'ntm-spill-')));
    process.on('exit', spill.removeNow).on('SIGINT', spill.interrupted).on('SIGTERM', spill.interrupted);
    return spill;
  }

  /** Removes the folder at once: the process is ending (Ctrl-C, or an exit midway). */
  private readonly removeNow = () => rmSync(this.dir, { recursive: true, force: true });

  /**
   * Ctrl-C while the report is written: the folder goes. The process ends here only when nobody
   * else listens (otherwise the -o writer removes its temporary file and ends it; `exit` removes ours).
   */
  private readonly interrupted = (signal: NodeJS.Signals) => {
    this.removeNow();
    if (process.listenerCount(signal) === 1) process.exit(signal === 'SIGINT' ? 130 : 143);
  };

  /** Appends text to a group; `records` is how many records the text holds (for `count`). */
  async write(group: string, text: string, records = 1): Promise<void> {
    let g = this.groups.get(group);
    if (!g) {
      const file = join(this.dir, String(this.groups.size));
      this.groups.set(group, (g = { file, pending: Buffer.allocUnsafe(4096), used: 0, count: 0 }));
    }
    g.count += records;
    // A UTF-16 code unit takes at most 3 bytes of UTF-8.
    const most = text.length * 3;
    if (g.used + most > g.pending.length) {
      if (g.used + most > FLUSH_AT) await this.flush(g);
      if (most > FLUSH_AT) {
        // Too long for the buffer: written straight after what was pending, in order.
        g.handle ??= await open(g.file, 'a');
        return void (await g.handle.write(text));
      }
      if (g.used + most > g.pending.length) g.pending = grown(g.pending, g.used, g.used + most);
    }
    g.used += g.pending.write(text, g.used);
  }

  /** Appends one record as a JSON line. */
  writeJson(group: string, value: unknown): Promise<void> {
    return this.write(group, `${JSON.stringify(value)}\n`);
  }

  /** The groups, in the order their first record came. */
  names(): string[] {
    return [...this.groups.keys()];
  }

  count(group: string): number {
    return this.groups.get(group)?.count ?? 0;
  }

  /** A group's text as written, in chunks of UTF-8 (nothing for a group never written). */
  async *chunks(group: string): AsyncGenerator<Buffer> {
    const g = this.groups.get(group);
    if (!g) return;
    if (g.handle) {
      await this.flush(g);
      // Bytes, not text: they go to the report as they are, without decoding and encoding again.
      for await (const chunk of createReadStream(g.file, { highWaterMark: FLUSH_AT })) yield chunk as Buffer;
    } else if (g.used) yield g.pending.subarray(0, g.used);
  }

  /** A group's JSON lines, parsed, one at a time. */
  async *records<T>(group: string): AsyncGenerator<T> {
    const g = this.groups.get(group);
    if (!g) return;
    if (!g.handle) {
      for (const line of g.pending.toString('utf8', 0, g.used).split('\n')) if (line) yield JSON.parse(line) as T;
      return;
    }
    await this.flush(g);
    const lines = createInterface({ input: createReadStream(g.file, { encoding: 'utf8' }), crlfDelay: Infinity });
    for await (const line of lines) if (line) yield JSON.parse(line) as T;
  }

  /** Closes and removes every temporary file. */
  async close(): Promise<void> {
    await Promise.allSettled([...this.groups.values()].map((g) => g.handle?.close()));
    await rm(this.dir, { recursive: true, force: true });
    process.off('exit', this.removeNow).off('SIGINT', this.interrupted).off('SIGTERM', this.interrupted);
  }

  private async flush(g: Group): Promise<void> {
    if (!g.used) return;
    g.handle ??= await open(g.file, 'a');
    const text = g.pending.subarray(0, g.used);
    // The file handle may hold the bytes until written: the next text goes into a new buffer.
    g.pending = Buffer.allocUnsafe(g.pending.length);
    g.used = 0;
    await g.handle.write(text);
  }
}

/** A larger buffer holding the first `used` bytes of `b`, room for at least `need` (at most FLUSH_AT). */
function grown(b: Buffer, used: number, need: number): Buffer {
  const next = Buffer.allocUnsafe(Math.min(FLUSH_AT, Math.max(need, b.length * 2)));
  b.copy(next, 0, 0, used);
  return next;
}

/** Runs `fn` with a fresh spill, removed afterwards whether `fn` succeeds or fails. */
export async function withSpill<T>(fn: (spill: Spill) => Promise<T>): Promise<T> {
  const spill = await Spill.open();
  try {
    return await fn(spill);
  } finally {
    await spill.close();
  }
}
