import type { Basis, ThresholdValue } from '../criteria/threshold.js';
import type { Comparison, IndicatorType } from '../criteria/schema.js';
import type { IndicatorValue } from '../data/parse-value.js';
import type { Band } from './bands.js';
import type { Progress } from './progress.js';
import type { ParentRollup } from './rollup.js';
import type { TargetsEvaluation } from './targets.js';

export type CriterionStatus = 'met' | 'unmet' | 'no-data';
export type UnitStatus = 'meets' | 'fails' | 'incomplete';

/** Something still missing for a unit: an unmet criterion or indicator, or data not given. */
export interface Gap {
  criterion: string;
  name: string;
  indicator?: string;
  indicatorName?: string;
  kind: 'unmet' | 'no-data';
  value: IndicatorValue | null;
  required: ThresholdValue | null;
  comparison?: Comparison;
  type?: IndicatorType;
  unit?: string;
  shortfall: number | null;
  owner?: string;
  /** Whether the threshold behind this gap was checked against the decision text. */
  verified?: boolean;
  /** What an unmet verdict rests on: a verified value, a secondary copy's value, or a mark. */
  basis?: Basis;
  /** Why a no-data gap has no verdict when a value was given: the set has no sourced threshold. */
  reason?: 'no-threshold';
}

export interface UnitResult {
  file: string;
  line: number;
  name: string;
  parent: string;
  status: UnitStatus;
  meets: boolean;
  met: number;
  total: number;
  /** One status per criterion, in the set's order (the annex columns). */
  criteria: CriterionStatus[];
  /** Per criterion, what its verdict rests on; null where there is no verdict (no data). */
  bases: (Basis | null)[];
  /** The commune group the unit was judged in (51/2025/QĐ-TTg), when one was given. */
  group?: number;
  gaps: Gap[];
  /** Numeric values of the indicators a run asked to keep (targets on an indicator), by indicator id. */
  values?: Record<string, number>;
  /** With several sets (--set A,B,…): the highest level reached and what the next asks. */
  levels?: UnitLevels;
}

/** A unit judged against several sets in order (NTM, advanced, model). */
export interface UnitLevels {
  /** The id of the last set met together with every set before it; null when the first is not met. */
  reached: string | null;
  /** The verdict under each set, in order (status "incomplete", 0/0, where a set's reading had no such row). */
  sets: { set: string; status: UnitStatus; met: number; total: number }[];
  /** The first set not met; its gaps, except for the first set (the unit's own gaps are its). */
  next: { set: string; gaps?: Gap[] } | null;
}

export interface Summary {
  units: number;
  meeting: number;
  incomplete: number;
  averageMet: number;
  /** Criterion verdicts (met or not) by what they rest on. */
  bases: Record<Basis, number>;
  /** Criteria by how many units miss them, most first. */
  mostMissed: { criterion: string; name: string; units: number }[];
  /** Units by criteria met, in the bands offices report (19 | 15–18 | 10–14 | 5–9 | under 5 for 19). */
  bands: Band[];
  /** Per criterion in the set's order: the units meeting it and their share (%) of all units. */
  criteriaMet: { criterion: string; name: string; units: number; share: number }[];
  /** With several sets (--set A,B,…): units by the highest level reached (`set: null`: none). */
  levels?: { set: string | null; units: number }[];
}

/** What --baseline, --targets and --by parent add to the end of a run. */
export interface ProgressParts {
  /** With --baseline: each unit against last year, and the change in the totals. */
  progress?: Progress;
  /** With --by parent: per parent, units, units meeting, average and criteria most missed. */
  byParent?: ParentRollup[];
  /** With --targets: each target of the plan, judged. */
  targets?: TargetsReport;
}

/** The targets of a plan as a run judged them. */
export interface TargetsReport extends TargetsEvaluation {
  plan: { document: string; issuer: string; year: number; file?: string };
  /** The targets file, as reports name it. */
  file: string;
}

export interface SetRef {
  id: string;
  name: string;
  level: 'thon' | 'xa' | 'huyen';
  document: string;
  date: string;
  criteria: { id: string; name: string; owner?: string }[];
}

export interface FileEvaluation {
  file: string;
  units: number;
  summary: Summary;
  /** How many errors kept this file out of the report (its units are not counted). */
  errors?: number;
}
