#!/usr/bin/env node
// `npm run bench`: national-scale timings of ntm against csv-parse and papaparse alone, peak memory
// and start-up time; prints a table and writes the figures into BENCHMARKS.md.
//   node scripts/bench.mjs [--runs N] [--profile] [--no-write]
// Needs `npm run build` first (npm run bench does it). Data goes to ./bench-data (git-ignored).
// Every figure is the median of several runs, each a fresh process, as a user would run ntm.
import { spawnSync } from 'node:child_process';
import {
  createReadStream,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const SELF = fileURLToPath(import.meta.url);
const BIN = join(ROOT, 'bin/ntm');
const DATA = join(ROOT, 'bench-data');
const PARSE_OPTIONS = (delimiter) => ({
  delimiter,
  bom: true,
  relax_column_count: true,
  relax_quotes: true,
  max_record_size: 1_000_000,
  skip_empty_lines: false,
});

// Child mode: read FILE with one parser and nothing else, so that the time is the parser's alone.
if (process.argv[2] === '--parse-only') {
  const [, , , parser, file, delimiter] = process.argv;
  let n = 0;
  if (parser === 'csv-parse') {
    const { parse } = await import('csv-parse');
    // Bytes, as ntm gives them: csv-parse decodes only the cells.
    const p = createReadStream(file, { highWaterMark: 256 * 1024 }).pipe(parse(PARSE_OPTIONS(delimiter)));
    await new Promise((ok, ko) =>
      p
        .on('data', () => n++)
        .on('end', ok)
        .on('error', ko),
    );
  } else {
    const Papa = (await import('papaparse')).default;
    await new Promise((ok, ko) =>
      Papa.parse(createReadStream(file, { highWaterMark: 256 * 1024, encoding: 'utf8' }), {
        delimiter,
        chunk: (r) => (n += r.data.length),
        complete: ok,
        error: ko,
      }),
    );
  }
  process.stdout.write(`${n}\n`);
  process.exit(0);
}

const args = process.argv.slice(2);
// Nine rounds: on the shared machine a single timing moves by ±40 %, and a ratio's median over
// five rounds moved by up to 0.5 between runs of the bench.
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 9;
const PROFILE = args.includes('--profile');
const WRITE = !args.includes('--no-write');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
// Without GNU time, a preloaded module writes the child's own peak RSS (KB) when it exits.
const RSS_PRELOAD =
  "process.on('exit', () => require('fs').writeFileSync(process.env.NTM_BENCH_RSS, " +
  'String(process.resourceUsage().maxRSS)));\n';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Runs node with `argv` once: wall time in ms, peak RSS in MB, exit code. `stdin`: a file given
 * through a pipe (`cat FILE | node …`), as a user pipes a survey in; `timeout` in ms.
 */
function once(argv, { stdin, timeout, heapMb } = {}) {
  // A heap limit keeps a format that holds everything from taking the (shared) machine's memory.
  if (heapMb) argv = [`--max-old-space-size=${heapMb}`, ...argv];
  // The limit is kept by coreutils' `timeout` around node: spawnSync's own would kill only
  // /usr/bin/time and leave node running on.
  const node = timeout
    ? ['timeout', '-s', 'KILL', String(Math.ceil(timeout / 1000)), process.execPath]
    : [process.execPath];
  const scratch = mkdtempSync(join(tmpdir(), 'ntm-bench-'));
  const rssFile = join(scratch, 'rss');
  let cmd = [TIME, ['-f', '%M', '-o', rssFile, ...node, ...argv]];
  if (!TIME) {
    writeFileSync(join(scratch, 'rss.cjs'), RSS_PRELOAD);
    cmd = [node[0], [...node.slice(1), '-r', join(scratch, 'rss.cjs'), ...argv]];
  }
  if (stdin) cmd = ['sh', ['-c', `cat "$0" | "$@"`, stdin, cmd[0], ...cmd[1]]];
  const t0 = process.hrtime.bigint();
  const env = { ...process.env, NTM_BENCH_RSS: rssFile };
  const r = spawnSync(cmd[0], cmd[1], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26, env });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  let rssMb;
  try {
    const kb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
    rssMb = kb / 1024;
  } catch {
    rssMb = NaN;
  }
  rmSync(scratch, { recursive: true, force: true });
  // A format that crashes or runs out of time is a figure too: it is recorded, not thrown.
  const timedOut = timeout && (r.status === 137 || r.status === 124 || (TIME && /signal 9/.test(r.stderr ?? '')));
  const failed = timedOut ? 'timed out' : r.status !== 0 && r.status !== 1 ? `exit ${r.status ?? r.signal}` : undefined;
  if (failed) process.stderr.write(`bench: node ${argv.join(' ')}: ${failed}\n${(r.stderr ?? '').slice(-500)}\n`);
  return { ms, rssMb, stdout: r.stdout, stderr: r.stderr, failed };
}

