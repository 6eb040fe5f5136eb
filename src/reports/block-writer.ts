import type { ReportSink } from './stream.js';

/** Below this, pieces are gathered into one write: a write per table row would cost more than the row. */
const BLOCK = 64 * 1024;

/**
 * Writes a report in blocks of many pieces, each block awaited on the sink (backpressure). Each
 * piece is encoded into the block as it comes: joining the pieces into one string first costs more
 * than building them (V8 flattens every piece's concatenations again).
 */
export class BlockWriter {
  private block = Buffer.allocUnsafe(BLOCK);
  private used = 0;

  constructor(private readonly out: ReportSink) {}

  /** A piece of text, or bytes already encoded (a spilled part of the report, read back). */
  async write(piece: string | Buffer): Promise<void> {
    // A UTF-16 code unit takes at most 3 bytes of UTF-8.
    const most = typeof piece === 'string' ? piece.length * 3 : piece.length;
    if (this.used + most > BLOCK) {
      await this.flush();
      if (most > BLOCK) return this.out.write(piece);
    }
    this.used += typeof piece === 'string' ? this.block.write(piece, this.used) : piece.copy(this.block, this.used);
  }

  /** Writes the pieces gathered so far; call it last, and before writing to the sink otherwise. */
  async flush(): Promise<void> {
    if (!this.used) return;
    const block = this.block.subarray(0, this.used);
    // The sink may hold the block until it is written: the next pieces go into a new one.
    this.block = Buffer.allocUnsafe(BLOCK);
    this.used = 0;
    await this.out.write(block);
  }
}
