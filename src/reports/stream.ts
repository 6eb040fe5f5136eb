import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Problem } from '../problems.js';
import type { FileEvaluation, ProgressParts, SetRef, Summary, UnitResult } from '../engine/types.js';
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
  /** With several sets (--set A,B,…): every set in order, the first being `set`. */
  levels?: { id: string; name: string }[];
}

/** With --baseline, --targets or --by parent, the tail also has `progress`, `targets`, `byParent`. */
export interface RunTail extends ProgressParts {
  files: FileEvaluation[];
  summary: Summary;
  /** The warnings kept in full: the first few of each kind. */
  warnings: Problem[];
  /** Every warning counted, by kind (more than `warnings` holds when a kind repeats). */
  warningCounts?: Partial<Record<Problem['kind'], number>>;
  /** The errors of files that could not be evaluated; the others are reported. */
  errors?: Problem[];
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

/**
 * A sink over a Writable that honours backpressure; a stream error rejects the pending write, or
 * the next one (the error is kept by the stream, not thrown where nobody listens).
 */
export function sinkFor(stream: Writable): ReportSink {
  if (stream.listenerCount('error') === 0) stream.on('error', () => undefined);
  return {
    stream,
    write: (chunk) => {
      if (stream.errored) return Promise.reject(stream.errored);
      return stream.write(chunk) ? Promise.resolve() : once(stream, 'drain').then(() => undefined);
    },
  };
}
