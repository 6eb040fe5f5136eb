import type { ThresholdSpec } from './schema.js';
import { regionCode } from './regions.js';
import type { CriteriaSet, Indicator } from './types.js';
import type { ProblemParams } from '../problems.js';

export type ThresholdValue = number | boolean | string | [number, number];

export interface Threshold {
  value: ThresholdValue;
  verified: boolean;
  source?: string;
  note?: string;
  /** How the value was chosen ("TDMNPB", "2020", "nhóm 3"), for `sets show` and reports. */
  chosenBy: string[];
}

export interface Context {
  region?: string;
  year?: number;
  /** The commune group (1, 2, 3) of 51/2025/QĐ-TTg. */
  group?: number;
  /** A row's value of another indicator of the same criterion, for `by_value_of` thresholds. */
  rowValue?: (indicator: string) => unknown;
}

/** The region, year and group a set is judged in: those asked for (a region code), else the set's own. */
export function setContext(set: CriteriaSet, region?: string, year?: number, group?: number): Context {
  const ctx: Context = {
    region: region ?? (set.region ? regionCode(set.region) : undefined),
    year: year ?? set.defaultYear,
  };
  if (group !== undefined) ctx.group = group;
  return ctx;
}

export type Pick = { ok: true; threshold: Threshold } | { ok: false; reason: string; why: ProblemParams };

const no = (reason: string, why: ProblemParams): Pick => ({ ok: false, reason, why });

/** Where a verdict's threshold comes from: the decision's own text, a secondary copy, or none (a mark). */
export type Basis = 'verified' | 'secondary' | 'mark';

/**
 * The threshold an indicator sets for a region, a year and a group; those columns are data. A
 * value that cites no source is not judged: nobody could look it up.
 */
export function pickThreshold(ind: Indicator, ctx: Context): Pick {
  if (ind.threshold === undefined) return no('no threshold in the set', { cause: 'no-threshold' });
  const pick = walk(ind, ind.threshold, ctx, {
    verified: ind.verified,
    source: ind.source,
    note: ind.note,
    chosenBy: [],
  });
  if (pick.ok && !pick.threshold.source) return no('the threshold cites no source', { cause: 'no-source' });
  return pick;
}

function walk(ind: Indicator, spec: ThresholdSpec, ctx: Context, acc: Omit<Threshold, 'value'>): Pick {
  if (typeof spec !== 'object' || Array.isArray(spec)) return { ok: true, threshold: { ...acc, value: spec } };
  if ('value' in spec) {
    const { value, verified, source, note } = spec;
    const threshold = {
      ...acc,
      value,
      verified: verified ?? acc.verified,
      source: source ?? acc.source,
      note: note ?? acc.note,
    };
    return { ok: true, threshold };
  }
  if ('relative_to' in spec) return relative(ind, spec, ctx, acc);
  if ('by_region' in spec) {
    const keys = Object.keys(spec.by_region).join(', ');
    if (!ctx.region)
      return no(`depends on the region (${keys}): give --region`, { cause: 'needs-region', regions: keys });
    const key = Object.keys(spec.by_region).find((k) => regionCode(k) === ctx.region);
    if (!key) return no(`has no value for region ${ctx.region}`, { cause: 'no-region-value', region: ctx.region });
    return walk(ind, spec.by_region[key]!, ctx, { ...acc, chosenBy: [...acc.chosenBy, ctx.region] });
  }
  if ('by_value_of' in spec) return byValueOf(ind, spec.by_value_of, ctx, acc);
  if ('by_group' in spec) {
    const groups = Object.keys(spec.by_group).join(', ');
    if (ctx.group === undefined) {
      return no(`depends on the commune group (${groups}): give --group or a "Nhóm xã" column`, {
        cause: 'needs-group',
        groups,
      });
    }
    const value = spec.by_group[String(ctx.group) as keyof typeof spec.by_group];
    if (value === undefined)
      return no(`has no value for commune group ${ctx.group}`, { cause: 'no-group-value', group: ctx.group });
    return walk(ind, value, ctx, { ...acc, chosenBy: [...acc.chosenBy, `nhóm ${ctx.group}`] });
  }
  const years = Object.keys(spec.by_year)
    .map(Number)
    .sort((a, b) => a - b);
  if (ctx.year === undefined)
    return no(`depends on the year (${years.join(', ')}): give --year`, {
      cause: 'needs-year',
      years: years.join(', '),
    });
  // Thresholds hold from the year they are listed for until the next listed year.
  const year = years.filter((y) => y <= ctx.year!).pop();
  if (year === undefined)
    return no(`has no value for ${ctx.year} (listed from ${years[0]})`, {
      cause: 'no-year-value',
      year: ctx.year,
      first: years[0],
    });
  return walk(ind, spec.by_year[String(year)]!, ctx, { ...acc, chosenBy: [...acc.chosenBy, String(year)] });
}

