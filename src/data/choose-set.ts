import type { CriteriaSet } from '../criteria/types.js';
import { headerFit, unitLevel, type Vocabulary } from './match-headers.js';

interface SetFit {
  set: CriteriaSet;
  score: number;
  unplaced: number;
}

/**
 * Ranks sets by how well they place the header's columns: fewest columns left unplaced first,
 * then most names matched. A "Tên thôn" column says the rows are villages, so only village sets
 * compete (likewise communes).
 */
export function rankSets(headers: string[], sets: { set: CriteriaSet; vocab: Vocabulary }[]): SetFit[] {
  const level = unitLevel(headers);
  const sameLevel = sets.filter(({ set }) => set.level === level);
  return (sameLevel.length ? sameLevel : sets)
    .map(({ set, vocab }) => ({ set, ...headerFit(headers, vocab) }))
    .filter((f) => f.score > 0)
    .sort((a, b) => a.unplaced - b.unplaced || b.score - a.score || a.set.id.localeCompare(b.set.id));
}

/**
 * The header row is the row (among the first ones) that names the most criteria; rows above it
 * are titles, a row of A, B, C, 1, 2 … under it is the annex's numbering.
 */
export function findHeaderRow(rows: string[][], vocabs: Vocabulary[]): { index: number; score: number } {
  let best = { index: -1, score: 0 };
  rows.forEach((cells, index) => {
    const score = Math.max(0, ...vocabs.map((v) => headerFit(cells, v).score));
    if (score > best.score) best = { index, score };
  });
  return best;
}

/** Merged header cells: an empty header cell takes the text above it (the annex's "Tên thôn"). */
export function fillMergedHeaders(rows: string[][], headerIndex: number): string[] {
  const header = [...(rows[headerIndex] ?? [])];
  const width = Math.max(header.length, ...rows.slice(Math.max(0, headerIndex - 2), headerIndex).map((r) => r.length));
  for (let col = 0; col < width; col++) {
    if ((header[col] ?? '').trim() !== '') continue;
    for (let r = headerIndex - 1; r >= Math.max(0, headerIndex - 2); r--) {
      const above = rows[r]?.[col] ?? '';
      if (above.trim() !== '') {
        header[col] = above;
        break;
      }
    }
    header[col] ??= '';
  }
  return header;
}

/** The numbering row under the annex header: A, B, C, 1, 2, 3 … (letters from A, numbers from 1). */
export function isNumberingRow(cells: string[]): boolean {
  const filled = cells.map((c) => c.trim().replace(/^\((.*)\)$/, '$1')).filter(Boolean);
  if (filled.length < 3) return false;
  const letters = filled.filter((c) => /^[A-Za-z]$/.test(c)).map((c) => c.toUpperCase().charCodeAt(0) - 64);
  const numbers = filled.filter((c) => /^\d{1,3}$/.test(c)).map(Number);
  if (letters.length + numbers.length !== filled.length) return false;
  const counts = (xs: number[]) => xs.every((n, i) => n === i + 1);
  return counts(letters) && counts(numbers);
}
