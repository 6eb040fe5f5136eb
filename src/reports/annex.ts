import type { CriterionStatus, Evaluation, Gap, UnitResult } from '../engine/types.js';
import { t, type Lang } from '../i18n/messages.js';
import { gapCells, type GapCells } from './describe-gap.js';
import { severalFiles, unitNames } from './labels.js';

/** The annex marks: 1 for met and blank for not met, as officials fill it in; ? when there is no data. */
export const MARK: Record<CriterionStatus, string> = { met: '1', unmet: '', 'no-data': '?' };

/** The annex head: TT, unit, parent, the criteria in the set's order, total met (and the file, with several). */
export function annexHead(ev: Evaluation, lang: Lang): { head: string[]; numbering: string[] } {
  const [name, parent] = unitNames(lang, ev);
  const file = severalFiles(ev);
  return {
    head: [t(lang, 'tt'), name, parent, ...ev.set.criteria.map((c) => c.name), t(lang, 'total'), ...(file ? [t(lang, 'file')] : [])],
    numbering: ['A', 'B', 'C', ...ev.set.criteria.map((c) => c.id), '', ...(file ? [''] : [])],
  };
}

export interface AnnexRow {
  tt: number;
  unit: UnitResult;
  marks: string[];
}

export function annexRows(ev: Evaluation): AnnexRow[] {
  return ev.units.map((unit, i) => ({ tt: i + 1, unit, marks: unit.criteria.map((s) => MARK[s]) }));
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

/** "Nà Y (Thượng Ân)", and the file when there are several. */
export function unitLabel(ev: Evaluation, u: UnitResult): string {
  const extra = [u.parent, severalFiles(ev) ? u.file : ''].filter(Boolean);
  return `${u.name}${extra.length ? ` (${extra.join(', ')})` : ''}`;
}

/** A unit in the by-criterion view, saying when it misses the criterion for want of data. */
export function missingUnitLabel(ev: Evaluation, criterion: string, u: UnitResult, lang: Lang): string {
  const i = ev.set.criteria.findIndex((c) => c.id === criterion);
  return `${unitLabel(ev, u)}${u.criteria[i] === 'no-data' ? ` [${t(lang, 'noData')}]` : ''}`;
}
