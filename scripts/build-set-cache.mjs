// Part of `npm run build`: parses the shipped criteria sets once and stores them by the digest of
// their text (dist/criteria-sets.cache.json), so that a run does not parse every YAML file again.
// An invalid set is left out: loading it then reports its errors with their lines as usual.
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSetSource } from '../dist/criteria/load-yaml.js';
import { CACHE_FILE, digest, schemaDigest } from '../dist/criteria/set-cache.js';

const dir = resolve(fileURLToPath(import.meta.url), '../../criteria-sets');
const sets = {};
for (const name of readdirSync(dir).filter((n) => /\.ya?ml$/i.test(n))) {
  const text = readFileSync(join(dir, name), 'utf8').replace(/^\uFEFF/, '');
  try {
    sets[digest(text)] = parseSetSource(text, name);
  } catch {
    // reported when the set is loaded
  }
}
writeFileSync(`${CACHE_FILE}.tmp`, JSON.stringify({ schema: schemaDigest(), sets }));
renameSync(`${CACHE_FILE}.tmp`, CACHE_FILE);
