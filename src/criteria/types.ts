import type { Comparison, CriteriaSetFile, IndicatorType, Level, ThresholdSpec } from './schema.js';

/** A part-count rule: all parts, any part, or at least `min` parts. */
export type MeetsRule = 'all' | 'any' | { min: number };

/** An indicator after `extends` is resolved: complete, with where each value came from. */
export interface Indicator {
  id: string;
  name: string;
  nameEn?: string;
  aliases: string[];
  type: IndicatorType;
  unit?: string;
  levels?: string[];
  comparison: Comparison;
  threshold?: ThresholdSpec;
  owner?: string;
  source?: string;
  verified: boolean;
  note?: string;
  fromVillages?: { set: string; criterion: string };
  /** Read only to choose another indicator's threshold; not judged itself. */
  input?: boolean;
  /** The set whose file last set this indicator's threshold. */
  origin: string;
  /** The indicators of other sets that its relative thresholds multiply, by `refKey(set, indicator)`. */
  refs?: Record<string, Indicator>;
}

export interface Criterion {
  id: string;
  name: string;
  nameEn?: string;
  aliases: string[];
  group?: string;
  owner?: string;
  ownerEn?: string;
  meets: MeetsRule;
  source?: string;
  verified: boolean;
  note?: string;
  indicators: Indicator[];
  origin: string;
}

export interface CriteriaSet {
  id: string;
  name: string;
  nameEn?: string;
  level: Level;
  period?: string;
  source: CriteriaSetFile['source'];
  region?: string;
  defaultYear?: number;
  meets: 'all' | { min_criteria: number };
  notes: string[];
  criteria: Criterion[];
  file: string;
  /** This set and the sets it extends, nearest first. */
  chain: string[];
}
