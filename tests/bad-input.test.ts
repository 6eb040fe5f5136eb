import { execFileSync } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { fixture, ntm, ROOT, tempDir, THON_HEADER } from './helpers/cli.js';

/**
 * The catalogue of bad inputs (issue 6): each one with the exact stderr a user sees and exit 2.
 * Small inputs live in tests/bad-input/; large or binary ones are made here, in a temporary folder.
 */
const DIR = join(ROOT, 'tests/bad-input');
const SETS = join(DIR, 'sets');
const USING = (file: string) =>
  `ntm: ${file}: using criteria set "bac-kan-thon-2019" (225/QĐ-UBND); choose another with --set`;

interface Case {
  name: string;
  args: string[];
  stderr: string[];
}

const csvCases: Case[] = [
  {
    name: 'an unclosed quote names the line and cell where the quote opens',
    args: ['evaluate', 'unclosed-quote.csv'],
    stderr: [
      'unclosed-quote.csv:3:3: error: a quoted cell is never closed: the " that opens cell 3 of the row on line 3 has no closing " (the file ends inside it, at line 4)',
      '  hint: Close the quote, or write a quote inside a quoted cell as "".',
    ],
  },
  {
    name: 'text after a closing quote names the line and the cell',
    args: ['evaluate', 'bad-quote.csv'],
    stderr: [
      'bad-quote.csv:3:3: error: a quoted cell has text after its closing quote',
      '  hint: Inside a quoted cell write a quote as "".',
    ],
  },
  {
    name: 'ragged rows: a row too long, at its first extra cell (a short row is read with its missing cells blank)',
    args: ['evaluate', 'ragged-rows.csv'],
    stderr: [
      USING('ragged-rows.csv'),
      'ragged-rows.csv:4:19: error: this row has 19 cells but the header has 18: cell 19 ("1") has no column',
      '  hint: A stray delimiter splits a cell, or the header lacks a column; check the row in a spreadsheet.',
    ],
  },
  {
    name: 'a row in another delimiter names its line',
    args: ['evaluate', 'foreign-delimiter.csv'],
    stderr: [
      USING('foreign-delimiter.csv'),
      'foreign-delimiter.csv:4:1: error: this row is separated by "," but the file by ";": "3,Pác Cáp,Vân Tùng,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1"',
      '  hint: Re-enter the row with ";" between cells (it was probably pasted from another file).',
    ],
  },
  {
    name: 'two columns for the same criterion',
    args: ['evaluate', 'duplicate-headers.csv'],
    stderr: [
      USING('duplicate-headers.csv'),
      'duplicate-headers.csv:1:19: error: column 19 "4" means the same as column 6 "4"',
      '  hint: Remove or rename one of the two columns.',
    ],
  },
  {
    name: 'the same village twice in the same commune',
    args: ['evaluate', 'duplicate-units.csv'],
    stderr: [
      USING('duplicate-units.csv'),
      'duplicate-units.csv:4:1: error: "Nà Lạn" (Vân Tùng) appears twice: lines 2 and 4',
      '  hint: Each unit must have one row; merge or remove one.',
    ],
  },
  {
    name: 'an empty file',
    args: ['evaluate', 'empty.csv'],
    stderr: [
      'empty.csv: error: the file is empty',
      '  hint: Give ntm a CSV with a header row naming the criteria and one row per unit.',
    ],
  },
  {
    name: 'a header and no units is an error, not an empty success',
    args: ['evaluate', 'header-only.csv'],
    stderr: [
      USING('header-only.csv'),
      'header-only.csv:1: error: the file has a header but no unit rows',
      '  hint: Add one row per village under the header; a sheet exported before it was filled in has none.',
    ],
  },
  {
    name: 'a file that does not exist',
    args: ['evaluate', 'khong-co.csv'],
    stderr: ['khong-co.csv: error: cannot open khong-co.csv: no such file', '  hint: Check the path.'],
  },
];