/**
 * Runs the commands in turn, `n` rounds, so that each ratio compares runs made back to back (a
 * shared machine's load drifts between rounds more than within one). Per command: the median
 * time, the highest peak RSS, the last run; `ratio(a, b)` is the median of the rounds' a/b.
 */
function rounds(n, commands) {
  const runs = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (let i = 0; i < n; i++) for (const [k, argv] of Object.entries(commands)) runs[k].push(once(argv));
  const out = {};
  for (const [k, rs] of Object.entries(runs))
    out[k] = {
      ms: median(rs.map((r) => r.ms)),
      rssMb: Math.max(...rs.map((r) => r.rssMb)),
      runs: n,
      last: rs[rs.length - 1],
      all: rs,
    };
  out.ratio = (a, b) => median(runs[a].map((r, i) => r.ms / runs[b][i].ms));
  return out;
}

async function ensureData() {
  const files = {
    villages80k: join(DATA, 'villages-80k.csv'),
    villages200k: join(DATA, 'villages-200k.csv'),
    communes10k: join(DATA, 'communes-10k.csv'),
    villages1m: join(DATA, 'villages-1m.csv'),
  };
  if (!Object.values(files).every(existsSync)) {
    process.stderr.write('bench: generating data into bench-data/ …\n');
    const { generate } = await import('./generate-data.mjs');
    await generate(DATA);
  }
  return files;
}

const files = await ensureData();
const cases = [
  {
    label: '80,000 villages × 16 criteria (marks)',
    file: files.villages80k,
    delimiter: ',',
    runs: RUNS,
    formats: true,
  },
  { label: '10,000 communes × 56 indicators (values)', file: files.communes10k, delimiter: ';', runs: RUNS },
  {
    label: '1,000,000 villages (marks)',
    file: files.villages1m,
    delimiter: ',',
    runs: 3,
  },
];
const scratchDir = mkdtempSync(join(tmpdir(), 'ntm-bench-out-'));
const outFile = (format) =>
  join(scratchDir, `report.${format === 'markdown' ? 'md' : format === 'table' ? 'txt' : format}`);
const toFile = (rel, format) => [BIN, 'evaluate', rel, '--format', format, '-o', outFile(format), '--force'];

const rows = [];
for (const c of cases) {
  const rel = relative(ROOT, c.file);
  const mb = statSync(c.file).size / 1e6;
  process.stderr.write(`bench: ${rel} (${mb.toFixed(1)} MB), ${c.runs} runs each …\n`);
  const r = rounds(c.runs, {
    ntm: [BIN, 'evaluate', rel, '--quiet'],
    csv: [SELF, '--parse-only', 'csv-parse', c.file, c.delimiter],
    papa: [SELF, '--parse-only', 'papaparse', c.file, c.delimiter],
    // The formats whose targets are ratios run in the same rounds, back to back with the parser.
    ...(c.formats ? { json: toFile(rel, 'json'), csvOut: toFile(rel, 'csv'), table: toFile(rel, 'table') } : {}),
  });
  const units = /(\d+)/.exec(r.ntm.last.stdout.split(/[;:]/)[1] ?? '')?.[1];
  const formats = c.formats
    ? {
        json: { ...r.json, vsCsv: r.ratio('json', 'csv') },
        csv: { ...r.csvOut, vsCsv: r.ratio('csvOut', 'csv') },
        table: { ...r.table, vsCsvOut: r.ratio('table', 'csvOut') },
      }
    : undefined;
  const vsCsv = r.ratio('ntm', 'csv');
  rows.push({
    ...c,
    rel,
    mb,
    ntm: r.ntm,
    csv: r.csv,
    papa: r.papa,
    formats,
    units,
    vsCsv,
    vsPapa: r.ratio('ntm', 'papa'),
  });
}

// Every format, one run each (the slow ones are slow enough that one run tells): time and peak
// memory, to a file with -o. A format that crashes (heap limit 1.5 GB) or takes over 3 minutes
// is recorded so.
const FORMAT_LIST = ['table', 'json', 'jsonl', 'csv', 'markdown', 'xlsx', 'html'];
const LIMIT = 180_000;
const HEAP_MB = 1536;
const perFormat = [];
const village200k = { label: '200,000 villages (marks)', rel: relative(ROOT, files.villages200k) };
for (const [c, formats] of [
  [rows[0], FORMAT_LIST],
  [village200k, ['xlsx', 'html']],
  [rows[2], ['json', 'jsonl', 'csv', 'markdown']],
]) {
  for (const format of formats) {
    process.stderr.write(`bench: ${c.rel} → ${format} …\n`);
    perFormat.push({ file: c.label, format, ...once(toFile(c.rel, format), { timeout: LIMIT, heapMb: HEAP_MB }) });
  }
}
process.stderr.write('bench: standard input …\n');
const stdinRun = once([BIN, 'evaluate', '-', '--quiet'], { stdin: files.villages1m, timeout: LIMIT, heapMb: HEAP_MB });
rmSync(scratchDir, { recursive: true, force: true });

