import type { ProgressParts } from '../engine/types.js';

/**
 * The keys --baseline, --targets and --by parent add to the JSON report (scripts rely on these
 * names): `progress`, `targets` with `plan` and `targetsNotEvaluated`, `byParent`.
 */
export function progressJson(ev: ProgressParts): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (ev.progress) {
    const { baseline, units, likely, totals } = ev.progress;
    out.progress = { baseline, units, likely, totals };
  }
  if (ev.targets) {
    const { plan, file, results, skipped } = ev.targets;
    out.plan = { ...plan, targetsFile: file };
    out.targets = results.map(({ label, source, comparison, target, actual, lastYear, met, shortfall, reason }) => ({
      label,
      source,
      comparison,
      target,
      actual,
      lastYear,
      met,
      shortfall,
      ...(reason ? { reason } : {}),
    }));
    out.targetsNotEvaluated = skipped;
  }
  if (ev.byParent) out.byParent = ev.byParent;
  return out;
}
