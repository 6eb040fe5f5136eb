import { unitJson } from './unit-json.js';
import { BlockWriter } from './block-writer.js';
import type { RenderOptions } from './options.js';
import { headFields, tailFields } from './json.js';
import type { ReportSink, RunStream } from './stream.js';

/**
 * JSON Lines for scripts: the first line `{"set": …}`, then one unit a line as it is evaluated,
 * the last line `{"summary": …, "files": …, "warnings": …}`. A unit line is the unit itself, so
 * `sed '1d;$d'` (or skipping lines with a "set" or "summary" key) leaves the units.
 */
export async function render(run: RunStream, _opts: RenderOptions, out: ReportSink): Promise<void> {
  const w = new BlockWriter(out);
  await w.write(`${JSON.stringify(headFields(run.head))}\n`);
  for await (const u of run.units) {
    await w.write(unitJson(u));
    await w.write('\n');
  }
  await w.write(`${JSON.stringify(tailFields(run.tail()))}\n`);
  await w.flush();
}
