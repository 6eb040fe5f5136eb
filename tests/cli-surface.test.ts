// The CLI's surface as a user meets it: refusals, terminal behaviour, help and version, views in
// JSON, `sets show` / `sets list` options. Every test runs the real bin/ntm.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, inTerminal, json, ntm, ROOT, tempDir, THON_HEADER } from './helpers/cli.js';
import { readXlsx } from './reports-helpers.js';

const ANNEX = fixture('ngan-son-2021-thon.csv');
const XA = fixture('bac-kan-xa-2020.csv');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** What a terminal shows after this output: `\r` returns to the start of the line, `ESC[K` erases to its end. */
function screen(out: string): string[] {
  const lines: string[] = [];
  let line: string[] = [];
  let col = 0;
  const chars = Array.from(out);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === '\r') col = 0;
    else if (ch === '\n') {
      lines.push(line.join(''));
      line = [];
      col = 0;
    } else if (ch === '\u001b' && chars[i + 1] === '[' && chars[i + 2] === 'K') {
      line = line.slice(0, col);
      i += 2;
    } else {
      line[col++] = ch;
    }
  }
  if (line.length) lines.push(line.join(''));
  return lines;
}

describe('-o and the --villages file', () => {
  it('refuses to write the report over the --villages file, even with --force, and leaves it unchanged', async () => {
    const villages = readFileSync(ANNEX);
    const dir = tempDir({ 'xa.csv': readFileSync(XA), 'thon.csv': villages });
    for (const extra of [[], ['--format', 'csv'], ['--format', 'json']]) {
      const r = await ntm(
        [
          'evaluate',
          'xa.csv',
          '--set',
          'bac-kan-xa-2017',
          '--villages',
          'thon.csv',
          '-o',
          'thon.csv',
          '--force',
          ...extra,
        ],
        { cwd: dir },
      );
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(
        'thon.csv: error: will not write the report over an input file (thon.csv)\n  hint: Choose another -o path.\n',
      );
      expect(readFileSync(join(dir, 'thon.csv'))).toEqual(villages);
      expect(readdirSync(dir).sort()).toEqual(['thon.csv', 'xa.csv']);
    }
    // The same file named another way is still the input.
    const r = await ntm([
      'evaluate',
      join(dir, 'xa.csv'),
      '--set',
      'bac-kan-xa-2017',
      '--villages',
      join(dir, 'thon.csv'),
      '-o',
      `${dir}/./thon.csv`,
      '--force',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('will not write the report over an input file');
    expect(readFileSync(join(dir, 'thon.csv'))).toEqual(villages);
  });

  it('the same run with another -o path writes the report (the pairing itself is valid)', async () => {
    const dir = tempDir({ 'xa.csv': readFileSync(XA), 'thon.csv': readFileSync(ANNEX) });
    const r = await ntm(['evaluate', 'xa.csv', '--set', 'bac-kan-xa-2017', '--villages', 'thon.csv', '-o', 'r.json'], {
      cwd: dir,
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('ntm: wrote the report r.json\n');
    expect(JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')).units).toHaveLength(9);
  });
});

describe('--format xlsx and the terminal', () => {
  it('refuses to print the binary workbook to a terminal: exit 2, with the message and hint', async () => {
    const r = await inTerminal(['evaluate', ANNEX, '--format', 'xlsx']);
    expect(r.code).toBe(2);
    expect(r.out).toBe(
      'error: the xlsx report is a binary file and would garble the terminal\n  hint: Add -o report.xlsx, or redirect standard output.\n',
    );
  });

  it('writes it when standard output is redirected to a file, from the same terminal', async () => {
    const dir = tempDir();
    const r = await inTerminal(['evaluate', ANNEX, '--format', 'xlsx'], { cwd: dir, tail: '> out.xlsx' });
    expect(r.code).toBe(1);
    expect(r.out).not.toContain('garble');
    expect(r.out).toContain('using criteria set "bac-kan-thon-2019"');
    const bytes = readFileSync(join(dir, 'out.xlsx'));
    expect(bytes.subarray(0, 4).toString('hex')).toBe('504b0304');
    expect((await readXlsx(bytes)).worksheets.map((w) => w.name)).toEqual(['Annex', 'Gaps', 'Summary']);
  });
});

describe('standard input', () => {
  it('refuses "-" given twice: exit 2, nothing on stdout', async () => {
    const input = readFileSync(ANNEX);
    const r = await ntm(['evaluate', '-', '-'], { input });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('error: standard input ("-") can be read only once\n');
    const between = await ntm(['evaluate', '-', ANNEX, '-'], { input });
    expect(between.code).toBe(2);
    expect(between.stderr).toBe('error: standard input ("-") can be read only once\n');
    const vi = await ntm(['evaluate', '-', '-', '--lang', 'vi'], { input });
    expect(vi.code).toBe(2);
    expect(vi.stderr).toBe('lỗi: đầu vào chuẩn ("-") chỉ đọc được một lần\n');
  });
});

describe('--villages with a set that computes nothing from villages', () => {
  it('is an error naming the set, exit 2', async () => {
    const r = await ntm(['evaluate', XA, '--set', 'quoc-gia-xa-2016', '--villages', ANNEX]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `${ANNEX}: error: set "quoc-gia-xa-2016" has no indicator computed from villages, so --villages has nothing to do\n` +
        '  hint: Use a set whose indicators say `from_villages`, or leave out --villages.\n',
    );
  });

  it('also when the set is the one chosen from the header', async () => {
    const dir = tempDir({ 'thon.csv': [THON_HEADER, `Nà Lạn,Vân Tùng,${Array(16).fill('1').join(',')}`].join('\n') });
    const r = await ntm(['evaluate', 'thon.csv', '--villages', 'thon.csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      'thon.csv: error: set "bac-kan-thon-2019" has no indicator computed from villages, so --villages has nothing to do\n',
    );
  });
});

describe('colour on a terminal', () => {
  it('--no-color turns it off', async () => {
    const coloured = await inTerminal(['evaluate', ANNEX]);
    expect(coloured.out).toContain('\u001b[');
    const plain = await inTerminal(['evaluate', ANNEX, '--no-color']);
    expect(plain.code).toBe(1);
    expect(plain.out).toContain('Cốc Phia');
    expect(plain.out).toContain('Summary: Units evaluated: 8');
    expect(plain.out).not.toContain('\u001b');
  });
});

describe('version and help', () => {
  it.each([['-V'], ['--version']])('%s prints the package version and exits 0', async (flag) => {
    const r = await ntm([flag]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${VERSION}\n`);
    expect(r.stderr).toBe('');
  });

  it('--help lists the commands and exits 0', async () => {
    const r = await ntm(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: ntm \[options\] \[command\]/);
    expect(r.stdout).toMatch(/^ {2}evaluate \[options\] <files\.\.\.>/m);
    expect(r.stdout).toMatch(/^ {2}sets\b/m);
    expect(r.stderr).toBe('');
  });

  it('evaluate --help lists the options and the exit codes, and exits 0', async () => {
    const r = await ntm(['evaluate', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: ntm evaluate \[options\] <files\.\.\.>/);
    for (const opt of ['--set <id|file>', '--villages <file>', '-o, --output <file>', '--no-color', '-q, --quiet'])
      expect(r.stdout).toContain(opt);
    expect(r.stdout).toContain('\nExit codes: 0 every unit meets the standard, 1 some do not, 2 bad input or usage.\n');
    expect(r.stderr).toBe('');
  });
});

interface Gap {
  criterion: string;
  indicator?: string;
  name: string;
  owner: string;
  kind: string;
}
interface Unit {
  name: string;
  parent: string;
  file: string;
  gaps: Gap[];
}

describe('--format json with a view', () => {
  it('--by criterion adds byCriterion: each criterion some unit misses, with exactly the units that miss it', async () => {
    const r = await ntm(['evaluate', XA, '--set', 'bac-kan-xa-2017', '--format', 'json', '--by', 'criterion']);
    expect(r.code).toBe(1);
    const out = json(r) as {
      units: Unit[];
      byCriterion: {
        id: string;
        name: string;
        owner: string;
        units: { name: string; parent: string; file: string }[];
      }[];
      byOwner?: unknown;
    };
    expect(out.byOwner).toBeUndefined();
    // Income (10): Trung Hòa's 26.2 million is under the 36 required.
    const income = out.byCriterion.find((c) => c.id === '10')!;
    expect(income).toMatchObject({ name: 'Thu nhập', owner: 'Chi cục Thống kê huyện' });
    expect(income.units).toContainEqual({ name: 'Trung Hòa', parent: 'Ngân Sơn', file: XA });
    // Every entry is what the units' gaps say, in the units' order, one line per unit even when it misses
    // several indicators.
    for (const c of out.byCriterion) {
      const missing = out.units
        .filter((u) => u.gaps.some((g) => g.criterion === c.id))
        .map((u) => ({ name: u.name, parent: u.parent, file: u.file }));
      expect(c.units, `criterion ${c.id}`).toEqual(missing);
      expect(c.units.length).toBeGreaterThan(0);
    }
    const gapCriteria = new Set(out.units.flatMap((u) => u.gaps.map((g) => g.criterion)));
    expect(new Set(out.byCriterion.map((c) => c.id))).toEqual(gapCriteria);
  });

  it('--by criterion on the annex: criterion 3 is missed by Nà Y and Nà Ngần only', async () => {
    const out = json(await ntm(['evaluate', ANNEX, '--format', 'json', '--by', 'criterion']));
    expect(out.byCriterion.find((c: { id: string }) => c.id === '3')).toEqual({
      id: '3',
      name: 'Kế hoạch thực hiện tiêu chí',
      owner: 'UBND xã',
      units: [
        { name: 'Nà Y', parent: 'Thượng Ân', file: ANNEX },
        { name: 'Nà Ngần', parent: 'Thượng Quan', file: ANNEX },
      ],
    });
  });

  it('--by owner adds byOwner: each department with exactly the gaps it owns, tagged with their unit', async () => {
    const r = await ntm(['evaluate', ANNEX, '--format', 'json', '--by', 'owner']);
    expect(r.code).toBe(1);
    const out = json(r) as {
      units: Unit[];
      byOwner: { owner: string; gaps: { unit: string; parent: string; file: string; gap: Gap }[] }[];
      byCriterion?: unknown;
    };
    expect(out.byCriterion).toBeUndefined();
    expect(out.byOwner.find((o) => o.owner === 'Công an huyện')!.gaps).toEqual([
      {
        unit: 'Cốc Phia',
        parent: 'Cốc Đán',
        file: ANNEX,
        gap: {
          criterion: '15',
          name: 'An ninh trật tự',
          kind: 'unmet',
          value: null,
          required: null,
          shortfall: null,
          owner: 'Công an huyện',
          basis: 'mark',
        },
      },
    ]);
    const owners = [...new Set(out.units.flatMap((u) => u.gaps.map((g) => g.owner)))];
    expect(out.byOwner.map((o) => o.owner).sort()).toEqual(owners.sort());
    for (const o of out.byOwner) {
      const owned = out.units.flatMap((u) =>
        u.gaps
          .filter((g) => g.owner === o.owner)
          .map((g) => ({ unit: u.name, parent: u.parent, file: u.file, gap: g })),
      );
      expect(o.gaps, o.owner).toEqual(owned);
    }
  });

  it('--by owner keeps the unit name beside indicator gaps, which have a measurement unit of their own', async () => {
    const r = await ntm(['evaluate', XA, '--set', 'bac-kan-xa-2017', '--format', 'json', '--by', 'owner']);
    const out = json(r) as { units: Unit[]; byOwner: { gaps: { unit: string; gap: Gap & { unit?: string } }[] }[] };
    const names = new Set(out.units.map((u) => u.name));
    const gaps = out.byOwner.flatMap((o) => o.gaps);
    expect(gaps.some((g) => g.gap.unit === '%')).toBe(true);
    for (const g of gaps) expect(names).toContain(g.unit);
  });
});

describe('ntm sets show', () => {
  it("--region shows that region's thresholds only, in any spelling of the region", async () => {
    const north = await ntm(['sets', 'show', 'quoc-gia-xa-2016', '--region', 'TDMNPB']);
    const delta = await ntm(['sets', 'show', 'quoc-gia-xa-2016', '--region', 'ĐBSH']);
    expect(north.code).toBe(0);
    expect(delta.code).toBe(0);
    expect(north.stdout).not.toBe(delta.stdout);
    // Income (10) and stunting (15.3) differ between the two columns of 1980/QĐ-TTg.
    expect(north.stdout).toContain('TDMNPB: ≥ 36 triệu đồng/người/năm  ✓ on a value verified in the decision');
    expect(north.stdout).not.toContain('ĐBSH: ≥ 50 triệu đồng/người/năm');
    expect(north.stdout).toContain('TDMNPB: ≤ 26.7 %');
    expect(delta.stdout).toContain('ĐBSH: ≥ 50 triệu đồng/người/năm  ⚠ on a value from a secondary source');
    expect(delta.stdout).not.toContain('TDMNPB: ≥ 36 triệu đồng/người/năm');
    expect(delta.stdout).toContain('ĐBSH: ≤ 13.9 %');
    expect(delta.stdout).not.toMatch(/^ +TDMNPB: /m);
    // Without --region every region's column is listed.
    const all = await ntm(['sets', 'show', 'quoc-gia-xa-2016']);
    expect(all.stdout).toContain('TDMNPB: ≥ 36 triệu đồng/người/năm');
    expect(all.stdout).toContain('ĐBSH: ≥ 50 triệu đồng/người/năm');
    // A code in any case without diacritics, or the full name, is the same region.
    for (const spelling of ['dbsh', 'Đồng bằng sông Hồng']) {
      expect((await ntm(['sets', 'show', 'quoc-gia-xa-2016', '--region', spelling])).stdout).toBe(delta.stdout);
    }
  });

  it('shows a set given as a YAML file path', async () => {
    const r = await ntm(['sets', 'show', 'fixtures/sets/kiem-thu-xa.yaml']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^kiem-thu-xa: Commune test set \(test data\)\n/);
    expect(r.stdout).toContain('  Decision: KIỂM THỬ, 2024-01-01, ntm tests\n');
    expect(r.stdout).toContain('1. Tỷ lệ  [Phòng Kinh tế và Hạ tầng]');
    expect(r.stdout).toContain('      TDMNPB 2024: ≥ 45 triệu đồng/người/năm  ⚠ on a value from a secondary source\n');
    expect(r.stdout).toContain('computed from the villages, set bac-kan-thon-2019 #7');
    // …and the id alone is not a shipped set.
    const byId = await ntm(['sets', 'show', 'kiem-thu-xa']);
    expect(byId.code).toBe(2);
    expect(byId.stderr).toContain('error: no criteria set "kiem-thu-xa"');
  });
});

describe('progress line', () => {
  it('appears on a terminal while a file is read, and is erased at the end', async () => {
    const rows = Array.from({ length: 20000 }, (_, i) => `Thôn ${i},Xã ${i % 50},${Array(16).fill('1').join(',')}`);
    const dir = tempDir({ 'lon.csv': [THON_HEADER, ...rows].join('\n') });
    // --set, so that no "using criteria set" notice is printed while the line is up.
    const r = await inTerminal(['evaluate', 'lon.csv', '--set', 'bac-kan-thon-2019', '--quiet'], {
      cwd: dir,
      env: { NTM_PROGRESS_AFTER_MS: '0' },
    });
    expect(r.code).toBe(0);
    // eslint-disable-next-line no-control-regex -- the terminal's erase-line escape (ESC [K) is what is checked
    expect(r.out).toMatch(/\rntm: reading lon\.csv: \d+\.\d \/ \d+\.\d MB \(\d+%\)\u001b\[K/);
    const summary =
      'Units evaluated: 20000; Meeting the standard: 20000; Average criteria met: 16/16; Criterion verdicts resting on: verified 0 · secondary source 0 · by mark 320000';
    const tail = r.out.slice(r.out.lastIndexOf('ntm: reading'));
    expect(tail.indexOf('\r\u001b[K')).toBeGreaterThan(0);
    expect(tail.indexOf('\r\u001b[K')).toBeLessThan(tail.indexOf(summary));
    expect(screen(r.out)).toEqual([summary]);
  });

  it('is erased before the notice of the set chosen from the header, which stays whole on screen', async () => {
    const rows = Array.from({ length: 20000 }, (_, i) => `Thôn ${i},Xã ${i % 50},${Array(16).fill('1').join(',')}`);
    const dir = tempDir({ 'lon.csv': [THON_HEADER, ...rows].join('\n') });
    const r = await inTerminal(['evaluate', 'lon.csv', '--quiet'], { cwd: dir, env: { NTM_PROGRESS_AFTER_MS: '0' } });
    expect(r.code).toBe(0);
    expect(screen(r.out)).toEqual([
      'ntm: lon.csv: using criteria set "bac-kan-thon-2019" (225/QĐ-UBND); choose another with --set',
      'Units evaluated: 20000; Meeting the standard: 20000; Average criteria met: 16/16; Criterion verdicts resting on: verified 0 · secondary source 0 · by mark 320000',
    ]);
  });
});

describe('--quiet with -o', () => {
  it('does not print the "wrote the report" notice, and writes the report', async () => {
    const dir = tempDir({ 'thon.csv': readFileSync(ANNEX) });
    const r = await ntm(['evaluate', 'thon.csv', '-q', '-o', 'report.json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      'Units evaluated: 8; Meeting the standard: 0; Average criteria met: 10.38/16; Criterion verdicts resting on: verified 0 · secondary source 0 · by mark 128; Warnings: 2\n',
    );
    // The warnings are counted in the summary line, not printed.
    expect(r.stderr).toBe(
      'ntm: thon.csv: using criteria set "bac-kan-thon-2019" (225/QĐ-UBND); choose another with --set\n',
    );
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    expect(report.set.id).toBe('bac-kan-thon-2019');
    expect(report.units).toHaveLength(8);
    // Without -q the warnings are printed, and the notice is the last line.
    const loud = await ntm(['evaluate', 'thon.csv', '-o', 'report2.json'], { cwd: dir });
    expect(loud.stderr).toBe(
      r.stderr +
        'thon.csv:8:20: warning: Nà Y (Thượng Ân): the marks add up to 14 criteria met, the total column says 13\n' +
        '  hint: ntm counts the marks; correct the total or the marks.\n' +
        'thon.csv:15: warning: row skipped, it names no unit: "* Ghi chú: Ngoài các thôn đăng ký năm 2020 tiếp tục thực hiệ…"\n' +
        'ntm: wrote the report report2.json\n',
    );
  });
});

describe('ntm sets list --lang', () => {
  it('lists in Vietnamese with --lang vi and in English with --lang en, whatever the locale', async () => {
    const vi = await ntm(['sets', 'list', '--lang', 'vi']);
    expect(vi.code).toBe(0);
    expect(vi.stdout).toMatch(
      /^bac-kan-thon-2019\s+thon\s+16 tiêu chí\s+225\/QĐ-UBND \(2019-02-13\)\s+Bộ tiêu chí thôn nông thôn mới tỉnh Bắc Kạn đến năm 2020$/m,
    );
    expect(vi.stdout).not.toContain(' criteria ');
    const en = await ntm(['sets', 'list', '--lang', 'en'], { env: { LANG: 'vi_VN.UTF-8' } });
    expect(en.code).toBe(0);
    expect(en.stdout).toMatch(
      /^bac-kan-thon-2019\s+thon\s+16 criteria\s+225\/QĐ-UBND \(2019-02-13\)\s+Bắc Kạn village \(thôn\) new-rural criteria to 2020$/m,
    );
    expect(en.stdout).not.toContain('tiêu chí');
    expect(vi.stdout.split('\n').length).toBe(en.stdout.split('\n').length);
  });
});
