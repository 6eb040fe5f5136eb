import type { Evaluation } from '../engine/types.js';
import type { RenderOptions } from './options.js';
import type { RunStream, StreamRenderer } from './stream.js';

/** A report that is built whole from the evaluation (the formats not yet streamed). */
export type WholeRenderer = (ev: Evaluation, opts: RenderOptions) => string | Buffer | Promise<string | Buffer>;

/** The stream collected into the whole evaluation: every unit in memory. */
export async function collect(run: RunStream): Promise<Evaluation> {
  const units = [];
  for await (const u of run.units) units.push(u);
  const { files, summary, warnings } = run.tail();
  return { set: run.head.set, region: run.head.region, year: run.head.year, units, files, summary, warnings };
}

/**
 * TRANSITIONAL: a whole-evaluation renderer behind the streaming interface, until each format
 * writes piece by piece (the `reports` branch converts them and removes this adapter).
 */
export function collected(render: WholeRenderer): StreamRenderer {
  return async (run, opts, out) => out.write(await render(await collect(run), opts));
}
