import type { Evaluation } from '../engine/types.js';
import type { RenderOptions } from './options.js';

export type Renderer = (ev: Evaluation, opts: RenderOptions) => string | Buffer | Promise<string | Buffer>;

/** One module per format, loaded only when asked for (the Excel writer is heavy). */
export const FORMATS: Record<string, { load: () => Promise<Renderer>; binary?: boolean; ext: string[] }> = {
  table: { load: async () => (await import('./table.js')).render, ext: ['txt'] },
  json: { load: async () => (await import('./json.js')).render, ext: ['json'] },
};

export function formatFromPath(path: string): string | undefined {
  const ext = path.split('.').pop()?.toLowerCase();
  return Object.entries(FORMATS).find(([, f]) => ext && f.ext.includes(ext))?.[0];
}