const startupRuns = Math.max(10, RUNS * 2);
const start = rounds(startupRuns, { version: [BIN, '--version'], bare: ['-e', '0'] });
const { version, bare } = start;
const startRatio = start.ratio('version', 'bare');

// The tables.
const f = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const table = [
  '| file | size | runs | `ntm evaluate --quiet` | csv-parse alone | ratio | papaparse alone | ntm / papaparse ' +
    '| peak RSS (ntm) |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ...rows.map((r) => {
    const cells = [
      r.label,
      `${r.mb.toFixed(1)} MB`,
      r.runs,
      f(r.ntm.ms),
      f(r.csv.ms),
      `**${r.vsCsv.toFixed(2)}×**`,
      f(r.papa.ms),
      `${r.vsPapa.toFixed(2)}×`,
    ];
    return `| ${cells.join(' | ')} | ${r.ntm.rssMb.toFixed(0)} MB |`;
  }),
];
// The ratio targets' formats, measured in the same rounds as the parser (80,000 villages).
const fm = rows[0].formats;
const ratioTable = [
  `| 80,000 villages, to a file with \`-o\` | median of ${rows[0].runs} | ratio | peak RSS |`,
  '| --- | --- | --- | --- |',
  `| \`--format json\` | ${f(fm.json.ms)} | **${fm.json.vsCsv.toFixed(2)}×** csv-parse alone ` +
    `| ${fm.json.rssMb.toFixed(0)} MB |`,
  `| \`--format csv\` | ${f(fm.csv.ms)} | **${fm.csv.vsCsv.toFixed(2)}×** csv-parse alone ` +
    `| ${fm.csv.rssMb.toFixed(0)} MB |`,
  `| \`--format table\` (the default) | ${f(fm.table.ms)} | **${fm.table.vsCsvOut.toFixed(2)}×** \`--format csv\` ` +
    `| ${fm.table.rssMb.toFixed(0)} MB |`,
];
const formatTable = [
  '| file | format (`-o FILE`) | time | peak RSS |',
  '| --- | --- | --- | --- |',
  ...perFormat.map((p) => {
    const time = p.failed ? `**${p.failed}** after ${f(p.ms)}` : f(p.ms);
    return `| ${p.file} | ${p.format} | ${time} | ${p.rssMb.toFixed(0)} MB |`;
  }),
  `| 1,000,000 villages, \`cat FILE \\| ntm evaluate - --quiet\` | — | ${stdinRun.failed ?? f(stdinRun.ms)} ` +
    `| ${stdinRun.rssMb.toFixed(0)} MB |`,
];
const startup = [
  '| start-up | median of ' + startupRuns + ' |',
  '| --- | --- |',
  `| \`node -e 0\` | ${f(bare.ms)} |`,
  `| \`ntm --version\` | ${f(version.ms)} (**${startRatio.toFixed(2)}×** bare node) |`,
];
const verdict = (ok) => (ok ? 'met' : '**missed**');
const million = perFormat.filter((p) => p.file === rows[2].label);
const targets = [
  `- 80,000 villages, \`--quiet\` ≤ 1.5× csv-parse alone: ${rows[0].vsCsv.toFixed(2)}× — ` +
    verdict(rows[0].vsCsv <= 1.5),
  `- 80,000 villages, \`--format json\` ≤ 2.5× csv-parse alone: ${fm.json.vsCsv.toFixed(2)}× — ` +
    verdict(fm.json.vsCsv <= 2.5),
  `- 80,000 villages, \`--format csv\` ≤ 2.5× csv-parse alone: ${fm.csv.vsCsv.toFixed(2)}× — ` +
    verdict(fm.csv.vsCsv <= 2.5),
  `- 80,000 villages, the default table ≤ 3× \`--format csv\`: ${fm.table.vsCsvOut.toFixed(2)}× — ` +
    verdict(fm.table.vsCsvOut <= 3),
  ...[...million, ...perFormat.filter((p) => p.file === village200k.label)].map(
    (p) =>
      `- ${p.file.split(' (')[0]} to ${p.format} < 300 MB peak RSS: ${p.failed ?? `${p.rssMb.toFixed(0)} MB`} — ` +
      verdict(!p.failed && p.rssMb < 300),
  ),
  `- 1,000,000 villages, \`--quiet\` < 300 MB: ${rows[2].ntm.rssMb.toFixed(0)} MB — ` +
    verdict(rows[2].ntm.rssMb < 300),
  `- 1,000,000 villages from standard input, \`--quiet\` < 300 MB: ` +
    `${stdinRun.failed ?? `${stdinRun.rssMb.toFixed(0)} MB`} — ${verdict(!stdinRun.failed && stdinRun.rssMb < 300)}`,
  `- \`ntm --version\` ≤ 1.5× bare node: ${startRatio.toFixed(2)}× — ${verdict(startRatio <= 1.5)}`,
];

