import { stringify } from 'csv-stringify/sync';
import type { Evaluation } from '../engine/types.js';
import { t, type Lang } from '../i18n/messages.js';
import { criterionHead, criterionLines, gapRows, type GapRow } from './annex.js';
import { unitNames } from './labels.js';
import type { RenderOptions } from './options.js';
import { neutralise, SPREADSHEET_CSV } from './spreadsheet-safety.js';
import { groupByOwner } from './views.js';

/**
 * The gap table for spreadsheets: one row per gap (by unit or by owner), or one row per criterion.
 * UTF-8 with a BOM, so that Excel reads the Vietnamese as UTF-8; every text cell neutralised.
 */
export function render(ev: Evaluation, opts: RenderOptions): string {
  const { lang } = opts;
  const rows = opts.by === 'criterion' ? [criterionHead(lang, { split: true }), ...criterionLines(ev, lang, { split: true })] : gapTable(ev, lang, opts.by === 'owner');
  return stringify(rows, { ...SPREADSHEET_CSV, cast: { string: (s) => neutralise(s) } });
}

function gapTable(ev: Evaluation, lang: Lang, ownerFirst: boolean): (string | number)[][] {
  const [name, parent] = unitNames(lang, ev);
  const head = [name, parent, t(lang, 'file'), t(lang, 'criterionId'), t(lang, 'criterionName'), t(lang, 'indicatorId'), t(lang, 'indicatorName'), t(lang, 'kind'), t(lang, 'value'), t(lang, 'required'), t(lang, 'shortfall')];
  const line = (r: GapRow) => [r.unit.name, r.unit.parent, r.unit.file, r.gap.criterion, r.gap.name, r.gap.indicator ?? '', r.gap.indicatorName ?? '', r.kind, r.cells.value, r.cells.required, r.cells.shortfall];
  const rows = gapRows(ev, lang);
  if (!ownerFirst) return [[...head, t(lang, 'owner')], ...rows.map((r) => [...line(r), r.cells.owner])];
  return [[t(lang, 'owner'), ...head], ...groupByOwner(rows).flatMap((g) => g.gaps.map((r) => [g.owner, ...line(r)]))];
}
