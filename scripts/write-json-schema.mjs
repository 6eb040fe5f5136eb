// `npm run schema`: writes the JSON Schemas of criteria-set files (schema/criteria-set.schema.json)
// and of targets files (schema/targets.schema.json) from the zod schemas, after a build. Run it
// after changing src/criteria/schema.ts or targets-schema.ts; a test fails while a file is stale.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  JSON_SCHEMA_PATH,
  jsonSchemaText,
  TARGETS_SCHEMA_PATH,
  targetsJsonSchemaText,
} from '../dist/criteria/json-schema.js';

for (const [path, text] of [
  [JSON_SCHEMA_PATH, jsonSchemaText()],
  [TARGETS_SCHEMA_PATH, targetsJsonSchemaText()],
]) {
  const target = join(dirname(fileURLToPath(import.meta.url)), '..', path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(`${target}.tmp`, text);
  renameSync(`${target}.tmp`, target);
  console.log(`wrote ${path}`);
}
