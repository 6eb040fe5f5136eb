import { fail, InputError, problem, type Problem } from '../problems.js';
import { closest } from '../text/closest.js';
import type { CriteriaSetFile, CriterionSpec, IndicatorSpec } from './schema.js';
import { refKey, relativeTargets } from './threshold.js';
import type { CriteriaSet, Criterion, Indicator, MeetsRule } from './types.js';

/** The set files known by id. */
export interface SetFiles {
  get(id: string): SetFile | undefined;
  keys(): Iterable<string>;
  /** Line and column of a key in a set file, for messages (empty when unknown). */
  locate(file: string, path: (string | number)[]): { line?: number; column?: number };
}

export interface SetFile {
  file: string;
  spec: CriteriaSetFile;
}

/**
 * Resolves `extends`: a set is its parent's criteria with the child's changes laid over them,
 * matched by id (fields replaced, `drop: true` removes, new ids are appended).
 */
export function resolveSet(id: string, files: SetFiles, seen: string[] = []): CriteriaSet {
  const entry = files.get(id);
  if (!entry) return fail('unknown-set', { id });
  const { spec, file } = entry;
  if (seen.includes(id)) {
    // Named at the "extends" that closes the cycle, in the file of the set that leads back.
    const last = files.get(seen[seen.length - 1]!)!;
    const chain = [...seen, id].join(' → ');
    return fail('extends-cycle', { chain }, { file: last.file, ...files.locate(last.file, ['extends']) });
  }

  let base: CriteriaSet | undefined;
  if (spec.extends) {
    if (!files.get(spec.extends)) {
      const guess = closest(spec.extends, [...files.keys()]);
      return fail(
        'extends-missing',
        { set: id, parent: spec.extends, guess },
        { file, ...files.locate(file, ['extends']) },
      );
    }
    base = resolveSet(spec.extends, files, [...seen, id]);
  }

  const problems: Problem[] = [];
  const criteria = base ? base.criteria.map((c) => ({ ...c, indicators: [...c.indicators] })) : [];
  // Ids twice in one file were refused when it was parsed (load-yaml.ts), with their lines.
  spec.criteria.forEach((c, index) => {
    const at = criteria.findIndex((b) => b.id === c.id);
    if (c.drop) {
      if (at >= 0) criteria.splice(at, 1);
      return;
    }
    const where: Where = (tail) => ({ file, ...files.locate(file, ['criteria', index, ...tail]) });
    const merged = mergeCriterion(at >= 0 ? criteria[at] : undefined, c, id, where, problems);
    if (merged) {
      if (at >= 0) criteria[at] = merged;
      else criteria.push(merged);
    }
  });
  if (problems.length) throw new InputError(problems);
  linkRelative(id, criteria, files, [...seen, id], file);

  return {
    id,
    name: spec.name,
    nameEn: spec.name_en,
    level: spec.level,
    period: spec.period ?? base?.period,
    source: spec.source,
    region: spec.region ?? base?.region,
    defaultYear: spec.default_year ?? base?.defaultYear,
    meets: spec.meets ?? base?.meets ?? 'all',
    notes: [...(spec.notes ?? [])],
    criteria,
    file,
    chain: [id, ...(base?.chain ?? [])],
  };
}

/** The file and position of a key under the criterion being merged, for its problems. */
type Where = (tail: (string | number)[]) => { file: string; line?: number; column?: number };

