import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, ntm, tempDir } from './helpers/cli.js';
import { ntmBytes, readXlsx } from './reports-helpers.js';

const ANNEX = fixture('ngan-son-2021-thon.csv');

describe('ntm evaluate -o FILE', () => {
  it.each([
    ['report.txt', /^Criteria set: bac-kan-thon-2019/],
    ['report.json', /^\{\n {2}"set": \{/],
    ['report.csv', /^\uFEFFVillage,Commune,File,/],
    ['report.md', /^# New rural development/],
    ['report.markdown', /^# New rural development/],
    ['report.html', /^<!DOCTYPE html>/],
  ])('takes the format from the extension: %s', async (name, start) => {
    const dir = tempDir();
    const r = await ntm(['evaluate', ANNEX, '-o', join(dir, name)]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`ntm: wrote the report ${join(dir, name)}`);
    expect(readFileSync(join(dir, name), 'utf8')).toMatch(start);
  });

  it('writes .xlsx as a zip, and --format wins over the extension', async () => {
    const dir = tempDir();
    await ntm(['evaluate', ANNEX, '-o', join(dir, 'a.xlsx')]);
    expect(readFileSync(join(dir, 'a.xlsx')).subarray(0, 2).toString()).toBe('PK');
    await ntm(['evaluate', ANNEX, '--format', 'json', '-o', join(dir, 'a.txt')]);
    expect(JSON.parse(readFileSync(join(dir, 'a.txt'), 'utf8')).set.id).toBe('bac-kan-thon-2019');
  });

  it('refuses an extension it cannot map to a format: exit 2, nothing written', async () => {
    const dir = tempDir();
    const r = await ntm(['evaluate', ANNEX, '-o', join(dir, 'report.pdf')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot tell the report format from');
    expect(r.stderr).toContain('add --format');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses to overwrite an existing file without --force: exit 2, the file unchanged', async () => {
    const dir = tempDir({ 'report.csv': 'keep me\n' });
    const out = join(dir, 'report.csv');
    const r = await ntm(['evaluate', ANNEX, '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${out}: error: ${out} already exists; it was left unchanged`);
    expect(r.stderr).toContain('hint: Add --force to replace it');
    expect(readFileSync(out, 'utf8')).toBe('keep me\n');
    expect(readdirSync(dir)).toEqual(['report.csv']);
  });

  it('replaces it with --force, leaving no temporary file behind', async () => {
    const dir = tempDir({ 'report.csv': 'old\n' });
    const r = await ntm(['evaluate', ANNEX, '-o', join(dir, 'report.csv'), '--force']);
    expect(r.code).toBe(1);
    expect(readFileSync(join(dir, 'report.csv'), 'utf8')).toMatch(/^\uFEFFVillage,Commune/);
    expect(readdirSync(dir)).toEqual(['report.csv']);
  });

  it('never writes over an input, even with --force (a survey, or the set YAML)', async () => {
    const survey = readFileSync(ANNEX);
    const dir = tempDir({ 'thon.csv': survey });
    const input = join(dir, 'thon.csv');
    for (const args of [
      ['-o', input],
      ['-o', input, '--force', '--format', 'csv'],
    ]) {
      const r = await ntm(['evaluate', input, ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('will not write the report over an input file');
      expect(readFileSync(input)).toEqual(survey);
    }
    const yaml = join(dir, 'set.yaml');
    writeFileSync(
      yaml,
      readFileSync(fixture('../criteria-sets/bac-kan-thon-2019.yaml'), 'utf8').replace(/^id: .*$/m, 'id: my-thon'),
    );
    const r = await ntm(['evaluate', input, '--set', yaml, '-o', yaml, '--force', '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('will not write the report over an input file');
  });

  it('refuses before reading the surveys, so a long run does not end in a refusal', async () => {
    const dir = tempDir({ 'out.md': 'x' });
    const r = await ntm(['evaluate', join(dir, 'missing.csv'), '-o', join(dir, 'out.md')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('already exists');
    expect(r.stderr).not.toContain('missing.csv');
  });

  it('reports a folder that does not exist as a write error, exit 2', async () => {
    const dir = tempDir();
    const r = await ntm(['evaluate', ANNEX, '-o', join(dir, 'no/such/report.md')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(': error: the folder of ');
    expect(existsSync(join(dir, 'no'))).toBe(false);
  });

  it('writes the xlsx bytes unchanged to a pipe', async () => {
    const r = await ntmBytes(['evaluate', ANNEX, '--format', 'xlsx']);
    expect(r.code).toBe(1);
    expect(r.stdout.subarray(0, 4).toString('hex')).toBe('504b0304');
    const wb = await readXlsx(r.stdout);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Annex', 'Gaps', 'Summary']);
  });

  it('with --quiet and -o, writes the report and prints only the summary line', async () => {
    const dir = tempDir();
    const r = await ntm(['evaluate', ANNEX, '-q', '-o', join(dir, 'r.json')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      'Units evaluated: 8; Meeting the standard: 0; Average criteria met: 10.38/16; Criterion verdicts resting on: verified 0 · secondary source 0 · by mark 128; Warnings: 2\n',
    );
    expect(JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')).units).toHaveLength(8);
  });
});
