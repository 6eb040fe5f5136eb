// `ntm validate`: every problem of a criteria-set file or a survey at once, with its position;
// exit 0 clean, 2 problems; --format json for CI. Every test runs the real bin/ntm.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture, json, ntm } from './helpers/cli.js';

const V = 'tests/validate';

describe('ntm validate: criteria-set files', () => {
  it('lists every threshold that contradicts its type, unit or levels, and the unsourced one, each with its line', async () => {
    const r = await ntm(['validate', `${V}/thresholds-wrong.yaml`]);
    expect(r.code).toBe(2);
    const heads = r.stdout.split('\n').filter((l) => l.includes(': error: '));
    expect(heads).toEqual([
      `${V}/thresholds-wrong.yaml:18:20: error: set "nhap-xa-2025", indicator 4.2: threshold 980 is a percentage outside 0–100`,
      `${V}/thresholds-wrong.yaml:28:20: error: set "nhap-xa-2025", indicator 10.1: threshold true must be a number (type number)`,
      `${V}/thresholds-wrong.yaml:39:11: error: indicator 17.1 of set "nhap-xa-2025": the threshold (TDMNPB, ĐBSH) cites nothing`,
      `${V}/thresholds-wrong.yaml:50:20: error: set "nhap-xa-2025", indicator 18.1: threshold "Xuất sắc" must be one of the levels (Không hoàn thành, Hoàn thành, Hoàn thành tốt)`,
    ]);
    expect(r.stdout).toContain(`ntm: ${V}/thresholds-wrong.yaml: 4 errors, 0 warnings (criteria set "nhap-xa-2025")\n`);
    expect(r.stderr).toBe('');
  });

  it('lists indicators whose own fields contradict their type: comparison, count, unit, levels', async () => {
    const r = await ntm(['validate', `${V}/types-wrong.yaml`]);
    expect(r.code).toBe(2);
    const at = `${V}/types-wrong.yaml`;
    expect(r.stdout.split('\n').filter((l) => l.includes(': error: '))).toEqual([
      `${at}:17:21: error: set "nhap-xa-2026", indicator 1.1: compares a pass with ">="; yes/no values take only "=="`,
      `${at}:22:20: error: set "nhap-xa-2026", indicator 1.2: threshold 2.5 must be a whole number, 0 or more (type count)`,
      `${at}:26:15: error: set "nhap-xa-2026", indicator 1.3: is a percentage with unit "thôn"; ` +
        'a percentage takes "%" or "ratio"',
      `${at}:27:17: error: set "nhap-xa-2026", indicator 1.3: lists "levels" but is of type percent`,
    ]);
    // The same set stops `evaluate` too: a threshold that contradicts its type would give wrong verdicts.
    const e = await ntm(['evaluate', 'fixtures/bac-kan-xa-2020.csv', '--set', `${V}/types-wrong.yaml`]);
    expect(e.code).toBe(2);
    expect(e.stderr).toContain('indicator 1.2: threshold 2.5 must be a whole number, 0 or more (type count)');
  });

  it('lists schema problems and duplicate ids of one file together', async () => {
    const r = await ntm(['validate', `${V}/schema-wrong.yaml`]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`${V}/schema-wrong.yaml:8:8: error: meets: not a valid value here (a mapping)\n`);
    expect(r.stdout).toContain(
      `${V}/schema-wrong.yaml:12:5: error: unknown key "ower" in criteria[0]\n  hint: did you mean "owner"?\n`,
    );
    expect(r.stdout).toContain(
      `${V}/schema-wrong.yaml:15:15: error: criteria[1].verified: expected boolean, found string "có"\n`,
    );
    expect(r.stdout).toContain(
      `${V}/schema-wrong.yaml:16:9: error: criterion id "1" in set "nhap-thon-2025" appears twice (first on line 10)\n`,
    );
    expect(r.stdout).toContain('4 errors, 0 warnings');
  });

  it("a set that changes an inherited threshold must cite its own source, not keep the parent's", async () => {
    const r = await ntm(['validate', `${V}/changes-without-source.yaml`], { env: { LANG: 'vi_VN.UTF-8' } });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(
      `${V}/changes-without-source.yaml:14:20: lỗi: chỉ tiêu 4.2 của bộ "tinh-thu-xa-2017": ngưỡng không ghi nguồn\n`,
    );
    expect(r.stdout).toContain('1 lỗi, 0 cảnh báo');
  });

  it('passes every shipped set (exit 0), and checks several files in one run', async () => {
    const files = ['bac-kan-thon-2019', 'bac-kan-xa-2017', 'quoc-gia-xa-2016', 'quoc-gia-xa-2021'].map(
      (s) => `criteria-sets/${s}.yaml`,
    );
    const r = await ntm(['validate', ...files]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual(
      files.map((f) => `ntm: ${f}: no problems (criteria set "${f.slice(14, -5)}")`),
    );
  });
});

describe('ntm validate: surveys', () => {
  it('lists every bad cell, ragged row, duplicate unit and missing column of one survey, without judging it', async () => {
    const r = await ntm(['validate', `${V}/thon-draft.csv`, '--set', 'bac-kan-thon-2019']);
    expect(r.code).toBe(2);
    const heads = r.stdout.split('\n').filter((l) => l.includes(': error: '));
    expect(heads).toEqual([
      `${V}/thon-draft.csv: error: no column for 1 criteria/indicators, so no data for every unit: 16 Hệ thống chính trị`,
      `${V}/thon-draft.csv:4:5: error: column "3": "có lẽ" is not understood; expected 1, x, ✓, Đạt, có, yes, true (met) or 0, Không đạt, không, no, false, blank (not met), ? (no data)`,
      `${V}/thon-draft.csv:5:18: error: this row has 19 cells but the header has 17: cell 18 ("1") has no column`,
      `${V}/thon-draft.csv:6:1: error: "Nà Y" (Thượng Ân) appears twice: lines 4 and 6`,
      `${V}/thon-draft.csv:7:4: error: column "2": "2" is not understood; expected 1, x, ✓, Đạt, có, yes, true (met) or 0, Không đạt, không, no, false, blank (not met), ? (no data)`,
    ]);
    // Validation judges nothing: no verdict, no summary of units meeting the standard.
    expect(r.stdout).not.toMatch(/Meets|Does not meet|Summary/);
  });

  it('a sound survey exits 0 and its warnings are shown', async () => {
    const r = await ntm(['validate', fixture('ngan-son-2021-thon.csv')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      ':8:20: warning: Nà Y (Thượng Ân): the marks add up to 14 criteria met, the total column says 13\n',
    );
    expect(r.stdout).toContain(
      'ngan-son-2021-thon.csv: 0 errors, 2 warnings (survey read with set "bac-kan-thon-2019", 8 units)\n',
    );
  });

  it('--format json gives each file its problems with kind and position, for CI', async () => {
    const r = await ntm([
      'validate',
      `${V}/thon-draft.csv`,
      `${V}/thresholds-wrong.yaml`,
      fixture('ngan-son-2021-thon.csv'),
      '--format',
      'json',
    ]);
    expect(r.code).toBe(2);
    const out = json(r);
    expect(out.ok).toBe(false);
    expect(
      out.files.map((f: { what: string; errors: number; warnings: number }) => [f.what, f.errors, f.warnings]),
    ).toEqual([
      ['survey', 5, 0],
      ['set', 4, 0],
      ['survey', 0, 2],
    ]);
    expect(out.files[0].problems[1]).toMatchObject({
      kind: 'type-error',
      severity: 'error',
      line: 4,
      column: 5,
      params: { value: 'có lẽ' },
    });
    expect(out.files[1].problems.map((p: { kind: string; line: number }) => [p.kind, p.line])).toEqual([
      ['criteria-set-threshold', 18],
      ['criteria-set-threshold', 28],
      ['unsourced-threshold', 39],
      ['criteria-set-threshold', 50],
    ]);
  });
});

describe('ntm validate: standard input', () => {
  it('reads "-" and names it (stdin) in every problem', async () => {
    const input = readFileSync(`${V}/thon-draft.csv`);
    const r = await ntm(['validate', '-', '--set', 'bac-kan-thon-2019'], { input });
    expect(r.code).toBe(2);
    const files = r.stdout
      .split('\n')
      .filter((l) => l.includes(': error: '))
      .map((l) => l.split(':')[0]);
    expect(files).toEqual(['(stdin)', '(stdin)', '(stdin)', '(stdin)', '(stdin)']);
  });
});
