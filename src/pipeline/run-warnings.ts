import type { Plan } from '../engine/evaluate.js';
import type { ReadResult } from '../data/read-survey.js';
import type { CriteriaSet } from '../criteria/types.js';
import type { Problem } from '../problems.js';

const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? 's' : ''}`;

/** A verdict is only as good as its thresholds: which of those behind this run are unverified. */
export function unverifiedThresholds(set: CriteriaSet, plan: Plan, judged: Set<string>): Problem[] {
  const ids = plan.criteria.flatMap(({ indicators }, ci) =>
    indicators.flatMap((p, ii) => {
      const used = p.threshold !== undefined && !p.verified && judged.has(`${ci}.${ii}`);
      return used ? [p.ind.id] : [];
    }),
  );
  if (!ids.length) return [];
  const n = ids.length;
  const document = set.source.document;
  return [
    {
      kind: 'unverified-thresholds',
      severity: 'warning',
      file: set.file,
      params: { count: n, document, indicators: ids.join(', '), set: set.id },
      message:
        `${plural(n, 'threshold')} used here ${n > 1 ? 'are' : 'is'} not verified against the text of ${document}: ` +
        ids.join(', '),
      hint: `\`ntm sets show ${set.id}\` shows each value's source; check them before relying on these verdicts.`,
    },
  ];
}

/** One warning per reason, not per indicator: a partly sourced set would otherwise flood the screen. */
export function unjudgedIndicators(set: CriteriaSet, plan: Plan): Problem[] {
  const byReason = new Map<string, { why: Plan['unjudged'][number]['why']; ids: string[] }>();
  for (const u of plan.unjudged) {
    const group = byReason.get(u.reason) ?? { why: u.why, ids: [] };
    group.ids.push(u.indicator);
    byReason.set(u.reason, group);
  }
  return [...byReason].map(([reason, { why, ids }]) => ({
    kind: 'unjudged-indicator',
    severity: 'warning',
    file: set.file,
    params: { ...why, count: ids.length, set: set.id, indicators: ids.join(', '), reason },
    message: `${plural(ids.length, 'indicator')} of "${set.id}" cannot be judged (${reason}): ${ids.join(', ')}`,
    hint: 'Their criteria cannot be declared met from values; a criterion mark column (Đạt / Không đạt) decides them.',
  }));
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
    {
      kind: 'missing-column',
      severity,
      file,
      sheet: read.sheet,
      params: { count: names.length, names: names.join('; ') },
      message: `no column for ${names.length} criteria/indicators, so no data for every unit: ${names.join('; ')}`,
      hint: 'Surveys are often partial; units cannot be declared as meeting the standard without these.',
    },
  ];
}
