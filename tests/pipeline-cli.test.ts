import { spawn, spawnSync, execFileSync } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  createReadStream,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, fixture, json, ntm, ROOT, tempDir, THON_HEADER } from './helpers/cli.js';
import { villageRows } from './helpers/scale.js';

const SETS = fixture('sets');
const ANNEX = fixture('ngan-son-2021-thon.csv');
const THON = ['--set', 'bac-kan-thon-2019'];

interface Unit {
  name: string;
  parent: string;
  criteria: string[];
}

/** A village row of bac-kan-thon-2019 with criterion 7 marked `seven` and every other one met. */
const village = (name: string, commune: string, seven: string, district?: string) =>
  [
    name,
    commune,
    ...(district ? [district] : []),
    ...Array.from({ length: 16 }, (_, i) => (i === 6 ? seven : '1')),
  ].join(',');
const villageHead = (district = false) =>
  ['Tên thôn', 'Tên xã', ...(district ? ['Huyện'] : []), ...Array.from({ length: 16 }, (_, i) => String(i + 1))].join(
    ',',
  );

describe('--villages: communes matched by name and district, with their diacritics', () => {
  it('does not give the villages of Vân Tùng to Văn Tùng', async () => {
    const dir = tempDir({
      'thon.csv': [villageHead(), village('Nà Lạn', 'Vân Tùng', '1'), village('Pác Cáp', 'Vân Tùng', '1')].join('\n'),
      'xa.csv': 'Tên xã,7.1\nVăn Tùng,\nVân Tùng,\n',
    });
    const r = await ntm(
      ['evaluate', 'xa.csv', '--villages', 'thon.csv', '--sets', SETS, '--set', 'kiem-thu-xa', '--format', 'json'],
      { cwd: dir },
    );
    const [vanTung, vanTung2] = json(r).units as Unit[];
    expect(vanTung!.name).toBe('Văn Tùng');
    expect(vanTung!.criteria[6]).toBe('no-data');
    expect(vanTung2!.criteria[6]).toBe('met');
    expect(r.stderr).toContain(
      'xa.csv:2: warning: Văn Tùng: no villages of this commune in the village file; indicator 7.1 is not computed\n',
    );
  });

  it('keeps the value the commune file gives, and shows both where they disagree', async () => {
    const dir = tempDir({
      'thon.csv': [
        villageHead(),
        village('Nà Lạn', 'Vân Tùng', '1'),
        village('Pác Cáp', 'Vân Tùng', '1'),
        village('Nà Pài', 'Vân Tùng', ''),
      ].join('\n'),
      'xa.csv': 'Tên xã,7.1\nVân Tùng,20\n',
    });
    const r = await ntm(
      ['evaluate', 'xa.csv', '--villages', 'thon.csv', '--sets', SETS, '--set', 'kiem-thu-xa', '--format', 'json'],
      { cwd: dir },
    );
    expect(json(r).units[0].criteria[6]).toBe('unmet');
    expect(r.stderr).toContain(
      "xa.csv:2: warning: Vân Tùng: indicator 7.1 is 20 in the file, 66.67 computed from 3 villages; the file's value is used\n",
    );
  });

  it('tells two communes of one name apart by the district column of the village file', async () => {
    const dir = tempDir({
      'thon.csv': [
        villageHead(true),
        village('Nà Lạn', 'Tân Sơn', '1', 'Ngân Sơn'),
        village('Bản Chang', 'Tân Sơn', '', 'Chợ Đồn'),
      ].join('\n'),
      'xa.csv': 'Tên xã,Huyện,7.1\nTân Sơn,Ngân Sơn,\nTân Sơn,Chợ Đồn,\n',
    });
    const r = await ntm(
      ['evaluate', 'xa.csv', '--villages', 'thon.csv', '--sets', SETS, '--set', 'kiem-thu-xa', '--format', 'json'],
      { cwd: dir },
    );
    expect((json(r).units as Unit[]).map((u) => `${u.parent}: ${u.criteria[6]}`)).toEqual([
      'Ngân Sơn: met',
      'Chợ Đồn: unmet',
    ]);
  });
});

