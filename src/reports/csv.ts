import { stringify } from 'csv-stringify/sync';
import type { Evaluation } from '../engine/types.js';
import { t, type Lang } from '../i18n/messages.js';
import { gapRows, missingUnitLabel, type GapRow } from './annex.js';
import { unitNames } from './labels.js';
import type { RenderOptions } from './options.js';
import { neutralise } from './spreadsheet-safety.js';
import { groupByCriterion, groupByOwner } from './views.js';

/**
 * The gap table for spreadsheets: one row per gap (by unit or by owner), or one row per criterion.
 * UTF-8 with a BOM, so that Excel reads the Vietnamese as UTF-8; every text cell neutralised.
 */
export function render(ev: Evaluation, opts: RenderOptions): string {
  const { lang } = opts;
  const rows = opts.by === 'criterion' ? byCriterion(ev, lang) : gapTable(ev, lang, opts.by === 'owner');
  return stringify(rows, { bom: true, record_delimiter: 'windows', cast: { string: (s) => neutralise(s) } });
}

function gapTable(ev: Evaluation, lang: Lang, ownerFirst: boolean): (string | number)[][] {
  const [name, parent] = unitNames(lang, ev);
  const head = [name, parent, t(lang, 'file'), t(lang, 'criterionId'), t(lang, 'criterionName'), t(lang, 'indicatorId'), t(lang, 'indicatorName'), t(lang, 'kind'), t(lang, 'value'), t(lang, 'required'), t(lang, 'shortfall')];
  const line = (r: GapRow) => [r.unit.name, r.unit.parent, r.unit.file, r.gap.criterion, r.gap.name, r.gap.indicator ?? '', r.gap.indicatorName ?? '', r.kind, r.cells.value, r.cells.required, r.cells.shortfall];
  if (!ownerFirst) return [[...head, t(lang, 'owner')], ...gapRows(ev, lang).map((r) => [...line(r), r.cells.owner])];
  const rows = new Map(gapRows(ev, lang).map((r) => [r.gap, r]));
  return [[t(lang, 'owner'), ...head], ...groupByOwner(ev).flatMap((g) => g.gaps.map(({ gap }) => [g.owner, ...line(rows.get(gap)!)]))];
}

function byCriterion(ev: Evaluation, lang: Lang): (string | number)[][] {
  const head = [t(lang, 'criterionId'), t(lang, 'criterionName'), t(lang, 'owner'), t(lang, 'unitsMissing'), t(lang, 'unitsTotal'), t(lang, 'which')];
  return [head, ...groupByCriterion(ev).map((r) => [r.id, r.name, r.owner ?? '', r.units.length, ev.units.length, r.units.map((u) => missingUnitLabel(ev, r.id, u, lang)).join('; ')])];
}
