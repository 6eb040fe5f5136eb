import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CriteriaSetFile } from './schema.js';

/**
 * Parsed criteria sets, keyed by the digest of their YAML text, written by the build
 * (scripts/build-set-cache.mjs) for the shipped sets. Parsing and validating every shipped YAML
 * costs ~0.3 s per run; a set whose text is in the cache skips both. A changed file has another
 * digest and is parsed as usual; a cache made for another schema is ignored.
 */
const HERE = dirname(fileURLToPath(import.meta.url));
export const CACHE_FILE = join(HERE, '..', 'criteria-sets.cache.json');
const SCHEMA_FILE = join(HERE, 'schema.js');

export const digest = (text: string): string => createHash('sha1').update(text).digest('hex');
export const schemaDigest = (): string => digest(readFileSync(SCHEMA_FILE, 'utf8'));

interface CacheFile {
  schema: string;
  sets: Record<string, CriteriaSetFile>;
}

let cache: CacheFile['sets'] | null | undefined;

function load(): CacheFile['sets'] | null {
  try {
    const file = JSON.parse(readFileSync(CACHE_FILE, 'utf8')) as CacheFile;
    return file.schema === schemaDigest() ? file.sets : null;
  } catch {
    return null;
  }
}

/** The parsed set for this YAML text, if the build saw the same text. */
export function cachedSet(text: string): CriteriaSetFile | undefined {
  if (cache === undefined) cache = load();
  return cache?.[digest(text)];
}
