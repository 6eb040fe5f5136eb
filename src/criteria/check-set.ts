import type { Problem, ProblemParams } from '../problems.js';
import { foldKey } from '../text/normalize.js';
import { regionCode, regionList } from './regions.js';
import type { ThresholdSpec } from './schema.js';
import { thresholdLeaves, type ThresholdValue } from './threshold.js';
import type { CriteriaSet, Indicator } from './types.js';

type Locate = (file: string, path: string[]) => { line?: number; column?: number };

/**
 * Checks what the schema cannot, on the set as resolved (extends may add or drop criteria): each
 * threshold fits its indicator's type and comparison, and `min_criteria` can be reached.
 */
export function checkSet(set: CriteriaSet, locate: Locate = () => ({})): Problem[] {
  const problems: Problem[] = [];
  if (set.meets !== 'all' && set.meets.min_criteria > set.criteria.length) {
    const { min_criteria: min } = set.meets;
    const count = set.criteria.length;
    problems.push({ kind: 'min-criteria', severity: 'error', file: set.file, ...locate(set.file, ['meets', 'min_criteria']), params: { set: set.id, min, count }, message: `set "${set.id}" requires at least ${min} criteria met but has only ${count}`, hint: 'Correct min_criteria from the decision: no unit could ever reach it.' });
  }  problems.push(...clashes(set));

  for (const c of set.criteria) {
    for (const ind of c.indicators) {
      if (ind.threshold === undefined) continue;
      for (const p of regionKeys(ind.threshold)) {
        problems.push(problem(set, ind, `region "${p}" is not a region code`, { issue: 'region', region: p, regions: regionList() }, `Use one of ${regionList()}.`));
      }
      for (const leaf of thresholdLeaves(ind.threshold)) {
        const wrong = leafError(ind, leaf.value);
        if (wrong) {
          const where = leaf.path.length ? leaf.path.join(', ') : undefined;
          problems.push(problem(set, ind, `threshold ${JSON.stringify(leaf.value)}${where ? ` (${where})` : ''} ${wrong.text}`, { ...wrong.params, value: JSON.stringify(leaf.value), where }));
        }
      }
    }
  }
  return problems;
}

function leafError(ind: Indicator, v: ThresholdValue): { text: string; params: ProblemParams } | undefined {
  const wrong = (issue: string, text: string, more: ProblemParams = {}) => ({ text, params: { issue, ...more } });
  if (ind.comparison === 'between') return Array.isArray(v) && v[0] <= v[1] ? undefined : wrong('between', 'must be [low, high] for "between"');
  if (Array.isArray(v)) return wrong('range', 'is a range, which only "between" takes');
  switch (ind.type) {
    case 'boolean':
    case 'pass':
      return typeof v === 'boolean' ? undefined : wrong('boolean', 'must be true or false');
    case 'level':
      return typeof v === 'string' && ind.levels?.includes(v) ? undefined : wrong('level', `must be one of the levels (${ind.levels?.join(', ')})`, { levels: ind.levels?.join(', ') });
    default:
      return typeof v === 'number' ? undefined : wrong('number', `must be a number (type ${ind.type})`, { type: ind.type });
  }
}

function regionKeys(spec: ThresholdSpec): string[] {
  if (typeof spec !== 'object' || Array.isArray(spec) || 'value' in spec) return [];
  if ('by_region' in spec) {
    return Object.entries(spec.by_region).flatMap(([k, v]) => [...(regionCode(k) ? [] : [k]), ...regionKeys(v)]);
  }
  return Object.values(spec.by_year).flatMap(regionKeys);
}

const problem = (set: CriteriaSet, ind: Indicator, message: string, params: ProblemParams, hint?: string): Problem => ({
  kind: 'criteria-set-threshold',
  severity: 'error',
  file: set.file,
  params: { set: set.id, indicator: ind.id, ...params },
  message: `set "${set.id}", indicator ${ind.id}: ${message}`,
  hint,
});

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
