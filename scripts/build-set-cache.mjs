// Part of `npm run build`: parses the shipped criteria sets once and stores them by the digest of
// their text (dist/criteria-sets.cache.json), so that a run does not parse every YAML file again.
// An invalid set is left out: loading it then reports its errors with their lines as usual.
import { renameSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseSetSource } from '../dist/criteria/load-yaml.js';
import { readSetText, setFilesIn, SHIPPED_SETS_DIR } from '../dist/criteria/registry.js';
import { CACHE_FILE, digest, schemaDigest } from '../dist/criteria/set-cache.js';

const sets = {};
for (const file of setFilesIn([SHIPPED_SETS_DIR])) {
  const text = readSetText(file);
  try {
    sets[digest(text)] = parseSetSource(text, basename(file));
  } catch {
    // reported when the set is loaded
  }
}
writeFileSync(`${CACHE_FILE}.tmp`, JSON.stringify({ schema: schemaDigest(), sets }));
renameSync(`${CACHE_FILE}.tmp`, CACHE_FILE);
