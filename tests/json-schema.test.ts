// The JSON Schema of criteria-set files (schema/): generated from the zod schemas, committed, named
// by every shipped set's first line so that editors complete and check the YAML.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  JSON_SCHEMA_PATH,
  jsonSchemaText,
  TARGETS_SCHEMA_PATH,
  targetsJsonSchemaText,
} from '../src/criteria/json-schema.js';
import { ROOT } from './helpers/cli.js';

const committed = readFileSync(join(ROOT, JSON_SCHEMA_PATH), 'utf8');
const setsDir = join(ROOT, 'criteria-sets');
const shipped = readdirSync(setsDir).filter((f) => f.endsWith('.yaml'));
// As yaml-language-server reads a set: YAML 1.2, where a date stays a string.
const load = (file: string) => parse(readFileSync(file, 'utf8'));
const validator = () => new Ajv({ strict: false, allErrors: true }).compile(JSON.parse(committed));

describe('the JSON Schema of criteria sets', () => {
  it('is up to date with src/criteria/schema.ts (run `npm run schema` after changing it)', () => {
    expect(committed, 'schema/criteria-set.schema.json is stale: run `npm run schema` and commit it').toBe(
      jsonSchemaText(),
    );
  });

  it('every shipped set names it on its first line, by a path that leads to it', () => {
    for (const f of shipped) {
      expect(readFileSync(join(setsDir, f), 'utf8').split('\n')[0], f).toBe(
        '# yaml-language-server: $schema=../schema/criteria-set.schema.json',
      );
    }
  });

  it('accepts every shipped set, and names the recursive threshold', () => {
    const validate = validator();
    for (const f of shipped)
      expect(validate(load(join(setsDir, f))), `${f}: ${JSON.stringify(validate.errors)}`).toBe(true);
    expect(committed).toContain('"#/definitions/threshold"');
  });

  it('rejects what ntm rejects: a misspelt key, a wrong type, an unknown indicator type', () => {
    const validate = validator();
    const set = load(join(setsDir, 'quoc-gia-xa-2016.yaml'));
    const bad = [
      { ...set, criteria: [{ ...set.criteria[0], ower: 'x' }] },
      { ...set, default_year: '2020' },
      { ...set, criteria: [{ ...set.criteria[0], indicators: [{ id: '1.1', name: 'x', type: 'percentage' }] }] },
      {
        ...set,
        criteria: [
          {
            ...set.criteria[0],
            indicators: [{ id: '1.1', name: 'x', type: 'percent', threshold: { by_year: { '20': 5 } } }],
          },
        ],
      },
    ];
    for (const b of bad) expect(validate(b)).toBe(false);
  });
});

describe('the JSON Schema of targets files', () => {
  const written = readFileSync(join(ROOT, TARGETS_SCHEMA_PATH), 'utf8');

  it('is up to date with src/criteria/targets-schema.ts (run `npm run schema` after changing it)', () => {
    expect(written, 'schema/targets.schema.json is stale: run `npm run schema` and commit it').toBe(
      targetsJsonSchemaText(),
    );
  });

  it('accepts the shipped targets of both seed plans, and rejects a misspelt key', () => {
    const validate = new Ajv({ strict: false, allErrors: true }).compile(JSON.parse(written));
    for (const name of ['ngan-son-2021', 'bac-giang-2024']) {
      const file = join(ROOT, 'fixtures/targets', `${name}.targets.yaml`);
      expect(validate(load(file)), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    const plan = { document: 'Kế hoạch', issuer: 'UBND', year: 2021 };
    const misspelt = { plan, units: [{ name: 'Đức Vân', gian: 2, source: { line: 1, quote: 'x' } }] };
    expect(validate(misspelt)).toBe(false);
    expect(Object.keys(JSON.parse(written).properties)).toEqual([
      'plan',
      'baseline_year',
      'set',
      'level',
      'units',
      'others',
      'totals',
    ]);
  });
});
