import type { StreamRenderer } from './stream.js';

export interface Format {
  /** The writer, loaded only when asked for (the Excel writer is heavy). */
  load: () => Promise<StreamRenderer>;
  binary?: boolean;
  ext: string[];
}

/** One module per format; each writes the run as it streams, a piece at a time. */
export const FORMATS: Record<string, Format> = {
  table: { load: async () => (await import('./table.js')).render, ext: ['txt'] },
  json: { load: async () => (await import('./json.js')).render, ext: ['json'] },
  jsonl: { load: async () => (await import('./jsonl.js')).render, ext: ['jsonl', 'ndjson'] },
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
