import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, ntm, tempDir, THON_HEADER } from './helpers/cli.js';

/**
 * Survey and set text never drives the terminal: ANSI colour and clear-screen sequences, OSC titles
 * and hyperlinks, a bell, and the right-to-left override each reach it as U+FFFD.
 */
const CLEAR = '\x1b[2J\x1b[H';
const OSC_LINK = '\x1b]8;;http://x.example\x07bấm\x1b]8;;\x07';
const RLO = '\u202e';
// eslint-disable-next-line no-control-regex -- finding raw control characters in the output is the point
const RAW = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

const marks = (n: number) =>
  Array(16)
    .fill('1')
    .fill('', 16 - n)
    .join(',');
const survey = [
  `${THON_HEADER},Ghi chú ${OSC_LINK}`,
  `Nà ${CLEAR}Lạn,Vân ${RLO}Tùng,${marks(2)},`,
  `Bản Chang,Vân Tùng,${marks(0)},`,
  `,,${Array(16).fill('').join(',')},${RLO}\x1b[31mGhi chú cuối\x1b[0m`,
].join('\n');

describe('terminal safety', () => {
  it('evaluate: the table and the warnings show survey text with every control replaced', async () => {
    const dir = tempDir({ 'thon.csv': survey });
    // A wide terminal, so that each name stays on one line of its cell.
    const r = await ntm(['evaluate', 'thon.csv', '--set', 'bac-kan-thon-2019'], { cwd: dir, env: { COLUMNS: '200' } });
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(RAW);
    expect(r.stderr).not.toMatch(RAW);
    expect(r.stdout).toContain('Nà \uFFFD[2J\uFFFD[HLạn');
    expect(r.stdout).toContain('Vân \uFFFDTùng');
    // The unknown column and the skipped note row are named in warnings.
    expect(r.stderr).toContain('"Ghi chú \uFFFD]8;;http://x.example\uFFFDbấm\uFFFD]8;;\uFFFD"');
    expect(r.stderr).toContain('row skipped, it names no unit: "\uFFFD\uFFFD[31mGhi chú cuối\uFFFD[0m');
  });

  it('evaluate: an error quoting a cell shows it with every control replaced', async () => {
    const dir = tempDir({
      'thon.csv': `${THON_HEADER}\nNà Lạn,Vân Tùng,1,1,\x1b]0;pwned\x07,${Array(13).fill('1').join(',')}\n`,
    });
    const r = await ntm(['evaluate', 'thon.csv', '--set', 'bac-kan-thon-2019'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(RAW);
    expect(r.stderr).toContain('\uFFFD]0;pwned\uFFFD');
  });

  const set = readFileSync(fixture('sets/kiem-thu-xa.yaml'), 'utf8')
    .replace(/^name: .*$/m, `name: "Bộ \\e[5mnhấp nháy\\e[0m ${RLO}thử"`)
    .replace(/^(\s+name: )(.*)$/m, `$1"\\e]0;pwned\\a$2"`);

  it('sets list and sets show: set text with every control replaced; JSON escapes it, the data unchanged', async () => {
    const dir = tempDir({ 'bo/kiem-thu-xa.yaml': set });
    const list = await ntm(['sets', 'list', '--sets', join(dir, 'bo'), '--lang', 'vi']);
    expect(list.code).toBe(0);
    expect(list.stdout).not.toMatch(RAW);
    expect(list.stdout).toContain('Bộ \uFFFD[5mnhấp nháy\uFFFD[0m \uFFFDthử');
    const show = await ntm(['sets', 'show', 'kiem-thu-xa', '--sets', join(dir, 'bo')]);
    expect(show.code).toBe(0);
    expect(show.stdout).not.toMatch(RAW);
    expect(show.stdout).toMatch(/\n1\. \uFFFD\]0;pwned\uFFFD/);
    const json = await ntm(['sets', 'show', 'kiem-thu-xa', '--sets', join(dir, 'bo'), '--format', 'json']);
    expect(json.stdout).not.toMatch(RAW);
    expect(JSON.parse(json.stdout).name).toBe(`Bộ \x1b[5mnhấp nháy\x1b[0m ${RLO}thử`);
  });

  it("a set's text in an error is shown with every control replaced", async () => {
    const dir = tempDir({ 'bo/kiem-thu-xa.yaml': set.replace(/^level: xa$/m, `level: xa\n"\\e[2Jregion": TDMNPB`) });
    const r = await ntm(['sets', 'list', '--sets', join(dir, 'bo')]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(RAW);
    expect(r.stderr).toContain('error: unknown key "\uFFFD[2Jregion"');
  });
});