const FORBID = '  hint: Remove it: no field of a set has this name, and it could change how the program behaves.';
const HINT = '  hint: Fix the criteria-set file; `ntm sets show ID` shows a set once it loads.';
const setCases: Case[] = [
  {
    name: 'a set id defined twice, in a file of another name, even when the set is named by id',
    args: ['sets', 'show', 'quoc-gia-xa-2021', '--sets', join(SETS, 'duplicate-set')],
    stderr: [
      `${SETS}/duplicate-set/ban-sao-cua-toi.yaml: error: set id "quoc-gia-xa-2021" is defined twice: ${ROOT}/criteria-sets/quoc-gia-xa-2021.yaml and ${SETS}/duplicate-set/ban-sao-cua-toi.yaml`,
      '  hint: Give your own set another id (and `extends` the shipped one if it is a variant).',
    ],
  },
  {
    name: 'an unknown --region, refused before any file is opened, with the list of regions',
    args: ['evaluate', 'khong-co.csv', '--region', 'Bắc Cực'],
    stderr: [
      'error: unknown region "Bắc Cực"',
      '  hint: Use one of TDMNPB (Trung du và miền núi phía Bắc), ĐBSH (Đồng bằng sông Hồng), BTB (Bắc Trung Bộ), DHNTB (Duyên hải Nam Trung Bộ), TN (Tây Nguyên), ĐNB (Đông Nam Bộ), ĐBSCL (Đồng bằng sông Cửu Long).',
    ],
  },
  {
    name: 'YAML syntax error',
    args: ['sets', 'list', '--sets', join(SETS, 'syntax')],
    stderr: [
      `${SETS}/syntax/t-syntax.yaml:11:1: error: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]`,
      HINT,
    ],
  },
  {
    name: 'a value of the wrong type',
    args: ['sets', 'list', '--sets', join(SETS, 'wrong-type')],
    stderr: [
      `${SETS}/wrong-type/t-type.yaml:8:15: error: default_year: expected number, found string "hai nghìn"`,
      HINT,
    ],
  },
  {
    name: 'an unknown key that is a typo gets "did you mean"',
    args: ['sets', 'list', '--sets', join(SETS, 'unknown-key')],
    stderr: [
      `${SETS}/unknown-key/t-unknown.yaml:11:5: error: unknown key "ower" in criteria[0]`,
      '  hint: did you mean "owner"?',
    ],
  },
  {
    name: 'a criterion id twice, named at the second',
    args: ['sets', 'list', '--sets', join(SETS, 'duplicate-id')],
    stderr: [
      `${SETS}/duplicate-id/t-dup.yaml:13:9: error: criterion id "1" in set "t-dup" appears twice (first on line 9)`,
      "  hint: Each id must be unique; ids follow the decision's numbering. To change an inherited criterion, list it once with the fields that differ.",
    ],
  },
  {
    name: '`extends` of a set that does not exist, with the nearest id',
    args: ['sets', 'show', 't-ext', '--sets', join(SETS, 'extends-missing')],
    stderr: [
      `${SETS}/extends-missing/t-ext.yaml:4:10: error: set "t-ext" extends "quoc-gia-xa-2012", which is not a known set`,
      '  hint: did you mean "quoc-gia-xa-2016"?',
    ],
  },
  {
    name: '`extends` in a cycle, named at the `extends` that closes it',
    args: ['sets', 'show', 'c-a', '--sets', join(SETS, 'extends-cycle')],
    stderr: [
      `${SETS}/extends-cycle/c-b.yaml:4:10: error: "extends" forms a cycle: c-a → c-b → c-a`,
      '  hint: A set can extend another only if that one does not lead back to it.',
    ],
  },
  {
    name: 'an alias bomb ("billion laughs") is stopped at the first alias',
    args: ['sets', 'list', '--sets', join(SETS, 'alias-bomb')],
    stderr: [
      `${SETS}/alias-bomb/t-bomb.yaml:14:18: error: YAML aliases expand too far (Excessive alias count indicates a resource exhaustion attack): a criteria set needs at most 50 alias expansions, and a file that nests aliases is a "billion laughs" attack`,
      '  hint: Write the values out instead of nesting aliases (*name) of aliases.',
    ],
  },
  {
    name: '__proto__ keys are refused at every depth, before anything is built from the file',
    args: ['sets', 'list', '--sets', join(SETS, 'proto')],
    // In the order of the file's lines.
    stderr: [
      `${SETS}/proto/t-proto.yaml:8:1: error: the key "__proto__" is not allowed in a criteria set`,
      FORBID,
      `${SETS}/proto/t-proto.yaml:13:5: error: the key "__proto__" is not allowed in a criteria set`,
      FORBID,
    ],
  },
  {
    name: 'a constructor key is refused, even where any key is allowed (a region of by_region)',
    args: ['sets', 'list', '--sets', join(SETS, 'constructor')],
    stderr: [
      `${SETS}/constructor/t-constructor.yaml:18:13: error: the key "constructor" is not allowed in a criteria set`,
      FORBID,
    ],
  },
  {
    name: 'an unquoted id that YAML reads as another number (17.10 as 17.1)',
    args: ['sets', 'list', '--sets', join(SETS, 'number-id')],
    stderr: [
      `${SETS}/number-id/t-number.yaml:15:13: error: id 17.10 is read by YAML as the number 17.1`,
      '  hint: Write it in quotes: id: "17.10".',
    ],
  },
  {
    name: 'an indicator id in two criteria',
    args: ['sets', 'list', '--sets', join(SETS, 'duplicate-indicator')],
    stderr: [
      `${SETS}/duplicate-indicator/t-dup-ind.yaml:16:15: error: indicator id "5.1" in criterion "6" is also in criterion "5" (line 12)`,
      "  hint: An indicator id names one indicator in the whole set; ids follow the decision's numbering.",
    ],
  },
  {
    name: 'two criteria with one name, as headers are matched (case and diacritics aside)',
    args: ['sets', 'list', '--sets', join(SETS, 'duplicate-name')],
    stderr: [
      `${SETS}/duplicate-name/t-dup-name.yaml:14:11: error: criteria "2" and "4" have the same name "GIAO THÔNG" (first on line 10)`,
      '  hint: A survey column is matched to a criterion by its name: give each criterion its own.',
    ],
  },
  {
    name: 'an indicator id in two criteria once `extends` has laid a set over its parent',
    args: ['sets', 'show', 't-clash', '--sets', join(SETS, 'extends-clash')],
    stderr: [
      `${SETS}/extends-clash/t-clash.yaml: error: indicator id "6.1" in criterion "7" of set "t-clash" is also in criterion "6"`,
      "  hint: An indicator id names one indicator in the whole set; ids follow the decision's numbering.",
    ],
  },
  {
    name: 'min_criteria above the number of criteria',
    args: ['sets', 'show', 't-min', '--sets', join(SETS, 'min-criteria')],
    stderr: [
      `${SETS}/min-criteria/t-min.yaml:9:17: error: set "t-min" requires at least 5 criteria met but has only 2`,
      '  hint: Correct min_criteria from the decision: no unit could ever reach it.',
    ],
  },
  {
    name: 'an empty by_region map',
    args: ['sets', 'list', '--sets', join(SETS, 'empty-map')],
    stderr: [
      `${SETS}/empty-map/t-empty.yaml:17:11: error: by_region is empty`,
      '  hint: List at least one value under by_region, or remove it.',
    ],
  },
  {
    name: 'a device given as the set',
    args: ['evaluate', 'same-name-two-communes.csv', '--set', '/dev/zero'],
    stderr: [
      '/dev/zero: error: /dev/zero is a device, not a criteria-set file',
      '  hint: Give a YAML file of a criteria set.',
    ],
  },
  {
    name: 'a broken set stops `evaluate` too',
    args: ['evaluate', 'same-name-two-communes.csv', '--sets', join(SETS, 'unknown-key')],
    stderr: [
      `${SETS}/unknown-key/t-unknown.yaml:11:5: error: unknown key "ower" in criteria[0]`,
      '  hint: did you mean "owner"?',
    ],
  },
];

