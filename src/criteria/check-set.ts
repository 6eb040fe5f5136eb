import { problem, type Problem, type ProblemParams } from '../problems.js';
import { foldKey } from '../text/normalize.js';
import { regionCode, regionList } from './regions.js';
import type { ThresholdSpec } from './schema.js';
import { thresholdLeaves, type ThresholdValue } from './threshold.js';
import type { CriteriaSet, Criterion, Indicator } from './types.js';

type Locate = (file: string, path: string[]) => { line?: number; column?: number };

/** Where a key of an indicator is written: the file that last set it, and the line when it is known. */
export type Position = { file?: string; line?: number; column?: number };
export type LocateIndicator = (c: Criterion, ind: Indicator, tail: (string | number)[]) => Position;

/**
 * Checks what the schema cannot: each threshold fits its indicator's type, unit and comparison
 * (a percentage within 0–100, a count a whole number, a level among the indicator's levels), on the
 * set as resolved (extends may add or drop criteria), and that `min_criteria` can be reached.
 */
export function checkSet(
  set: CriteriaSet,
  locate: LocateIndicator = () => ({}),
  locateKey: Locate = () => ({}),
): Problem[] {
  const problems: Problem[] = [];
  if (set.meets !== 'all' && set.meets.min_criteria > set.criteria.length) {
    const { min_criteria: min } = set.meets;
    const count = set.criteria.length;
    const at = { file: set.file, ...locateKey(set.file, ['meets', 'min_criteria']) };
    problems.push(problem('min-criteria', { set: set.id, min, count }, at));
  }
  problems.push(...clashes(set));

  for (const c of set.criteria) {
    for (const ind of c.indicators) {
      const report = (tail: (string | number)[], params: ProblemParams) =>
        problems.push(thresholdProblem(set, ind, locate(c, ind, tail), params));
      for (const wrong of indicatorErrors(ind)) report([wrong.key], wrong.params);
      if (ind.threshold === undefined) continue;
      for (const id of valueOfTargets(ind.threshold)) {
        const base = c.indicators.find((i) => i.id === id);
        if (!base || !['count', 'number', 'percent'].includes(base.type)) {
          report(['threshold'], { issue: 'value-of', target: id, criterion: c.id });
        }
      }
      for (const p of regionKeys(ind.threshold)) {
        report(['threshold'], { issue: 'region', region: p, regions: regionList() });
      }
      for (const leaf of thresholdLeaves(ind.threshold)) {
        const wrong = leaf.relative ? relativeError(ind) : leafError(ind, leaf.value!);
        if (wrong) {
          const where = leaf.path.length ? leaf.path.join(', ') : undefined;
          const shown = JSON.stringify(leaf.value ?? leaf.relative);
          report(['threshold', ...leaf.path], { ...wrong.params, value: shown, where });
        }
      }
    }
  }
  return problems;
}

/** What is wrong, as the params of a criteria-set-threshold problem (the catalogue words it). */
type Wrong = { params: ProblemParams };
const wrong = (issue: string, more: ProblemParams = {}): Wrong => ({ params: { issue, ...more } });

/** The indicator's own fields that contradict its type: they would make every judgement wrong. */
function indicatorErrors(ind: Indicator): (Wrong & { key: string })[] {
  const errors: (Wrong & { key: string })[] = [];
  const yesNo = ind.type === 'boolean' || ind.type === 'pass';
  if (yesNo && ind.comparison !== '==') {
    errors.push({ key: 'comparison', ...wrong('comparison', { type: ind.type, comparison: ind.comparison }) });
  }
  if (ind.levels && ind.type !== 'level') {
    errors.push({ key: 'levels', ...wrong('levels-unused', { type: ind.type }) });
  }
  if (ind.type === 'percent' && ind.unit !== undefined && ind.unit !== '%' && ind.unit !== 'ratio') {
    errors.push({ key: 'unit', ...wrong('percent-unit', { unit: ind.unit }) });
  }
  return errors;
}

