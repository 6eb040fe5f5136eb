import type { Problem, ProblemParams } from '../problems.js';
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
    problems.push({ kind: 'min-criteria', severity: 'error', file: set.file, ...locateKey(set.file, ['meets', 'min_criteria']), params: { set: set.id, min, count }, message: `set "${set.id}" requires at least ${min} criteria met but has only ${count}`, hint: 'Correct min_criteria from the decision: no unit could ever reach it.' });
  }
  problems.push(...clashes(set));

  for (const c of set.criteria) {
    for (const ind of c.indicators) {
      const report = (tail: (string | number)[], message: string, params: ProblemParams, hint?: string) =>
        problems.push(problem(set, ind, locate(c, ind, tail), message, params, hint));
      for (const wrong of indicatorErrors(ind)) report([wrong.key], wrong.text, wrong.params, wrong.hint);
      if (ind.threshold === undefined) continue;
      for (const id of valueOfTargets(ind.threshold)) {
        const base = c.indicators.find((i) => i.id === id);
        if (!base || !['count', 'number', 'percent'].includes(base.type)) {
          report(
            ['threshold'],
            `"by_value_of" names ${id}, which is not a number indicator of criterion ${c.id}`,
            { issue: 'value-of', target: id, criterion: c.id },
            `Name an indicator of criterion ${c.id} of type count, number or percent.`,
          );
        }
      }
      for (const p of regionKeys(ind.threshold)) {
        report(
          ['threshold'],
          `region "${p}" is not a region code`,
          { issue: 'region', region: p, regions: regionList() },
          `Use one of ${regionList()}.`,
        );
      }
      for (const leaf of thresholdLeaves(ind.threshold)) {
        const wrong = leaf.relative ? relativeError(ind) : leafError(ind, leaf.value!);
        if (wrong) {
          const where = leaf.path.length ? leaf.path.join(', ') : undefined;
          const shown = JSON.stringify(leaf.value ?? leaf.relative);
          const text = `threshold ${shown}${where ? ` (${where})` : ''} ${wrong.text}`;
          report(['threshold', ...leaf.path], text, { ...wrong.params, value: shown, where });
        }
      }
    }
  }
  return problems;
}

type Wrong = { text: string; params: ProblemParams };
const wrong = (issue: string, text: string, more: ProblemParams = {}): Wrong => ({ text, params: { issue, ...more } });

/** The indicator's own fields that contradict its type: they would make every judgement wrong. */
function indicatorErrors(ind: Indicator): (Wrong & { key: string; hint?: string })[] {
  const errors: (Wrong & { key: string; hint?: string })[] = [];
  const yesNo = ind.type === 'boolean' || ind.type === 'pass';
  if (yesNo && ind.comparison !== '==') {
    errors.push({
      key: 'comparison',
      hint: 'Leave out "comparison": yes/no indicators compare with ==.',
      ...wrong('comparison', `compares a ${ind.type} with "${ind.comparison}"; yes/no values take only "=="`, {
        type: ind.type,
        comparison: ind.comparison,
      }),
    });
  }
  if (ind.levels && ind.type !== 'level') {
    errors.push({
      key: 'levels',
      hint: 'Give "type: level", or remove "levels".',
      ...wrong('levels-unused', `lists "levels" but is of type ${ind.type}`, { type: ind.type }),
    });
  }
  if (ind.type === 'percent' && ind.unit !== undefined && ind.unit !== '%' && ind.unit !== 'ratio') {
    errors.push({
      key: 'unit',
      hint: 'Use unit "%" (surveys give 80,5) or "ratio" (surveys give 0,805).',
      ...wrong('percent-unit', `is a percentage with unit "${ind.unit}"; a percentage takes "%" or "ratio"`, {
        unit: ind.unit,
      }),
    });
  }
  return errors;
}

function leafError(ind: Indicator, v: ThresholdValue): Wrong | undefined {
  if (ind.comparison === 'between') {
    if (!(Array.isArray(v) && v[0] <= v[1])) return wrong('between', 'must be [low, high] for "between"');
    return v.map((n) => numberError(ind, n)).find(Boolean);
  }
  if (Array.isArray(v)) return wrong('range', 'is a range, which only "between" takes');
  switch (ind.type) {
    case 'boolean':
    case 'pass':
      return typeof v === 'boolean' ? undefined : wrong('boolean', 'must be true or false');
    case 'level':
      return typeof v === 'string' && ind.levels?.includes(v)
        ? undefined
        : wrong('level', `must be one of the levels (${ind.levels?.join(', ')})`, { levels: ind.levels?.join(', ') });
    default:
      return typeof v === 'number'
        ? numberError(ind, v)
        : wrong('number', `must be a number (type ${ind.type})`, { type: ind.type });
  }
}

function relativeError(ind: Indicator): Wrong | undefined {
  if (['number', 'percent', 'count'].includes(ind.type) && ind.comparison !== 'between') return undefined;
  const text = 'is relative to another set, which only a number compared with >=, <= or == can be';
  return wrong('number', text, { type: ind.type });
}

/** The indicators whose row values choose this threshold (`by_value_of`). */
function valueOfTargets(spec: ThresholdSpec): string[] {
  if (typeof spec !== 'object' || Array.isArray(spec) || 'value' in spec || 'relative_to' in spec) return [];
  if ('by_value_of' in spec) return [spec.by_value_of.indicator, ...Object.values(spec.by_value_of.from).flatMap(valueOfTargets)];
  const map: Record<string, ThresholdSpec | undefined> = 'by_region' in spec ? spec.by_region : 'by_year' in spec ? spec.by_year : spec.by_group;
  return Object.values(map).flatMap((v) => (v === undefined ? [] : valueOfTargets(v)));
}

/** A number the indicator's type cannot hold. Percentages are thresholds in % even when surveys give ratios. */
function numberError(ind: Indicator, n: number): Wrong | undefined {
  if (ind.type === 'percent' && (n < 0 || n > 100)) return wrong('percent-range', 'is a percentage outside 0–100');
  if (ind.type === 'count' && !(Number.isInteger(n) && n >= 0))
    return wrong('count', 'must be a whole number, 0 or more (type count)');
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

function problem(
  set: CriteriaSet,
  ind: Indicator,
  at: Position,
  message: string,
  params: ProblemParams,
  hint?: string,
): Problem {
  return {
    kind: 'criteria-set-threshold',
    severity: 'error',
    file: at.file ?? set.file,
    ...(at.line !== undefined ? { line: at.line, column: at.column } : {}),
    params: { set: set.id, indicator: ind.id, ...params },
    message: `set "${set.id}", indicator ${ind.id}: ${message}`,
    hint,
  };
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
      problems.push({ kind: 'duplicate-name', severity: 'error', file: set.file, params: { name: c.name, id: c.id, other, set: set.id }, message: `criteria "${other}" and "${c.id}" of set "${set.id}" have the same name "${c.name}"`, hint: 'A survey column is matched to a criterion by its name: give each criterion its own.' });
    } else names.set(foldKey(c.name), c.id);
    for (const ind of c.indicators) {
      const first = indicators.get(ind.id);
      if (first !== undefined && first !== c.id) {
        problems.push({ kind: 'duplicate-id', severity: 'error', file: set.file, params: { what: 'indicator-elsewhere', id: ind.id, criterion: c.id, other: first, set: set.id }, message: `indicator id "${ind.id}" in criterion "${c.id}" of set "${set.id}" is also in criterion "${first}"`, hint: "An indicator id names one indicator in the whole set; ids follow the decision's numbering." });
      } else indicators.set(ind.id, c.id);
    }
  }
  return problems;
}
