import type { CriterionStatus, Evaluation, Gap, UnitResult } from '../engine/types.js';
import { t, type Lang } from '../i18n/messages.js';
import { gapCells, type GapCells } from './describe-gap.js';
import { severalFiles, unitNames } from './labels.js';
import { groupByCriterion } from './views.js';

/** The annex marks: 1 for met and blank for not met, as officials fill it in; ? when there is no data. */
const MARK: Record<CriterionStatus, string> = { met: '1', unmet: '', 'no-data': '?' };

/** The annex head: TT, unit, parent, the criteria in the set's order, total met (and the file, with several). */
export function annexHead(ev: Evaluation, lang: Lang): { head: string[]; numbering: string[] } {
  const [name, parent] = unitNames(lang, ev);
  const file = severalFiles(ev);
  return {
    head: [t(lang, 'tt'), name, parent, ...ev.set.criteria.map((c) => c.name), t(lang, 'total'), ...(file ? [t(lang, 'file')] : [])],
    numbering: ['A', 'B', 'C', ...ev.set.criteria.map((c) => c.id), '', ...(file ? [''] : [])],
  };
}

interface AnnexRow {
  tt: number;
  unit: UnitResult;
  marks: string[];
}

export function annexRows(ev: Evaluation): AnnexRow[] {
  return ev.units.map((unit, i) => ({ tt: i + 1, unit, marks: unit.criteria.map((s) => MARK[s]) }));
}

/** One unit's line under `annexHead`; the workbook passes its own marks (numbers, so that Excel can sum them). */
export function annexLine(ev: Evaluation, r: AnnexRow, marks: (string | number)[] = r.marks): (string | number)[] {
  return [r.tt, r.unit.name, r.unit.parent, ...marks, r.unit.met, ...(severalFiles(ev) ? [r.unit.file] : [])];
}

/** Every gap of every unit, with the cell text the tabular reports show. */
export interface GapRow {
  unit: UnitResult;
  gap: Gap;
  cells: GapCells;
  kind: string;
}

export function gapRows(ev: Evaluation, lang: Lang): GapRow[] {
  return ev.units.flatMap((unit) => unit.gaps.map((gap) => ({ unit, gap, cells: gapCells(gap, lang), kind: t(lang, gap.kind === 'unmet' ? 'notMet' : 'kindNoData') })));
}

/** The gap-list columns: unit, parent, (file), criterion, indicator, value, required, shortfall, owner. */
export function gapHead(ev: Evaluation, lang: Lang, { owner = true } = {}): string[] {
  const [name, parent] = unitNames(lang, ev);
  return [name, parent, ...(severalFiles(ev) ? [t(lang, 'file')] : []), t(lang, 'criterion'), t(lang, 'indicator'), t(lang, 'value'), t(lang, 'required'), t(lang, 'shortfall'), ...(owner ? [t(lang, 'owner')] : [])];
}

export function gapLine(ev: Evaluation, r: GapRow, { owner = true } = {}): string[] {
  const c = r.cells;
  return [r.unit.name, r.unit.parent, ...(severalFiles(ev) ? [r.unit.file] : []), c.criterion, c.indicator, c.value, c.required, c.shortfall, ...(owner ? [c.owner] : [])];
}

/**
 * The by-criterion columns: criterion, owner, units missing, which. `split` gives the id and name,
 * and the count and total, columns of their own, for spreadsheets to sort and sum.
 */
export function criterionHead(lang: Lang, { split = false } = {}): string[] {
  return split
    ? [t(lang, 'criterionId'), t(lang, 'criterionName'), t(lang, 'owner'), t(lang, 'unitsMissing'), t(lang, 'unitsTotal'), t(lang, 'which')]
    : [t(lang, 'criterion'), t(lang, 'owner'), t(lang, 'unitsMissing'), t(lang, 'which')];
}

/** One line per criterion some unit misses; `sep` joins the units (the terminal table uses ', '). */
export function criterionLines(ev: Evaluation, lang: Lang, { split = false, sep = '; ' } = {}): (string | number)[][] {
  return groupByCriterion(ev).map((r) => {
    const which = r.units.map((u) => missingUnitLabel(ev, r.index, u, lang)).join(sep);
    const owner = r.owner ?? '';
    return split ? [r.id, r.name, owner, r.units.length, ev.units.length, which] : [`${r.id}. ${r.name}`, owner, `${r.units.length}/${ev.units.length}`, which];
  });
}

/** "Nà Y (Thượng Ân)", and the file when there are several. */
function unitLabel(ev: Evaluation, u: UnitResult): string {
  const extra = [u.parent, severalFiles(ev) ? u.file : ''].filter(Boolean);
  return `${u.name}${extra.length ? ` (${extra.join(', ')})` : ''}`;
}

/** A unit that misses criterion `index` (in the set's order), saying when it is for want of data. */
function missingUnitLabel(ev: Evaluation, index: number, u: UnitResult, lang: Lang): string {
  return `${unitLabel(ev, u)}${u.criteria[index] === 'no-data' ? ` [${t(lang, 'noData')}]` : ''}`;
}
