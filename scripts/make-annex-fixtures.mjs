// Builds the fixtures of the Ngân Sơn 2021 annex from the seed plan's text, so that they stay
// faithful to it: node scripts/make-annex-fixtures.mjs ../shared/seeds/ngan-son-2021-ke-hoach-ntm.txt
import { readFileSync, writeFileSync } from 'node:fs';

const seed = readFileSync(process.argv[2], 'utf8');
const lines = seed.split('\n');
const start = lines.findIndex((l) => l.startsWith('MỤC TIÊU PHÂN ĐẦU THÔN'));
const table = lines.slice(start).filter((l) => l.trim() !== '');
const title = table[0].trim();
const subtitle = table[1].trim();
const rows = table.filter((l) => l.includes('\t')).map((l) => l.split('\t').map((c) => c.trim()));
const note = table
  .find((l) => l.includes('Ghi chú'))
  .replace(/\*\*/g, '')
  .trim();
const width = Math.max(...rows.map((r) => r.length));
const pad = (r) => [...r, ...Array(width - r.length).fill('')];

function csv(records, sep, eol) {
  const q = (c) => (c.includes(sep) || c.includes('"') || c.includes('\n') ? `"${c.replace(/"/g, '""')}"` : c);
  return records.map((r) => pad(r).map(q).join(sep)).join(eol) + eol;
}

const all = [[title], [subtitle], [], ...rows, [note]];
writeFileSync('fixtures/ngan-son-2021-thon.csv', csv(all, ',', '\n'));
writeFileSync('fixtures/ngan-son-2021-thon-excel-vn.csv', '\uFEFF' + csv(all, ';', '\r\n'));
writeFileSync('fixtures/ngan-son-2021-thon-nfd.csv', csv(all, ',', '\n').normalize('NFD'));