let cpu;
try {
  cpu = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model ?? 'unknown';
} catch {
  cpu = cpus()[0]?.model ?? 'unknown';
}
const rssBy = TIME ? '`/usr/bin/time -f %M`' : '`process.resourceUsage().maxRSS`';
const machine =
  `${cpus().length} cores (nproc), ${cpu}, Node ${process.version}, ${process.platform}; ` + `peak RSS by ${rssBy}`;
const when = new Date().toISOString().slice(0, 10);

let profile = '';
if (PROFILE) profile = profiles(rows.slice(0, 2));

const report = [
  `Measured ${when} with \`npm run bench\` (\`node scripts/bench.mjs --runs ${RUNS}${PROFILE ? ' --profile' : ''}\`).`,
  '',
  `Machine: ${machine}.`,
  '',
  ...table,
  '',
  ...ratioTable,
  '',
  ...formatTable,
  '',
  ...startup,
  '',
  'Targets (issue 11):',
  '',
  ...targets,
  ...(profile ? ['', profile] : []),
].join('\n');

process.stdout.write(`\n${report}\n`);
if (WRITE) {
  const path = join(ROOT, 'BENCHMARKS.md');
  const START = '<!-- bench:start -->';
  const END = '<!-- bench:end -->';
  const old = existsSync(path) ? readFileSync(path, 'utf8') : `# Benchmarks\n\n${START}\n${END}\n`;
  const [before, rest] = old.includes(START) ? old.split(START) : [`${old}\n`, END];
  const after = rest.includes(END) ? rest.split(END)[1] : '';
  writeFileSync(path, `${before}${START}\n${report}\n${END}${after}`);
  process.stderr.write(`bench: figures written to ${relative(process.cwd(), path)}\n`);
}

/** Where the time goes: node --cpu-prof of one run per file, functions by self time and by inclusive time. */
function profiles(list) {
  const out = ['Where the time goes (`node --cpu-prof`, one run each; share of all samples):', ''];
  for (const r of list) {
    const dir = mkdtempSync(join(tmpdir(), 'ntm-prof-'));
    spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, BIN, 'evaluate', r.rel, '--quiet'], {
      cwd: ROOT,
      stdio: 'ignore',
    });
    const p = JSON.parse(readFileSync(join(dir, readdirSync(dir)[0]), 'utf8'));
    rmSync(dir, { recursive: true, force: true });
    const byId = new Map(p.nodes.map((n) => [n.id, n]));
    const parent = new Map();
    for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const name = (n) => {
      const cf = n.callFrame;
      const where = cf.url ? cf.url.replace(/^.*\/(node_modules|dist)\//, '$1/').replace(/^node:/, 'node:') : '';
      return `${cf.functionName || '(anonymous)'}${where ? ` ${where}:${cf.lineNumber + 1}` : ''}`;
    };
    const selfT = new Map();
    const inclT = new Map();
    let total = 0;
    p.samples.forEach((id, i) => {
      const dt = p.timeDeltas[i] ?? 0;
      total += dt;
      const k = name(byId.get(id));
      selfT.set(k, (selfT.get(k) ?? 0) + dt);
      const seen = new Set();
      for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
        const kk = name(byId.get(cur));
        if (!seen.has(kk)) {
          seen.add(kk);
          inclT.set(kk, (inclT.get(kk) ?? 0) + dt);
        }
      }
    });
    const top = (m, n, filter = () => true) =>
      [...m]
        .filter(([k]) => filter(k))
        .sort((a, b) => b[1] - a[1])
        .slice(0, n)
        .map(([k, t]) => `| ${((t / total) * 100).toFixed(1)} % | \`${k}\` |`);
    out.push(
      `${r.rel} (${(total / 1000).toFixed(0)} ms profiled):`,
      '',
      '| self | function |',
      '| --- | --- |',
      ...top(selfT, 12),
      '',
    );
    out.push('| inclusive | function (ntm code) |', '| --- | --- |', ...top(inclT, 14, (k) => k.includes('dist/')), '');
  }
  return out.join('\n');
}
