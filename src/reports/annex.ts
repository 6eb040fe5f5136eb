import type { CriterionStatus, Gap, UnitResult } from '../engine/types.js';
import { t, type Lang } from '../i18n/messages.js';
import { gapCells, type GapCells } from './describe-gap.js';
import { severalFiles, unitNames } from './labels.js';
import type { RunHead } from './stream.js';

/** The annex marks: 1 for met and blank for not met, as officials fill it in; ? when there is no data. */
const MARK: Record<CriterionStatus, string> = { met: '1', unmet: '', 'no-data': '?' };

/** The annex head: TT, unit, parent, the criteria in the set's order, total met (and the file, with several). */
export function annexHead(head: RunHead, lang: Lang): { head: string[]; numbering: string[] } {
  const [name, parent] = unitNames(lang, head);
  const file = severalFiles(head);
  const criteria = head.set.criteria;
  return {
    head: [
      t(lang, 'tt'),
      name,
      parent,
      ...criteria.map((c) => c.name),
      t(lang, 'total'),
      ...(head.levels ? [t(lang, 'levelReached')] : []),
      ...(file ? [t(lang, 'file')] : []),
    ],
    numbering: ['A', 'B', 'C', ...criteria.map((c) => c.id), '', ...(head.levels ? [''] : []), ...(file ? [''] : [])],
  };
}

export const annexMarks = (unit: UnitResult): string[] => unit.criteria.map((s) => MARK[s]);

/**
 * Unit number `tt`'s line under `annexHead`; the workbook passes its own marks (numbers, so that
 * Excel can sum them).
 */
export function annexLine(
  head: RunHead,
  tt: number,
  unit: UnitResult,
  marks: (string | number)[] = annexMarks(unit),
): (string | number)[] {
  const level = head.levels ? [levelOf(unit)] : [];
  return [tt, unit.name, unit.parent, ...marks, unit.met, ...level, ...(severalFiles(head) ? [unit.file] : [])];
}

/** The highest level a unit reached (--set A,B,…): the set's id, or "—". */
export const levelOf = (unit: UnitResult): string => unit.levels?.reached ?? '—';

/**
 * The gaps to a unit's next level, when that is not the first set (whose gaps are the unit's own):
 * each criterion cell names the set, so that the gap tables tell them from the first set's.
 */
function nextLevelGaps(unit: UnitResult, lang: Lang): GapRow[] {
  const next = unit.levels?.next;
  if (!next?.gaps) return [];
  return next.gaps.map((gap) => {
    const cells = gapCells(gap, lang);
    const kind = `${t(lang, gap.kind === 'unmet' ? 'notMet' : 'kindNoData')} (${next.set})`;
    return { unit, gap, cells: { ...cells, criterion: `${next.set}: ${cells.criterion}` }, kind };
  });
}

/** A gap of a unit, with the cell text the tabular reports show. */
export interface GapRow {
  unit: UnitResult;
  gap: Gap;
  cells: GapCells;
  kind: string;
}

export function gapRows(unit: UnitResult, lang: Lang): GapRow[] {
  const own = unit.gaps.map((gap) => ({
    unit,
    gap,
    cells: gapCells(gap, lang),
    kind: t(lang, gap.kind === 'unmet' ? 'notMet' : 'kindNoData'),
  }));
  return unit.levels ? [...own, ...nextLevelGaps(unit, lang)] : own;
}

/** The gap-list columns: unit, parent, (file), criterion, indicator, value, required, shortfall, owner. */
export function gapHead(head: RunHead, lang: Lang, { owner = true } = {}): string[] {
  const [name, parent] = unitNames(lang, head);
  const file = severalFiles(head) ? [t(lang, 'file')] : [];
  const what = [
    t(lang, 'criterion'),
    t(lang, 'indicator'),
    t(lang, 'value'),
    t(lang, 'required'),
    t(lang, 'shortfall'),
  ];
  return [name, parent, ...file, ...what, ...(owner ? [t(lang, 'owner')] : [])];
}

export function gapLine(head: RunHead, r: GapRow, { owner = true } = {}): string[] {
  const c = r.cells;
  const file = severalFiles(head) ? [r.unit.file] : [];
  return [
    r.unit.name,
    r.unit.parent,
    ...file,
    c.criterion,
    c.indicator,
    c.value,
    c.required,
    c.shortfall,
    ...(owner ? [c.owner] : []),
  ];
}

/**
 * The by-criterion columns: criterion, owner, units missing, which. `split` gives the id and name,
 * and the count and total, columns of their own, for spreadsheets to sort and sum.
 */
export function criterionHead(lang: Lang, { split = false } = {}): string[] {
  const which = [t(lang, 'unitsMissing'), ...(split ? [t(lang, 'unitsTotal')] : []), t(lang, 'which')];
  return split
    ? [t(lang, 'criterionId'), t(lang, 'criterionName'), t(lang, 'owner'), ...which]
    : [t(lang, 'criterion'), t(lang, 'owner'), ...which];
}

/** "Nà Y (Thượng Ân)", and the file when there are several. */
function unitLabel(head: RunHead, u: UnitResult): string {
  const extra = [u.parent, severalFiles(head) ? u.file : ''].filter(Boolean);
  return `${u.name}${extra.length ? ` (${extra.join(', ')})` : ''}`;
}

/** A unit that misses criterion `index` (in the set's order), saying when it is for want of data. */
export function missingUnitLabel(head: RunHead, index: number, u: UnitResult, lang: Lang): string {
  return `${unitLabel(head, u)}${u.criteria[index] === 'no-data' ? ` [${t(lang, 'noData')}]` : ''}`;
}