const noStack = /\n\s+at /;

describe('bad input catalogue', () => {
  for (const c of [...csvCases, ...setCases]) {
    it(c.name, async () => {
      const r = await ntm(c.args, { cwd: DIR });
      expect(r.stderr).toBe(c.stderr.map((l) => `${l}\n`).join(''));
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).not.toMatch(noStack);
    });
  }

  it('--debug adds the stack trace of an input error', async () => {
    for (const args of [
      ['evaluate', 'unclosed-quote.csv'],
      ['sets', 'list', '--sets', join(SETS, 'alias-bomb')],
    ]) {
      const r = await ntm([...args, '--debug'], { cwd: DIR });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^InputError: /m);
      expect(r.stderr).toMatch(noStack);
    }
  });

  it('the same village name in two communes is two units', async () => {
    const r = await ntm(['evaluate', 'same-name-two-communes.csv', '--format', 'json'], { cwd: DIR });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`${USING('same-name-two-communes.csv')}\n`);
    expect(JSON.parse(r.stdout).units.map((u: { name: string; parent: string }) => `${u.name} (${u.parent})`)).toEqual([
      'Nà Lạn (Vân Tùng)',
      'Nà Lạn (Bằng Vân)',
    ]);
  });

  it('a FIFO given as the set, or named *.yaml in a --sets folder, is refused without waiting on it', async () => {
    const dir = tempDir({ 'bo/.keep': '' });
    execFileSync('mkfifo', [join(dir, 'fifo.yaml'), join(dir, 'bo/ong.yaml')]);
    const given = await ntm(['sets', 'show', join(dir, 'fifo.yaml')]);
    expect(given.stderr).toBe(
      `${dir}/fifo.yaml: error: ${dir}/fifo.yaml is a FIFO (named pipe), not a criteria-set file\n  hint: Give a YAML file of a criteria set.\n`,
    );
    expect(given.code).toBe(2);
    const found = await ntm(['sets', 'list', '--sets', join(dir, 'bo')]);
    expect(found.stderr).toBe(
      `${dir}/bo/ong.yaml: error: ${dir}/bo/ong.yaml is a FIFO (named pipe), not a criteria-set file\n  hint: Give a YAML file of a criteria set.\n`,
    );
    expect(found.code).toBe(2);
  });

  it('a set file over 5 MB is refused before it is parsed', async () => {
    const set = readFileSync(join(SETS, 'duplicate-name/t-dup-name.yaml'), 'utf8')
      .replace('t-dup-name', 't-big')
      .replace(/GIAO THÔNG/, 'Điện');
    const dir = tempDir({
      'bo/t-big.yaml': `${set}notes:\n${'  - "Ghi chú dài dòng của bộ tiêu chí."\n'.repeat(150_000)}`,
    });
    const r = await ntm(['sets', 'list', '--sets', join(dir, 'bo')]);
    expect(r.stderr).toBe(
      `${dir}/bo/t-big.yaml: error: the criteria-set file is 7.0 MB; a set is at most 5 MB\n  hint: Check that this is a criteria set: the shipped ones are under 100 kB.\n`,
    );
    expect(r.code).toBe(2);
  });

  it('binary garbage is refused as not a text file', async () => {
    // Deterministic "random" bytes: a linear congruential generator.
    const bytes = Buffer.alloc(4096);
    for (let i = 0, x = 12345; i < bytes.length; i++) bytes[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
    const dir = tempDir({ 'rac.csv': bytes });
    const r = await ntm(['evaluate', 'rac.csv'], { cwd: dir });
    expect(r.stderr).toBe(
      'rac.csv: error: this is not a text file (it contains binary data)\n  hint: Export the sheet from Excel as "CSV UTF-8 (Comma delimited)" and give ntm that file.\n',
    );
    expect(r.code).toBe(2);
  });

  it('a 50 MB file with no line break is refused, quickly and without reading it whole', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'mot-dong.csv'), `Tên thôn,Tên xã,${'1,'.repeat(25 * 1024 * 1024)}`);
    const r = await ntm(['evaluate', 'mot-dong.csv'], { cwd: dir });
    expect(r.stderr).toBe(
      'mot-dong.csv:1: error: a row is over 1 MB long: this is not a survey table (or its line breaks are missing)\n  hint: Check that the file is the CSV export of the sheet.\n',
    );
    expect(r.code).toBe(2);
  });

  it('a quote left open in a large file is refused once it runs past 1 MB, not read to the end', async () => {
    const dir = tempDir({});
    const row = (name: string) => `${name},Vân Tùng,${'1,'.repeat(15)}1\n`;
    const open = `"Pác Cáp",Vân Tùng,1,"1,${'1,'.repeat(14)}1\n`;
    writeFileSync(
      join(dir, 'mo-ngoac.csv'),
      `Tên thôn,Tên xã,${Array.from({ length: 16 }, (_, i) => i + 1).join(',')}\n${row('Nà Lạn')}${open}${row('Bản Chang').repeat(200_000)}`,
    );
    const r = await ntm(['evaluate', 'mo-ngoac.csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'mo-ngoac.csv:3:4: error: a quoted cell is never closed: the " that opens cell 4 of the row on line 3 runs on for over 1 MB of the file without a closing "\n  hint: Close the quote, or write a quote inside a quoted cell as "".\n',
    );
  });

  it('a bad UTF-8 byte far past the start is found while streaming, with its line', async () => {
    const lines = readFileSync(fixture('ngan-son-2021-thon.csv'), 'utf8').split('\n');
    const filler = Array.from({ length: 3000 }, (_, i) => `Thôn ${i},Xã ${i},${Array(16).fill('1').join(',')}`);
    const text = [...lines.slice(0, 14), ...filler].join('\n');
    const bad = Buffer.concat([Buffer.from(text), Buffer.from('\nPh\xe1c,X\xe3 A,1\n', 'latin1')]);
    const dir = tempDir({ 'hong.csv': bad });
    const r = await ntm(['evaluate', 'hong.csv', '--quiet'], { cwd: dir });
    expect(r.stderr).toContain(
      `hong.csv:${14 + 3000 + 1}: error: this file is not UTF-8: it looks like a legacy Vietnamese encoding`,
    );
    expect(r.code).toBe(2);
  });
});

