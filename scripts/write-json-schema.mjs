// `npm run schema`: writes the JSON Schema of criteria-set files (schema/criteria-set.schema.json)
// from the zod schemas, after a build. Run it after changing src/criteria/schema.ts; a test fails
// while the committed file is stale.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSON_SCHEMA_PATH, jsonSchemaText } from '../dist/criteria/json-schema.js';

const target = join(dirname(fileURLToPath(import.meta.url)), '..', JSON_SCHEMA_PATH);
mkdirSync(dirname(target), { recursive: true });
writeFileSync(`${target}.tmp`, jsonSchemaText());
renameSync(`${target}.tmp`, target);
console.log(`wrote ${JSON_SCHEMA_PATH}`);