function mergeCriterion(
  base: Criterion | undefined,
  c: CriterionSpec,
  setId: string,
  where: Where,
  problems: Problem[],
): Criterion | undefined {
  const name = c.name ?? base?.name;
  if (!name) {
    problems.push(problem('missing-name', { criterion: c.id }, where(['id'])));
    return undefined;
  }
  const indicators = base ? [...base.indicators] : [];
  (c.indicators ?? []).forEach((i, index) => {
    const at = indicators.findIndex((b) => b.id === i.id);
    if (i.drop) {
      if (at >= 0) indicators.splice(at, 1);
      return;
    }
    const inner: Where = (tail) => where(['indicators', index, ...tail]);
    const merged = mergeIndicator(at >= 0 ? indicators[at] : undefined, i, c, setId, inner, problems);
    if (merged) {
      if (at >= 0) indicators[at] = merged;
      else indicators.push(merged);
    }
  });
  const changed = base === undefined || ['name', 'owner', 'meets', 'source', 'verified'].some((k) => k in c);
  return {
    id: c.id,
    name,
    nameEn: c.name_en ?? base?.nameEn,
    aliases: [...(base?.aliases ?? []), ...(c.aliases ?? [])],
    group: c.group ?? base?.group,
    owner: c.owner ?? base?.owner,
    ownerEn: c.owner_en ?? base?.ownerEn,
    meets: (c.meets as MeetsRule | undefined) ?? base?.meets ?? 'all',
    source: c.source ?? base?.source,
    verified: c.verified ?? base?.verified ?? false,
    note: c.note ?? base?.note,
    indicators,
    origin: changed ? setId : base!.origin,
  };
}

type IndicatorPatch = Partial<IndicatorSpec> & { id: string };

function mergeIndicator(
  base: Indicator | undefined,
  i: IndicatorPatch,
  c: CriterionSpec,
  setId: string,
  where: Where,
  problems: Problem[],
): Indicator | undefined {
  const name = i.name ?? base?.name;
  const type = i.type ?? base?.type;
  if (!name || !type) {
    const field = !name ? 'name' : 'type';
    problems.push(problem('incomplete-indicator', { indicator: i.id, criterion: c.id, field }, where(['id'])));
    return undefined;
  }
  const levels = i.levels ?? base?.levels;
  if (type === 'level' && !levels) {
    problems.push(problem('missing-levels', { indicator: i.id, criterion: c.id }, where(['type'])));
  }
  const comparison = i.comparison ?? base?.comparison ?? (type === 'boolean' || type === 'pass' ? '==' : '>=');
  const thresholdChanged = base === undefined || 'threshold' in i || 'verified' in i || 'source' in i;
  return {
    id: i.id,
    name,
    nameEn: i.name_en ?? base?.nameEn,
    aliases: [...(base?.aliases ?? []), ...(i.aliases ?? [])],
    type,
    unit: i.unit ?? base?.unit,
    levels,
    comparison,
    threshold: 'threshold' in i ? i.threshold : base?.threshold,
    owner: i.owner ?? base?.owner,
    source: i.source ?? base?.source,
    verified: i.verified ?? (thresholdChanged ? false : base!.verified),
    note: i.note ?? (thresholdChanged ? undefined : base?.note),
    fromVillages: i.from_villages ?? base?.fromVillages,
    input: i.input ?? base?.input,
    origin: thresholdChanged ? setId : base!.origin,
  };
}

/**
 * Gives each indicator with a relative threshold the indicators it refers to, from their own sets
 * resolved here: a set that names a missing set or indicator is refused when it loads.
 */
function linkRelative(id: string, criteria: Criterion[], files: SetFiles, seen: string[], file: string): void {
  const problems: Problem[] = [];
  for (const c of criteria) {
    for (const [ii, ind] of c.indicators.entries()) {
      if (ind.threshold === undefined) continue;
      const targets = relativeTargets(ind.threshold);
      if (targets.length === 0) continue;
      const refs: Record<string, Indicator> = {};
      for (const t of targets) {
        const known = t.set !== id && !seen.includes(t.set) && files.get(t.set);
        const base = known
          ? resolveSet(t.set, files, seen)
              .criteria.flatMap((b) => b.indicators)
              .find((b) => b.id === t.indicator)
          : undefined;
        if (base) refs[refKey(t.set, t.indicator)] = base;
        else {
          const params = {
            set: id,
            indicator: ind.id,
            issue: 'relative',
            target: t.set,
            targetIndicator: t.indicator,
            case: known ? 'no-indicator' : 'no-set',
          };
          problems.push(problem('criteria-set-threshold', params, { file }));
        }
      }
      c.indicators[ii] = { ...ind, refs };
    }
  }
  if (problems.length) throw new InputError(problems);
}
