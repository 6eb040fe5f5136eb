import { z } from 'zod';
import { criteriaSetSchema, thresholdSpec } from './schema.js';
import { targetsFileSchema } from './targets-schema.js';

/** Where the generated schema is committed, from the package root; each shipped set names it in its first line. */
export const JSON_SCHEMA_PATH = 'schema/criteria-set.schema.json';
/** Where the schema of targets files (--targets) is committed, beside the sets'. */
export const TARGETS_SCHEMA_PATH = 'schema/targets.schema.json';

/**
 * The JSON Schema of the criteria-set file, generated from the zod schemas (never written by hand),
 * for editors: yaml-language-server completes and checks a set that names it. It describes what a
 * file may hold (zod's input side: an id may be written as a number, a date as a YAML date).
 * Draft-07, which yaml-language-server supports fully.
 */
export function setJsonSchema(): Record<string, unknown> {
  // The recursive threshold gets a readable name in "definitions" instead of "__schema0".
  const names = z.registry<{ id: string }>();
  names.add(thresholdSpec, { id: 'threshold' });
  const schema = z.toJSONSchema(criteriaSetSchema, {
    target: 'draft-7',
    io: 'input',
    metadata: names,
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      const def = (zodSchema as unknown as { _zod: { def: { type: string } } })._zod.def;
      // A YAML date (2017-05-29) reaches an editor as a string.
      if (def.type === 'date') Object.assign(jsonSchema, { type: 'string', format: 'date' });
      // zod's safe-integer bounds say nothing to a person writing a year.
      if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
      if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
    },
  }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    title: 'ntm criteria set (bộ tiêu chí nông thôn mới)',
    description:
      'A criteria set for ntm; format: criteria-sets/README.md. ' +
      'Generated from src/criteria/schema.ts by `npm run schema`.',
    ...schema,
  };
}

/** The schema file's text, as committed. */
export const jsonSchemaText = (): string => `${JSON.stringify(setJsonSchema(), null, 2)}\n`;

/** The JSON Schema of the targets file (--targets), from its zod schema, for editors as the sets' is. */
export function targetsJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(targetsFileSchema, { target: 'draft-7', io: 'input' }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    title: 'ntm targets file (--targets)',
    description:
      "A plan's targets for ntm evaluate --targets; format: README.md. " +
      'Generated from src/criteria/targets-schema.ts by `npm run schema`.',
    ...schema,
  };
}

export const targetsJsonSchemaText = (): string => `${JSON.stringify(targetsJsonSchema(), null, 2)}\n`;