describe('legacy Vietnamese encodings', () => {
  const utf8 = readFileSync(fixture('ngan-son-2021-thon.csv'), 'utf8');
  // Windows-1258 spells tones as combining marks after a letter that may carry ˆ ˘ or the horn.
  const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
  const cp1258Text = utf8
    .normalize('NFD')
    .replace(
      /(\P{M})(\p{M}*)/gu,
      (_, base: string, marks: string) =>
        (base + marks.replace(TONES, '')).normalize('NFC') + (marks.match(TONES) ?? []).join(''),
    );
  const files = {
    'cp1258.csv': iconv.encode(cp1258Text, 'windows1258'),
    'tcvn3.csv': iconv.encode(utf8, 'tcvn'),
    'utf8.csv': utf8,
  };
  const refusal = (file: string) =>
    `${file}:1: error: this file is not UTF-8: it looks like a legacy Vietnamese encoding (Windows-1258 or TCVN3/ABC)\n  hint: Save it from Excel as "CSV UTF-8", or tell ntm the encoding: --encoding windows-1258 (or --encoding tcvn3).\n`;

  it('makes faithful test files (every character is encodable)', () => {
    expect(iconv.decode(files['cp1258.csv'], 'windows1258').normalize('NFC')).toBe(utf8.normalize('NFC'));
    expect(iconv.decode(files['tcvn3.csv'], 'tcvn').normalize('NFC')).toBe(utf8.normalize('NFC'));
  });

  for (const [file, encoding] of [
    ['cp1258.csv', 'windows-1258'],
    ['tcvn3.csv', 'tcvn3'],
  ] as const) {
    it(`refuses ${encoding} with advice, and with --encoding ${encoding} reads it as the UTF-8 file`, async () => {
      const dir = tempDir(files);
      const refused = await ntm(['evaluate', file], { cwd: dir });
      expect(refused.stderr).toBe(refusal(file));
      expect(refused.code).toBe(2);
      const [legacy, reference] = await Promise.all([
        ntm(['evaluate', file, '--encoding', encoding, '--format', 'json'], { cwd: dir }),
        ntm(['evaluate', 'utf8.csv', '--format', 'json'], { cwd: dir }),
      ]);
      expect(legacy.code).toBe(reference.code);
      const strip = (s: string) => s.replaceAll(file, 'X').replaceAll('utf8.csv', 'X');
      expect(strip(legacy.stdout)).toBe(strip(reference.stdout));
      expect(strip(legacy.stderr)).toBe(strip(reference.stderr));
    });
  }

  it('a wrong --encoding is caught from the words it gives, and the right one named', async () => {
    const dir = tempDir(files);
    const cases = [
      [
        'tcvn3.csv',
        'windows-1258',
        '"TI£U", "PH¢N", "§ÁU"',
        'Windows-1258',
        '  hint: It reads as TCVN3: use --encoding tcvn3.',
      ],
      [
        'cp1258.csv',
        'tcvn3',
        '"MUũC", "TIấU", "éẨèU"',
        'TCVN3',
        '  hint: It reads as Windows-1258: use --encoding windows-1258.',
      ],
      ['utf8.csv', 'tcvn3', '"MỏằÔC", "TIẪÉU", "PHẪÃN"', 'TCVN3', '  hint: It is UTF-8: leave out --encoding.'],
    ];
    for (const [file, encoding, words, as, hint] of cases) {
      const r = await ntm(['evaluate', file!, '--encoding', encoding!], { cwd: dir });
      expect(r.stderr).toBe(
        `${file}:1: error: read as ${as}, this file gives words that are not Vietnamese (${words}): it is not ${as}\n${hint}\n`,
      );
      expect(r.code).toBe(2);
    }
  });

  it('a short village list in TCVN3 read as Windows-1258 is caught too, at the line of the first odd word', async () => {
    // A header typed without diacritics: the first odd word is on line 2.
    const text = `${THON_HEADER.replace('Tên thôn,Tên xã', 'Thon,Xa')}\nNà Lạn,Vân Tùng,${Array(16).fill('1').join(',')}\nBản Chang,Đức Vân,${Array(16).fill('1').join(',')}\n`;
    const dir = tempDir({ 'thon.csv': iconv.encode(text, 'tcvn') });
    const r = await ntm(['evaluate', 'thon.csv', '--encoding', 'windows-1258'], { cwd: dir });
    expect(r.stderr).toBe(
      'thon.csv:2: error: read as Windows-1258, this file gives words that are not Vietnamese ("Nµ", "L¹n", "V©n"): it is not Windows-1258\n  hint: It reads as TCVN3: use --encoding tcvn3.\n',
    );
    expect(r.code).toBe(2);
    const vi = await ntm(['evaluate', 'thon.csv', '--encoding', 'windows-1258', '--lang', 'vi'], { cwd: dir });
    expect(vi.stderr).toContain('gợi ý: Tệp đọc đúng theo bảng mã TCVN3: dùng --encoding tcvn3.');
  });

  it('names an unknown encoding', async () => {
    const r = await ntm(['evaluate', fixture('ngan-son-2021-thon.csv'), '--encoding', 'klingon']);
    expect(r.stderr).toBe(
      `${fixture('ngan-son-2021-thon.csv')}: error: unknown encoding "klingon"\n  hint: Use utf-8, windows-1258 or tcvn3.\n`,
    );
    expect(r.code).toBe(2);
  });
});

