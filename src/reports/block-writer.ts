import type { ReportSink } from './stream.js';

/** Below this, pieces are gathered into one write: a write per table row would cost more than the row. */
const BLOCK = 64 * 1024;

/** Writes a report in blocks of many pieces, each block awaited on the sink (backpressure). */
export class BlockWriter {
  private pieces: string[] = [];
  private size = 0;

  constructor(private readonly out: ReportSink) {}

  async write(piece: string): Promise<void> {
    this.pieces.push(piece);
    this.size += piece.length;
    if (this.size >= BLOCK) await this.flush();
  }

  /** Writes the pieces gathered so far; call it last, and before writing to the sink otherwise. */
  async flush(): Promise<void> {
    if (!this.pieces.length) return;
    const block = this.pieces.join('');
    this.pieces = [];
    this.size = 0;
    await this.out.write(block);
  }
}
