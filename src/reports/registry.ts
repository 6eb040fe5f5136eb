import { collect } from './adapt.js';
import type { RenderOptions } from './options.js';
import type { StreamRenderer } from './stream.js';

/** A report not yet written for the stream: the whole evaluation in, the whole report out. */
const whole =
  (render: (ev: Awaited<ReturnType<typeof collect>>, opts: RenderOptions) => string): StreamRenderer =>
  async (run, opts, out) =>
    out.write(render(await collect(run), opts));

/** One module per format, loaded only when asked for (the Excel writer is heavy). */
export const FORMATS: Record<string, { load: () => Promise<StreamRenderer>; binary?: boolean; ext: string[] }> = {
  table: { load: async () => (await import('./table.js')).render, ext: ['txt'] },
  json: { load: async () => whole((await import('./json.js')).render), ext: ['json'] },
  csv: { load: async () => (await import('./csv.js')).render, ext: ['csv'] },
  markdown: { load: async () => (await import('./markdown.js')).render, ext: ['md', 'markdown'] },
  xlsx: { load: async () => (await import('./xlsx.js')).render, binary: true, ext: ['xlsx'] },
  html: { load: async () => (await import('./html.js')).render, ext: ['html', 'htm'] },
};

export function formatFromPath(path: string): string | undefined {
  const name = path.split(/[\\/]/).pop() ?? '';
  const ext = name.includes('.') ? name.split('.').pop()!.toLowerCase() : undefined;
  return Object.entries(FORMATS).find(([, f]) => ext && f.ext.includes(ext))?.[0];
}