describe('batches of files', () => {
  it('warns of a unit given in two files, naming both places', async () => {
    const dir = tempDir({
      'a.csv': `${THON_HEADER}\n${village('Nà Lạn', 'Vân Tùng', '1')}\n`,
      'b.csv': `${THON_HEADER}\n${village('Nà Lạn', 'Vân Tùng', '')}\n`,
    });
    const r = await ntm(['evaluate', 'a.csv', 'b.csv', ...THON], { cwd: dir });
    expect(r.stderr).toContain('b.csv:2: warning: "Nà Lạn" (Vân Tùng) is also in a.csv:2: it is evaluated twice\n');
    expect(r.code).toBe(1);
  });

  it('reports every good file when one is bad, shows its errors, and exits 2', async () => {
    const dir = tempDir({
      'bad.csv': `${THON_HEADER}\n${village('Nà Lạn', 'Vân Tùng', 'abc')}\n`,
      'good.csv': `${THON_HEADER}\n${village('Pác Cáp', 'Vân Tùng', '1')}\n`,
    });
    const r = await ntm(['evaluate', 'bad.csv', 'good.csv', ...THON, '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad.csv:2:9: error: column "7": "abc" is not understood');
    const doc = json(r);
    expect((doc.units as Unit[]).map((u) => u.name)).toEqual(['Pác Cáp']);
    expect(doc.files.map((f: { file: string; units: number; errors?: number }) => [f.file, f.units, f.errors])).toEqual(
      [
        ['bad.csv', 0, 1],
        ['good.csv', 1, undefined],
      ],
    );
    expect(doc.errors).toHaveLength(1);
  });
});

describe('-o never over an input, into devices and pipes, refused before any work', () => {
  it('refuses a set file from --sets or the shipped folder, even with --force', async () => {
    const set = join(SETS, 'kiem-thu-xa.yaml');
    const before = readFileSync(set);
    const r = await ntm(['evaluate', ANNEX, '--sets', SETS, '-o', set, '--force', '--format', 'json']);
    expect(r.stderr).toBe(
      `${set}: error: will not write the report over an input file (${set})\n  hint: Choose another -o path.\n`,
    );
    expect(r.code).toBe(2);
    expect(readFileSync(set)).toEqual(before);
    const shipped = join(ROOT, 'criteria-sets/quoc-gia-xa-2021.yaml');
    const s = await ntm(['evaluate', ANNEX, '-o', shipped, '--force', '--format', 'json']);
    expect(s.stderr).toContain('error: will not write the report over an input file');
  });

  it('writes into /dev/null and into a FIFO, and leaves them as they are', async () => {
    const devnull = await ntm(['evaluate', ANNEX, '-o', '/dev/null', '--format', 'json']);
    expect(devnull.code).toBe(1);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    const dir = tempDir();
    const fifo = join(dir, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    const read = new Promise<string>((done) => {
      let text = '';
      createReadStream(fifo, 'utf8')
        .on('data', (d) => (text += d))
        .on('end', () => done(text));
    });
    const r = await ntm(['evaluate', ANNEX, '-o', fifo, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(await read).units).toHaveLength(8);
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(['pipe.json']);
  });

  it('refuses -o "", a missing folder and an unwritable target before reading anything', async () => {
    const dir = tempDir({ 'ro/keep': '' });
    // The survey does not exist: a refusal about it would mean the run started.
    const empty = await ntm(['evaluate', 'no-such.csv', '-o', ''], { cwd: dir });
    expect(empty.stderr).toBe('error: -o names no file\n  hint: Give a file name, e.g. -o report.xlsx.\n');
    expect(empty.code).toBe(2);
    const missing = await ntm(['evaluate', 'no-such.csv', '-o', 'no/such/r.json'], { cwd: dir });
    expect(missing.stderr).toBe(
      'no/such/r.json: error: the folder of no/such/r.json does not exist\n  hint: Create the folder first, or choose another -o path.\n',
    );
    if (process.getuid?.() !== 0) {
      // Root may write anywhere: the permission check is tested as a user.
      chmodSync(join(dir, 'ro'), 0o555);
      const ro = await ntm(['evaluate', 'no-such.csv', '-o', 'ro/r.json'], { cwd: dir });
      expect(ro.stderr).toBe(
        'ro/r.json: error: ro/r.json cannot be written (no permission)\n  hint: Choose a path you can write to.\n',
      );
    }
  });

  it('Ctrl-C while the report is written leaves no temporary file', async () => {
    const dir = tempDir();
    const child = spawn(process.execPath, [BIN, 'evaluate', '-', ...THON, '-o', 'r.json'], {
      cwd: dir,
      env: { ...process.env, LANG: 'C.UTF-8' },
    });
    child.stdin.write(`${THON_HEADER}\n${villageRows(12_000)}`);
    // Past the units held back for the first file, the report is being written: its temporary file is there.
    while (!readdirSync(dir).some((f) => f.endsWith('.tmp'))) await new Promise((r) => setTimeout(r, 50));
    const code = new Promise<number | null>((done) => child.on('close', (c) => done(c)));
    child.kill('SIGINT');
    expect(await code).toBe(130);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('Ctrl-C with a view on standard output', () => {
  it('removes the folder where the view waits, and ends with 130', async () => {
    const tmp = tempDir();
    const env = { ...process.env, LANG: 'C.UTF-8', TMPDIR: tmp };
    const args = [BIN, 'evaluate', '-', ...THON, '--format', 'json', '--by', 'owner'];
    const child = spawn(process.execPath, args, { env });
    const code = new Promise<number | null>((done) => child.on('close', (c) => done(c)));
    child.stdin.write(`${THON_HEADER}\n${villageRows(12_000)}`);
    // The report has begun (its head is out) and the input is still open: the view's folder is there.
    await new Promise((started) => child.stdout.once('data', started));
    expect(readdirSync(tmp).filter((f) => f.startsWith('ntm-spill-'))).toHaveLength(1);
    child.kill('SIGINT');
    expect(await code).toBe(130);
    expect(readdirSync(tmp)).toEqual([]);
  });
});

describe('an error midway', () => {
  const dir = tempDir({ 'lon.csv': `${THON_HEADER}\n${villageRows(12_000)}"Bản Chang",Vân Tùng,"1"x,1\n` });

  it('ends the output on stdout and exits 2', async () => {
    const r = await ntm(['evaluate', 'lon.csv', ...THON, '--format', 'jsonl'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('lon.csv:12002:3: error: a quoted cell has text after its closing quote\n');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.some((l) => l.startsWith('{"summary"'))).toBe(false);
  });

  it('leaves no report and no temporary file with -o', async () => {
    const r = await ntm(['evaluate', 'lon.csv', ...THON, '-o', 'r.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(readdirSync(dir)).toEqual(['lon.csv']);
  });
});

describe('standard input', () => {
  it('is streamed: the first units are out before the input ends', async () => {
    const child = spawn(process.execPath, [BIN, 'evaluate', '-', ...THON, '--format', 'jsonl'], {
      env: { ...process.env, LANG: 'C.UTF-8' },
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (out += d));
    child.stdin.write(`${THON_HEADER}\n${villageRows(12_000)}`);
    while (!out.includes('"name":"Thôn 1"')) await new Promise((r) => setTimeout(r, 50));
    expect(out).not.toContain('"summary"');
    child.stdin.end(villageRows(10, 12_000));
    await new Promise((r) => child.on('close', r));
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(12_012);
    expect(JSON.parse(lines.at(-1)!).summary.units).toBe(12_010);
  });
});

describe('a named pipe', () => {
  it('is read as it comes, like standard input, and gives what the file gives', { timeout: 20_000 }, async () => {
    const text = `${THON_HEADER}\n${villageRows(12_000)}`;
    const dir = tempDir({ 'thon.csv': text });
    execFileSync('mkfifo', [join(dir, 'pipe.csv')]);
    // The writer waits until ntm opens the pipe; ntm must read it once, from its start.
    const writer = spawn('sh', ['-c', 'cat thon.csv > pipe.csv'], { cwd: dir });
    const written = new Promise((r) => writer.on('close', r));
    const piped = await ntm(['evaluate', 'pipe.csv', ...THON, '--format', 'jsonl'], { cwd: dir });
    await written;
    const file = await ntm(['evaluate', 'thon.csv', ...THON, '--format', 'jsonl'], { cwd: dir });
    expect(piped.code).toBe(1);
    expect(piped.stdout.replaceAll('pipe.csv', 'thon.csv')).toBe(file.stdout);
    expect(JSON.parse(piped.stdout.trimEnd().split('\n').at(-1)!).summary.units).toBe(12_000);
  });
});

describe('standard input left open', () => {
  it('is let go when its file has an error: ntm exits 2 without waiting for the end of the input', async () => {
    const child = spawn(process.execPath, [BIN, 'evaluate', '-', ...THON], {
      env: { ...process.env, LANG: 'C.UTF-8' },
    });
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (d) => (err += d));
    const code = new Promise<number | null>((done) => child.on('close', (c) => done(c)));
    // Over the 64 KB ntm reads ahead to sniff the delimiter, so that reading starts with the input still open.
    child.stdin.write(`${THON_HEADER}\n"Bản Chang",Vân Tùng,"1"x,1\n${villageRows(3000)}`);
    expect(await code).toBe(2);
    expect(err).toContain('(stdin):2:3: error: a quoted cell has text after its closing quote');
    child.stdin.destroy();
  });
});

describe('warnings at scale', () => {
  // 300,000 rows that each name no unit: the same warning 300,000 times.
  const dir = tempDir({
    'ghi-chu.csv': `${THON_HEADER}\n${village('Nà Lạn', 'Vân Tùng', '1')}\n${',ghi chú\n'.repeat(300_000)}`,
  });

  it('prints the first few of a kind, then one line for the rest; JSON keeps the count', async () => {
    const r = await ntm(['evaluate', 'ghi-chu.csv', ...THON, '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr.match(/warning: row skipped/g)).toHaveLength(5);
    expect(r.stderr).toContain('warning: and 299995 more warnings like this (blank-row)\n');
    const doc = json(r);
    expect(doc.warnings).toHaveLength(5);
    expect(doc.warningCounts).toEqual({ 'blank-row': 300_000 });
  }, 90_000);

  it('does not crash with --quiet, which counts them in the summary', async () => {
    const r = await ntm(['evaluate', 'ghi-chu.csv', ...THON, '--quiet'], { cwd: dir });
    expect(r.stdout).toBe(
      'Units evaluated: 1; Meeting the standard: 1; Average criteria met: 16/16; Criterion verdicts resting on: verified 0 · secondary source 0 · by mark 16; Warnings: 300000\n',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  }, 90_000);

  it('cuts a long message with an ellipsis', async () => {
    const extra = Array.from({ length: 200 }, (_, i) => `Cột phụ ${i}`).join(',');
    const d = tempDir({
      'rong.csv': `${THON_HEADER},${extra}\n${village('Nà Lạn', 'Vân Tùng', '1')}${','.repeat(200)}\n`,
    });
    const r = await ntm(['evaluate', 'rong.csv', ...THON], { cwd: d });
    const line = r.stderr.split('\n').find((l) => l.includes('columns not used'))!;
    expect(line.endsWith('…')).toBe(true);
    expect(line.length).toBeLessThan(700);
  });
});

describe('--quiet prints only the summary', () => {
  it('as JSON with --format json, warnings counted in it and not printed', async () => {
    const r = await ntm(['evaluate', ANNEX, '--quiet', '--format', 'json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.summary).toMatchObject({ units: 8, meeting: 0 });
    expect(doc.warnings).toBe(2);
    expect(doc.warningCounts).toEqual({ 'total-mismatch': 1, 'blank-row': 1 });
    expect(r.stderr).not.toContain('warning');
  });

  it('still prints errors', async () => {
    const dir = tempDir({
      'bad.csv': `${THON_HEADER}\n${village('Nà Lạn', 'Vân Tùng', 'abc')}\n`,
      'good.csv': `${THON_HEADER}\n${village('Pác Cáp', 'Vân Tùng', '1')}\n`,
    });
    const r = await ntm(['evaluate', 'bad.csv', 'good.csv', ...THON, '--quiet'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe(
      'Units evaluated: 1; Meeting the standard: 1; Average criteria met: 16/16; Criterion verdicts resting on: verified 0 · secondary source 0 · by mark 16\n',
    );
    expect(r.stderr).toContain('bad.csv:2:9: error: column "7"');
  });
});

describe('the written report', () => {
  it('appears whole with -o, from standard input too', async () => {
    const dir = tempDir();
    const r = await ntm(['evaluate', '-', ...THON, '-o', join(dir, 'r.jsonl')], {
      input: `${THON_HEADER}\n${villageRows(100)}`,
    });
    expect(r.code).toBe(1);
    const lines = readFileSync(join(dir, 'r.jsonl'), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(102);
    expect(existsSync(join(dir, 'r.jsonl'))).toBe(true);
    expect(readdirSync(dir)).toEqual(['r.jsonl']);
  });
});

describe('a large file, split on a worker thread, never holds ntm open after an error', () => {
  // Over half a megabyte: the thread is started while the program loads, and the file is read
  // ahead while the sets load. cu.csv is the same file saved in a legacy encoding (not UTF-8).
  const text = `${THON_HEADER}\n${villageRows(12_000)}`;
  const dir = tempDir({ 'lon.csv': text, 'cu.csv': Buffer.from(text, 'latin1') });
  const inTime = { timeout: 20_000 };

  it('when the file read ahead is not UTF-8: the usual error, given when the file is read', inTime, async () => {
    const r = await ntm(['evaluate', 'cu.csv', ...THON], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'cu.csv:1: error: this file is not UTF-8: it looks like a legacy Vietnamese encoding (Windows-1258 or TCVN3/ABC)\n' +
        '  hint: Save it from Excel as "CSV UTF-8", or tell ntm the encoding: --encoding windows-1258 (or --encoding tcvn3).\n',
    );
  });

  it('when the run stops before the file read ahead is read, its error is never given', inTime, async () => {
    const r = await ntm(['evaluate', 'cu.csv', '--set', 'nope'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no criteria set "nope"');
    expect(r.stderr).not.toContain('UTF-8');
  });

  it('when the thread started for it is never used (help)', inTime, async () => {
    const r = await ntm(['evaluate', 'lon.csv', '--help'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: ntm evaluate');
  });

  it('when the run stops before the file is read (an unknown set)', inTime, async () => {
    expect(statSync(join(dir, 'lon.csv')).size).toBeGreaterThan(512 * 1024);
    const r = await ntm(['evaluate', 'lon.csv', '--set', 'nope'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no criteria set "nope"');
  });

  it.each(['jsonl', 'xlsx'])(
    'when the %s report fails while the file is being read (a full disk): a plain error',
    async (format) => {
      const r = await ntm(['evaluate', 'lon.csv', ...THON, '--format', format, '-o', '/dev/full'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('error: cannot write /dev/full: ENOSPC: no space left on device, write\n');
    },
    inTime.timeout,
  );

  it('when standard output is a full disk: a plain error', inTime, () => {
    const full = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [BIN, 'evaluate', 'lon.csv', ...THON], {
        cwd: dir,
        stdio: ['ignore', full, 'pipe'],
        encoding: 'utf8',
      });
      expect(r.status).toBe(2);
      expect(r.stderr).toBe('error: cannot write (stdout): ENOSPC: no space left on device, write\n');
    } finally {
      closeSync(full);
    }
  });
});
