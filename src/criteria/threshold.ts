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
  /** How the value was chosen ("TDMNPB", "2020"), for `sets show` and reports. */
  chosenBy: string[];
}

export interface Context {
  region?: string;
  year?: number;
}

/** The region and year a set is judged in: those asked for (a region code), else the set's own. */
export function setContext(set: CriteriaSet, region?: string, year?: number): Context {
  return { region: region ?? (set.region ? regionCode(set.region) : undefined), year: year ?? set.defaultYear };
}

export type Pick = { ok: true; threshold: Threshold } | { ok: false; reason: string; why: ProblemParams };

/** The threshold an indicator sets for a region and a year; region and year columns are data. */
export function pickThreshold(ind: Indicator, ctx: Context): Pick {
  if (ind.threshold === undefined) return { ok: false, reason: 'no threshold in the set', why: { cause: 'no-threshold' } };
  return walk(ind.threshold, ctx, { verified: ind.verified, source: ind.source, note: ind.note, chosenBy: [] });
}

function walk(spec: ThresholdSpec, ctx: Context, acc: Omit<Threshold, 'value'>): Pick {
  if (typeof spec !== 'object' || Array.isArray(spec)) return { ok: true, threshold: { ...acc, value: spec } };
  if ('value' in spec) {
    return {
      ok: true,
      threshold: {
        value: spec.value,
        verified: spec.verified ?? acc.verified,
        source: spec.source ?? acc.source,
        note: spec.note ?? acc.note,
        chosenBy: acc.chosenBy,
      },
    };
  }
  if ('by_region' in spec) {
    if (!ctx.region) return { ok: false, reason: `depends on the region (${Object.keys(spec.by_region).join(', ')}): give --region`, why: { cause: 'needs-region', regions: Object.keys(spec.by_region).join(', ') } };
    const key = Object.keys(spec.by_region).find((k) => regionCode(k) === ctx.region);
    if (!key) return { ok: false, reason: `has no value for region ${ctx.region}`, why: { cause: 'no-region-value', region: ctx.region } };
    return walk(spec.by_region[key]!, ctx, { ...acc, chosenBy: [...acc.chosenBy, ctx.region] });
  }
  const years = Object.keys(spec.by_year).map(Number).sort((a, b) => a - b);
  if (ctx.year === undefined) return { ok: false, reason: `depends on the year (${years.join(', ')}): give --year`, why: { cause: 'needs-year', years: years.join(', ') } };
  // Thresholds hold from the year they are listed for until the next listed year.
  const year = years.filter((y) => y <= ctx.year!).pop();
  if (year === undefined) return { ok: false, reason: `has no value for ${ctx.year} (listed from ${years[0]})`, why: { cause: 'no-year-value', year: ctx.year, first: years[0] } };
  return walk(spec.by_year[String(year)]!, ctx, { ...acc, chosenBy: [...acc.chosenBy, String(year)] });
}

/** Every leaf of a threshold spec with the path of choices leading to it, for validation and display. */
export function thresholdLeaves(spec: ThresholdSpec, path: string[] = []): { path: string[]; value: ThresholdValue; verified?: boolean; source?: string; note?: string }[] {
  if (typeof spec !== 'object' || Array.isArray(spec)) return [{ path, value: spec }];
  if ('value' in spec) return [{ path, value: spec.value, verified: spec.verified, source: spec.source, note: spec.note }];
  const map = 'by_region' in spec ? spec.by_region : spec.by_year;
  return Object.entries(map).flatMap(([k, v]) => thresholdLeaves(v, [...path, k]));
}
