import type { ThresholdValue } from '../criteria/threshold.js';
import type { Indicator } from '../criteria/types.js';
import type { IndicatorValue } from '../data/parse-value.js';

export interface Verdict {
  met: boolean;
  /** How far the value is from the threshold, in the indicator's unit; null where distance means nothing (yes/no). */
  shortfall: number | null;
}

const EPS = 1e-9;
/** A shortfall without float noise (80.1 - 80 is 0.09999…), yet never 0 for an unmet value. */
const tidy = (n: number) => Math.round(n * 1e6) / 1e6 || n;

/** Judges one value against one threshold. Pure; the comparison is the set's, never guessed. */
export function judge(
  ind: Pick<Indicator, 'type' | 'comparison' | 'levels'>,
  threshold: ThresholdValue,
  value: IndicatorValue,
): Verdict {
  if (ind.type === 'level') return judgeLevel(ind.levels ?? [], ind.comparison, threshold as string, value as string);
  if (typeof threshold === 'boolean' || typeof value === 'boolean') {
    const met = value === threshold;
    return { met, shortfall: null };
  }
  const v = value as number;
  switch (ind.comparison) {
    case '>=': {
      const t = threshold as number;
      return v >= t - EPS ? { met: true, shortfall: 0 } : { met: false, shortfall: tidy(t - v) };
    }
    case '<=': {
      const t = threshold as number;
      return v <= t + EPS ? { met: true, shortfall: 0 } : { met: false, shortfall: tidy(v - t) };
    }
    case '==': {
      const t = threshold as number;
      const d = Math.abs(v - t);
      return d <= EPS ? { met: true, shortfall: 0 } : { met: false, shortfall: tidy(d) };
    }
    case 'between': {
      const [lo, hi] = threshold as [number, number];
      if (v < lo - EPS) return { met: false, shortfall: tidy(lo - v) };
      if (v > hi + EPS) return { met: false, shortfall: tidy(v - hi) };
      return { met: true, shortfall: 0 };
    }
  }
}

function judgeLevel(levels: string[], comparison: Indicator['comparison'], threshold: string, value: string): Verdict {
  const t = levels.indexOf(threshold);
  const v = levels.indexOf(value);
  const met = comparison === '>=' ? v >= t : comparison === '<=' ? v <= t : v === t;
  return { met, shortfall: met ? 0 : Math.abs(t - v) };
}
