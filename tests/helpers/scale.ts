import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ntmRaw, tempDir, THON_HEADER } from './cli.js';

/** How many units the scale tests evaluate: enough that nothing is held whole by accident. */
export const SCALE_UNITS = 20_000;

/**
 * A village survey of `n` villages for bac-kan-thon-2019, as an export would have it: every
 * fifth village meets all 16 criteria, the others miss criterion 12 and have no mark for 7.
 */
export function villageRows(n: number, from = 0): string {
  let rows = '';
  for (let i = from; i < from + n; i++) {
    const marks = i % 5 === 0 ? '1,'.repeat(15) + '1' : '1,1,1,1,1,1,,1,1,1,1,0,1,1,1,1';
    rows += `Thôn ${i},Xã ${i % 500},${marks}\n`;
  }
  return rows;
}

let cached: string | undefined;
/** The path of a survey of SCALE_UNITS villages, written once per test file. */
export function scaleSurvey(): string {
  if (!cached) {
    cached = join(tempDir(), 'quoc-gia.csv');
    writeFileSync(cached, `${THON_HEADER}\n${villageRows(SCALE_UNITS)}`);
  }
  return cached;
}

/**
 * One test: `ntm evaluate` of SCALE_UNITS villages in FORMAT (plus `args`) exits 1 (4 in 5 miss a
 * criterion), and `check` finds its standard output whole. One line per format, e.g.
 * `wholeAtScale('csv', (out) => expect(out.toString().trim().split('\n')).toHaveLength(SCALE_UNITS + 1))`.
 */
export function wholeAtScale(format: string, check: (out: Buffer) => void, args: string[] = []): void {
  it(`${format} ${args.join(' ')}: whole at ${SCALE_UNITS.toLocaleString('en')} units`, async () => {
    const r = await ntmRaw(['evaluate', scaleSurvey(), '--set', 'bac-kan-thon-2019', '--format', format, ...args]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    check(r.stdout);
  });
}