type ByValueOf = Extract<ThresholdSpec, { by_value_of: unknown }>['by_value_of'];

/** The value that holds from the highest listed value at or below the row's value of another indicator. */
function byValueOf(ind: Indicator, spec: ByValueOf, ctx: Context, acc: Omit<Threshold, 'value'>): Pick {
  if (!ctx.rowValue)
    return no(`depends on each row's ${spec.indicator}`, { cause: 'per-row', indicator: spec.indicator });
  const v = ctx.rowValue(spec.indicator);
  if (typeof v !== 'number')
    return no(`depends on ${spec.indicator}, not given`, { cause: 'needs-value', indicator: spec.indicator });
  const from = Object.keys(spec.from)
    .map(Number)
    .sort((a, b) => a - b)
    .filter((k) => k <= v)
    .pop();
  if (from === undefined)
    return no(`has no value for ${spec.indicator} = ${v}`, { cause: 'needs-value', indicator: spec.indicator });
  const key = Object.keys(spec.from).find((k) => Number(k) === from)!;
  return walk(ind, spec.from[key]!, ctx, { ...acc, chosenBy: [...acc.chosenBy, `${spec.indicator} ≥ ${key}`] });
}

type RelativeSpec = Extract<ThresholdSpec, { relative_to: unknown }>;

/** A multiple of another set's threshold, picked in the same context; as verified as both are. */
function relative(ind: Indicator, spec: RelativeSpec, ctx: Context, acc: Omit<Threshold, 'value'>): Pick {
  const { set, indicator } = spec.relative_to;
  const base = ind.refs?.[refKey(set, indicator)];
  if (!base)
    return no(`refers to indicator ${indicator} of set ${set}, not loaded`, { cause: 'no-base', set, indicator });
  const pick = pickThreshold(base, ctx);
  if (!pick.ok)
    return no(`is ${spec.factor} × indicator ${indicator} of ${set}, which has no usable threshold (${pick.reason})`, {
      cause: 'base-unjudged',
      set,
      indicator,
      base: pick.reason,
    });
  const v = pick.threshold.value;
  if (typeof v !== 'number')
    return no(`is ${spec.factor} × indicator ${indicator} of ${set}, which is not a number`, {
      cause: 'base-unjudged',
      set,
      indicator,
      base: String(v),
    });
  const own = spec.source ?? acc.source;
  return {
    ok: true,
    threshold: {
      value: Math.round(v * spec.factor * 1e6) / 1e6,
      verified: (spec.verified ?? acc.verified) && pick.threshold.verified,
      source:
        own && pick.threshold.source
          ? `${own}; × ${spec.factor} of ${set} ${indicator}: ${pick.threshold.source}`
          : undefined,
      note: spec.note ?? acc.note,
      chosenBy: [...acc.chosenBy, ...pick.threshold.chosenBy],
    },
  };
}

/** The key under which an indicator keeps the indicators its relative thresholds refer to. */
export const refKey = (set: string, indicator: string): string => `${set}#${indicator}`;

/** A threshold leaf: a value, or a multiple of another set's indicator. */
export interface Leaf {
  path: string[];
  value?: ThresholdValue;
  relative?: { set: string; indicator: string; factor: number };
  verified?: boolean;
  source?: string;
  note?: string;
}

/** Every leaf of a threshold spec with the path of choices leading to it, for validation and display. */
export function thresholdLeaves(spec: ThresholdSpec, path: string[] = []): Leaf[] {
  if (typeof spec !== 'object' || Array.isArray(spec)) return [{ path, value: spec }];
  if ('value' in spec)
    return [{ path, value: spec.value, verified: spec.verified, source: spec.source, note: spec.note }];
  if ('relative_to' in spec) {
    const { relative_to: r, factor, verified, source, note } = spec;
    return [{ path, relative: { set: r.set, indicator: r.indicator, factor }, verified, source, note }];
  }
  if ('by_value_of' in spec) {
    const { indicator, from } = spec.by_value_of;
    return Object.entries(from).flatMap(([k, v]) => thresholdLeaves(v, [...path, `${indicator} ≥ ${k}`]));
  }
  if ('by_group' in spec) {
    return Object.entries(spec.by_group).flatMap(([k, v]) =>
      v === undefined ? [] : thresholdLeaves(v, [...path, `nhóm ${k}`]),
    );
  }
  const map = 'by_region' in spec ? spec.by_region : spec.by_year;
  return Object.entries(map).flatMap(([k, v]) => thresholdLeaves(v, [...path, k]));
}

/** Relative thresholds' targets in a spec, for resolving them when the set is loaded. */
export function relativeTargets(spec: ThresholdSpec): { set: string; indicator: string }[] {
  return thresholdLeaves(spec).flatMap((l) => (l.relative ? [l.relative] : []));
}
