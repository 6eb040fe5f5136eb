import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Problem } from '../problems.js';
import type { FileEvaluation, SetRef, Summary, UnitResult } from '../engine/types.js';
import type { RenderOptions } from './options.js';

/**
 * A run as every report consumes it, so that memory stays bounded from the file to the report:
 * what is known before the first unit (the head), the units one at a time, and what is known only
 * after the last one (the tail).
 */
export interface RunHead {
  set: SetRef;
  region?: string;
  year?: number;
  /** The input files as reports name them ("(stdin)" for "-"), known before any is read. */
  inputs: string[];
}

export interface RunTail {
  files: FileEvaluation[];
  summary: Summary;
  warnings: Problem[];
}

export interface RunStream {
  head: RunHead;
  /** Each unit once, in file order; may be iterated only once. */
  units: AsyncIterable<UnitResult>;
  /** Valid once `units` is exhausted. */
  tail(): RunTail;
}

/** Where a report goes: `write` waits while the destination is full (backpressure). */
export interface ReportSink {
  write(chunk: string | Buffer): Promise<void>;
  /** The underlying stream, for writers that pipe into it (exceljs's streaming workbook). */
  stream: Writable;
}

/** A report format: writes the head, a piece per unit (or gap), then the tail. */
export type StreamRenderer = (run: RunStream, opts: RenderOptions, out: ReportSink) => Promise<void>;

/** A sink over a Writable that honours backpressure; a stream error rejects the pending write. */
export function sinkFor(stream: Writable): ReportSink {
  return {
    stream,
    write: (chunk) => (stream.write(chunk) ? Promise.resolve() : once(stream, 'drain').then(() => undefined)),
  };
}