describe('inputs are read, never written', () => {
  it('leaves the input file unchanged (content, mode, mtime), with a report written next to it', async () => {
    const dir = tempDir({ 'thon.csv': readFileSync(fixture('ngan-son-2021-thon.csv')) });
    const input = join(dir, 'thon.csv');
    chmodSync(input, 0o444);
    const past = new Date('2021-03-01T08:00:00Z');
    utimesSync(input, past, past);
    const before = { ...statSync(input), content: readFileSync(input) };
    const r = await ntm(['evaluate', 'thon.csv', '-o', 'thon.json'], { cwd: dir });
    expect(r.code).toBe(1);
    const after = statSync(input);
    expect(readFileSync(input)).toEqual(before.content);
    expect(after.mode).toBe(before.mode);
    expect(after.mtimeMs).toBe(before.mtimeMs);
    expect(JSON.parse(readFileSync(join(dir, 'thon.json'), 'utf8')).units).toHaveLength(8);
    expect(readdirSync(dir).sort()).toEqual(['thon.csv', 'thon.json']);
  });

  it('refuses -o naming the input itself, and leaves it alone', async () => {
    const dir = tempDir({ 'thon.csv': readFileSync(fixture('ngan-son-2021-thon.csv')) });
    const r = await ntm(['evaluate', 'thon.csv', '-o', 'thon.csv', '--format', 'json', '--force'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: will not write the report over an input file (thon.csv)');
    expect(readFileSync(join(dir, 'thon.csv'))).toEqual(readFileSync(fixture('ngan-son-2021-thon.csv')));
  });

  it('a folder where the report should go is refused before any work, and nothing is left behind', async () => {
    const dir = tempDir({ 'thon.csv': readFileSync(fixture('ngan-son-2021-thon.csv')), 'report.json/keep': '' });
    const r = await ntm(['evaluate', 'thon.csv', '-o', 'report.json', '--force'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'report.json: error: report.json is a folder\n  hint: Give a file name inside it, e.g. -o report.xlsx.\n',
    );
    expect(r.stderr).not.toMatch(noStack);
    expect(readdirSync(dir).sort()).toEqual(['report.json', 'thon.csv']);
  });
});

describe('progress line', () => {
  it('is never written when stderr is not a terminal', async () => {
    const dir = tempDir();
    const rows = Array.from({ length: 20000 }, (_, i) => `Thôn ${i},Xã ${i % 50},${Array(16).fill('1').join(',')}`);
    writeFileSync(
      join(dir, 'lon.csv'),
      [`Tên thôn,Tên xã,${Array.from({ length: 16 }, (_, i) => i + 1).join(',')}`, ...rows].join('\n'),
    );
    // NTM_PROGRESS_AFTER_MS=0 would show it at once on a terminal.
    const r = await ntm(['evaluate', 'lon.csv', '--quiet'], { cwd: dir, env: { NTM_PROGRESS_AFTER_MS: '0' } });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`${USING('lon.csv')}\n`);
  });
});
