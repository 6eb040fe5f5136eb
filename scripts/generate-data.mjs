#!/usr/bin/env node
// Generates national-scale survey files for `npm run bench` (deterministic: the same bytes every run).
//   node scripts/generate-data.mjs [DIR]   (default ./bench-data; needs `npm run build` first)
// Writes:
//   villages-80k.csv   80,000 villages × the 16 criteria of bac-kan-thon-2019, as marks (1, x, Đạt, blank)
//   communes-10k.csv   10,000 communes × every indicator of quoc-gia-xa-2021, as values spelled the way
//                      Excel in a Vietnamese locale writes them (";" delimiter, "96,5%", "62,5 triệu", "Đạt")
//   villages-1m.csv    1,000,000 villages, the same columns as villages-80k.csv
import { createWriteStream, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');

/** A small deterministic PRNG (mulberry32), so that the files and the timings are reproducible. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = [
  'Nà',
  'Bản',
  'Pác',
  'Khuổi',
  'Cốc',
  'Phiêng',
  'Lủng',
  'Đông',
  'Thượng',
  'Hạ',
  'Tân',
  'Phú',
  'Hòa',
  'Vân',
  'Sơn',
  'Lạn',
  'Chang',
  'Quán',
  'Phạc',
  'Mỏ',
  'Trung',
  'Yên',
  'Bằng',
  'Thuần',
];
const name = (r, i) =>
  `${SYLLABLES[Math.floor(r() * SYLLABLES.length)]} ${SYLLABLES[Math.floor(r() * SYLLABLES.length)]} ${i}`;

async function write(path, lines) {
  const out = createWriteStream(path);
  let buf = '';
  for (const line of lines) {
    buf += `${line}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise((ok) => out.once('drain', ok));
      buf = '';
    }
  }
  out.end(buf);
  await new Promise((ok, ko) => out.on('finish', ok).on('error', ko));
}

/** Village rows with marks; a few villages per commune, so that (village, commune) stays unique. */
function* villages(count, seed) {
  const r = rng(seed);
  const MET = ['1', '1', '1', 'x', 'Đạt'];
  yield `TT,Tên thôn,Tên xã,${Array.from({ length: 16 }, (_, i) => i + 1).join(',')},Tổng số tiêu chí đạt`;
  for (let i = 1; i <= count; i++) {
    let met = 0;
    const marks = [];
    for (let c = 0; c < 16; c++) {
      if (r() < 0.8) {
        marks.push(MET[Math.floor(r() * MET.length)]);
        met++;
      } else marks.push('');
    }
    yield `${i},${name(r, i)},Xã ${Math.ceil(i / 8)},${marks.join(',')},${met}`;
  }
}

/** Commune rows with indicator values for every indicator of the set, in realistic spellings. */
function* communes(set, count, seed) {
  const r = rng(seed);
  const inds = set.criteria.flatMap((c) => c.indicators);
  const pct = (lo, hi) => `${(lo + r() * (hi - lo)).toFixed(1).replace('.', ',').replace(/,0$/, '')}%`;
  const value = (ind) => {
    if (r() < 0.02) return '';
    switch (ind.type) {
      case 'pass':
        return r() < 0.85 ? 'Đạt' : r() < 0.5 ? 'Không đạt' : 'Chưa đạt';
      case 'boolean':
        return r() < 0.85 ? 'Không' : 'Có';
      case 'level':
        return ind.levels[Math.floor(r() * ind.levels.length)];
      case 'count':
        return String(Math.floor(r() * 20));
      case 'percent':
        return ind.comparison === '<=' ? pct(0, 12) : pct(60, 100);
      case 'number':
        if (/triệu/.test(ind.unit ?? ''))
          return r() < 0.5
            ? `${(40 + r() * 40).toFixed(1).replace('.', ',')} triệu`
            : `${Math.round(40 + r() * 40)}.${String(Math.floor(r() * 1000)).padStart(3, '0')}.000`;
        return (r() * 5).toFixed(1).replace('.', ',');
    }
    return '';
  };
  // A name with a quote in it is quoted whole, its quotes doubled, as Excel writes it.
  const cell = (s) => (s.includes('"') ? `"${s.replace(/"/g, '""')}"` : s);
  yield `Tên xã;Huyện;Tỉnh;${inds.map((i) => cell(`${i.id} ${i.name}`.replace(/;/g, ','))).join(';')}`;
  for (let i = 1; i <= count; i++)
    yield `${name(r, i)};Huyện ${Math.ceil(i / 15)};Tỉnh ${Math.ceil(i / 160)};${inds.map(value).join(';')}`;
}

export async function generate(dir) {
  mkdirSync(dir, { recursive: true });
  const { openRegistry, setDirs } = await import(join(ROOT, 'dist/criteria/registry.js'));
  const set = (await openRegistry(setDirs([], {}))).get('quoc-gia-xa-2021');
  const files = {
    villages80k: join(dir, 'villages-80k.csv'),
    villages200k: join(dir, 'villages-200k.csv'),
    communes10k: join(dir, 'communes-10k.csv'),
    villages1m: join(dir, 'villages-1m.csv'),
  };
  await write(files.villages80k, villages(80_000, 1));
  await write(files.villages200k, villages(200_000, 4));
  await write(files.communes10k, communes(set, 10_000, 2));
  await write(files.villages1m, villages(1_000_000, 3));
  return files;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = resolve(process.argv[2] ?? join(ROOT, 'bench-data'));
  const files = await generate(dir);
  for (const f of Object.values(files)) console.log(f);
}