function leafError(ind: Indicator, v: ThresholdValue): Wrong | undefined {
  if (ind.comparison === 'between') {
    if (!(Array.isArray(v) && v[0] <= v[1])) return wrong('between');
    return v.map((n) => numberError(ind, n)).find(Boolean);
  }
  if (Array.isArray(v)) return wrong('range');
  switch (ind.type) {
    case 'boolean':
    case 'pass':
      return typeof v === 'boolean' ? undefined : wrong('boolean');
    case 'level':
      return typeof v === 'string' && ind.levels?.includes(v)
        ? undefined
        : wrong('level', { levels: ind.levels?.join(', ') });
    default:
      return typeof v === 'number' ? numberError(ind, v) : wrong('number', { type: ind.type });
  }
}

function relativeError(ind: Indicator): Wrong | undefined {
  if (['number', 'percent', 'count'].includes(ind.type) && ind.comparison !== 'between') return undefined;
  // Worded by the catalogue from the shown value: a relative threshold is an object.
  return wrong('number', { type: ind.type });
}

/** The indicators whose row values choose this threshold (`by_value_of`). */
function valueOfTargets(spec: ThresholdSpec): string[] {
  if (typeof spec !== 'object' || Array.isArray(spec) || 'value' in spec || 'relative_to' in spec) return [];
  if ('by_value_of' in spec)
    return [spec.by_value_of.indicator, ...Object.values(spec.by_value_of.from).flatMap(valueOfTargets)];
  const map: Record<string, ThresholdSpec | undefined> =
    'by_region' in spec ? spec.by_region : 'by_year' in spec ? spec.by_year : spec.by_group;
  return Object.values(map).flatMap((v) => (v === undefined ? [] : valueOfTargets(v)));
}

/** A number the indicator's type cannot hold. Percentages are thresholds in % even when surveys give ratios. */
function numberError(ind: Indicator, n: number): Wrong | undefined {
  if (ind.type === 'percent' && (n < 0 || n > 100)) return wrong('percent-range');
  if (ind.type === 'count' && !(Number.isInteger(n) && n >= 0)) return wrong('count');
  return undefined;
}

function regionKeys(spec: ThresholdSpec): string[] {
  if (typeof spec !== 'object' || Array.isArray(spec) || 'value' in spec) return [];
  if ('by_region' in spec) {
    return Object.entries(spec.by_region).flatMap(([k, v]) => [...(regionCode(k) ? [] : [k]), ...regionKeys(v)]);
  }
  if ('relative_to' in spec) return [];
  if ('by_value_of' in spec) return Object.values(spec.by_value_of.from).flatMap(regionKeys);
  const map: Record<string, ThresholdSpec | undefined> = 'by_year' in spec ? spec.by_year : spec.by_group;
  return Object.values(map).flatMap((v) => (v === undefined ? [] : regionKeys(v)));
}

function thresholdProblem(set: CriteriaSet, ind: Indicator, at: Position, params: ProblemParams): Problem {
  const where = { file: at.file ?? set.file, ...(at.line !== undefined ? { line: at.line, column: at.column } : {}) };
  return problem('criteria-set-threshold', { set: set.id, indicator: ind.id, ...params }, where);
}

/**
 * One indicator id in two criteria, or two criteria with one name, once `extends` has laid a set
 * over its parent (each file alone was checked, with lines, when it was parsed).
 */
function clashes(set: CriteriaSet): Problem[] {
  const problems: Problem[] = [];
  const names = new Map<string, string>();
  const indicators = new Map<string, string>();
  for (const c of set.criteria) {
    const other = names.get(foldKey(c.name));
    if (other !== undefined) {
      const params = { name: c.name, id: c.id, other, set: set.id };
      problems.push(problem('duplicate-name', params, { file: set.file }));
    } else names.set(foldKey(c.name), c.id);
    for (const ind of c.indicators) {
      const first = indicators.get(ind.id);
      if (first !== undefined && first !== c.id) {
        const params = { what: 'indicator-elsewhere', id: ind.id, criterion: c.id, other: first, set: set.id };
        problems.push(problem('duplicate-id', params, { file: set.file }));
      } else indicators.set(ind.id, c.id);
    }
  }
  return problems;
}
