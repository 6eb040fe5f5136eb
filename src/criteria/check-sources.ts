import { problem, type Problem } from '../problems.js';
import type { LocateIndicator } from './check-set.js';
import type { SetFile } from './resolve.js';
import { thresholdLeaves } from './threshold.js';
import type { CriteriaSet } from './types.js';

/**
 * Thresholds that cite nothing. A value is sourced by a `source` on the value itself, or on the
 * indicator or criterion as written in the file that set the value: a set that changes an
 * inherited threshold must cite its own decision, not keep the parent's citation (which the
 * resolved indicator inherits). The set's own `source` is not counted: every set has one (the
 * schema requires it), so it would make every threshold sourced.
 */
export function unsourcedThresholds(
  set: CriteriaSet,
  fileOf: (id: string) => SetFile | undefined,
  locate: LocateIndicator,
): Problem[] {
  const problems: Problem[] = [];
  for (const c of set.criteria) {
    for (const ind of c.indicators) {
      if (ind.threshold === undefined) continue;
      const spec = fileOf(ind.origin)?.spec;
      const critSpec = spec?.criteria.find((s) => s.id === c.id);
      const indSpec = critSpec?.indicators?.find((s) => s.id === ind.id);
      // The origin file may change only `verified` or `source`; the value then comes from the parent, sourced there.
      const cited = indSpec && 'threshold' in indSpec ? (indSpec.source ?? critSpec?.source) : (ind.source ?? c.source);
      if (cited) continue;
      const bare = thresholdLeaves(ind.threshold).filter((leaf) => !leaf.source);
      if (bare.length === 0) continue;
      const where = bare
        .map((l) => l.path.join(' '))
        .filter(Boolean)
        .join(', ');
      const at = locate(c, ind, ['threshold']);
      const params = { set: ind.origin, indicator: ind.id, where: where || undefined };
      problems.push(problem('unsourced-threshold', params, { ...at, file: at.file ?? set.file }));
    }
  }
  return problems;
}
