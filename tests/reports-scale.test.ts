import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ntm, tempDir } from './helpers/cli.js';
import { largeSurvey } from './helpers/large-survey.js';
import { DATE_ENV, readCsv, readXlsx } from './reports-helpers.js';

// Every format at 20,000 villages: the report is whole (every unit, every gap, the summary at the end).
const UNITS = 20_000;
let survey: ReturnType<typeof largeSurvey>;
beforeAll(() => {
  survey = largeSurvey(UNITS);
});

const evaluate = (args: string[], env: Record<string, string> = {}) =>
  ntm(['evaluate', survey.file, '--set', 'bac-kan-thon-2019', ...args], { env: { ...DATE_ENV, ...env } });
const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0;
const SUMMARY = `Units evaluated: ${UNITS}`;

// Generous timeouts: on a loaded 2-core machine the xlsx writer and reader take their time (not timed).
describe(`every report at ${UNITS.toLocaleString('en')} villages is whole`, { timeout: 240_000 }, () => {
  it('csv: one row per gap', async () => {
    const r = await evaluate(['--format', 'csv']);
    expect(r.code).toBe(1);
    const rows = readCsv(r.stdout);
    expect(rows).toHaveLength(survey.gaps + 1);
    expect(rows.at(-1)![0]).toBe(`Thôn ${UNITS}`);
  });

  it('csv --by owner and --by criterion: every gap, every criterion counted', async () => {
    const byOwner = readCsv((await evaluate(['--format', 'csv', '--by', 'owner'])).stdout);
    expect(byOwner).toHaveLength(survey.gaps + 1);
    const byCriterion = readCsv((await evaluate(['--format', 'csv', '--by', 'criterion'])).stdout);
    expect(byCriterion.slice(1).reduce((n, row) => n + Number(row[3]), 0)).toBe(survey.gaps);
    expect(byCriterion[1]![5]!.split('; ')).toHaveLength(Number(byCriterion[1]![3]));
  });

  it('json --by owner and --by criterion: every gap in the view, after the units', async () => {
    const byOwner = JSON.parse((await evaluate(['--format', 'json', '--by', 'owner'])).stdout);
    expect(byOwner.units).toHaveLength(UNITS);
    expect(byOwner.byOwner.reduce((n: number, o: { gaps: unknown[] }) => n + o.gaps.length, 0)).toBe(survey.gaps);
    const byCriterion = JSON.parse((await evaluate(['--format', 'json', '--by', 'criterion'])).stdout);
    const missing = (u: { criteria: string[] }) => u.criteria.filter((c) => c !== 'met').length;
    const missed = byCriterion.units.reduce((n: number, u: { criteria: string[] }) => n + missing(u), 0);
    expect(byCriterion.byCriterion.reduce((n: number, c: { units: unknown[] }) => n + c.units.length, 0)).toBe(missed);
    expect(byCriterion.summary.units).toBe(UNITS);
  });

  it('markdown: every annex row, every gap row, then the summary', async () => {
    const r = await evaluate(['--format', 'markdown']);
    expect(count(r.stdout, /^\| \d+ \| Thôn \d+ \| Xã \d+ \| [1 |]*\| \d+ \|$/gm)).toBe(UNITS);
    expect(count(r.stdout, /^\| \d+ \| Thôn \d+ \| Xã \d+ \| \d+\. /gm)).toBe(survey.gaps);
    // The summary after the last gap row; the official summary's tables after it.
    const lines = r.stdout.trimEnd().split('\n');
    const at = lines.indexOf(`- ${SUMMARY}`);
    expect(at).toBeGreaterThan(lines.findLastIndex((l) => /^\| \d+ \| Thôn \d+ \| Xã \d+ \| \d+\. /.test(l)));
    expect(lines.slice(at)).toContain('**Units by criteria met**');
  });

  it('html: every heat-map row, every gap row, the summary, the page closed', async () => {
    const r = await evaluate(['--format', 'html']);
    expect(count(r.stdout, /<td class="total">/g)).toBe(UNITS);
    expect(r.stdout.slice(r.stdout.indexOf('<section id="gaps">')).match(/<tr><td class="num">/g)).toHaveLength(
      survey.gaps,
    );
    expect(r.stdout).toContain(`<span class="value">${UNITS}</span>`);
    expect(r.stdout.endsWith('</html>\n')).toBe(true);
  });

  it('xlsx: every annex row and every gap row', async () => {
    const file = join(tempDir(), 'lon.xlsx');
    expect((await evaluate(['-o', file])).code).toBe(1);
    const wb = await readXlsx(readFileSync(file));
    expect(wb.getWorksheet('Annex')!.rowCount).toBe(5 + UNITS);
    expect(wb.getWorksheet('Gaps')!.rowCount).toBe(1 + survey.gaps);
    expect(wb.getWorksheet('Summary')!.getRow(2).values).toEqual([undefined, 'Units evaluated', String(UNITS)]);
  });

  it('the terminal table: every village, within 80 columns, then the summary', async () => {
    const r = await evaluate([]);
    const lines = r.stdout.trimEnd().split('\n');
    expect(count(r.stdout, /^│ \d+ +│ Thôn/gm)).toBe(UNITS);
    const at = lines.findIndex((l) => l.includes(SUMMARY));
    expect(lines.slice(1, at).every((l) => [...l].length <= 80)).toBe(true);
    expect(lines.at(-1)).toMatch(/^Share of units meeting each criterion: 1: /);
  });
});
