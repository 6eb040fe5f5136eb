import type { Plan } from '../engine/evaluate.js';
import type { ReadResult } from '../data/read-survey.js';
import type { CriteriaSet } from '../criteria/types.js';
import { problem, type Problem } from '../problems.js';

/** A verdict is only as good as its thresholds: which of those behind this run are unverified. */
export function unverifiedThresholds(set: CriteriaSet, plan: Plan, judged: Set<string>): Problem[] {
  const ids = plan.criteria.flatMap(({ indicators }, ci) =>
    indicators.flatMap((p, ii) => {
      const used = p.threshold !== undefined && !p.verified && judged.has(`${ci}.${ii}`);
      return used ? [p.ind.id] : [];
    }),
  );
  if (!ids.length) return [];
  const params = { count: ids.length, document: set.source.document, indicators: ids.join(', '), set: set.id };
  return [problem('unverified-thresholds', params, { severity: 'warning', file: set.file })];
}

/** One warning per reason, not per indicator: a partly sourced set would otherwise flood the screen. */
export function unjudgedIndicators(set: CriteriaSet, plan: Plan): Problem[] {
  const byReason = new Map<string, { why: Plan['unjudged'][number]['why']; ids: string[] }>();
  for (const u of plan.unjudged) {
    const group = byReason.get(u.reason) ?? { why: u.why, ids: [] };
    group.ids.push(u.indicator);
    byReason.set(u.reason, group);
  }
  return [...byReason].map(([reason, { why, ids }]) => {
    const params = { ...why, count: ids.length, set: set.id, indicators: ids.join(', '), reason };
    return problem('unjudged-indicator', params, { severity: 'warning', file: set.file });
  });
}

/** The criteria and indicators a file has no column for (a warning when evaluating, an error for validate). */
export function missingColumns(read: ReadResult, file: string, severity: Problem['severity'] = 'warning'): Problem[] {
  if (read.missing.length === 0) return [];
  const names = read.missing.map(({ criterion, indicator }) => {
    const c = read.set.criteria[criterion]!;
    if (indicator === undefined) return `${c.id} ${c.name}`;
    return `${c.indicators[indicator]!.id} ${c.indicators[indicator]!.name}`;
  });
  return [
    problem('missing-column', { count: names.length, names: names.join('; ') }, { severity, file, sheet: read.sheet }),
  ];
}
