import type { Evaluation } from '../engine/types.js';
import type { RunStream } from './stream.js';

/**
 * A whole Evaluation as a RunStream, for the streaming reports while the CLI still evaluates into
 * an array (until the pipeline produces the stream itself).
 */
export function streamOf(ev: Evaluation): RunStream {
  const { units, files, summary, warnings, ...rest } = ev;
  return {
    head: { ...rest, inputs: files.map((f) => f.file) },
    units: (async function* () {
      yield* units;
    })(),
    tail: () => ({ files, summary, warnings }),
  };
}

/** A RunStream collected into an Evaluation, for the reports not yet written for the stream. */
export async function collect(run: RunStream): Promise<Evaluation> {
  const units = [];
  for await (const u of run.units) units.push(u);
  const { inputs: _inputs, ...head } = run.head;
  return { ...head, units, ...run.tail() };
}
