import type { Gap, SetRef, UnitResult } from '../engine/types.js';
import { t, type Lang } from '../i18n/messages.js';
import { formatRequirement, formatShortfall, formatValue } from './format-values.js';

/** The cells of one gap as every tabular report shows them. */
export interface GapCells {
  criterion: string;
  indicator: string;
  value: string;
  required: string;
  shortfall: string;
  owner: string;
  /** What an unmet verdict rests on (verified value, secondary source, mark); empty for no data. */
  basis: string;
}

const BASIS_KEY = { verified: 'basisVerifiedShort', secondary: 'basisSecondaryShort', mark: 'basisMarkShort' } as const;

export function gapCells(g: Gap, lang: Lang): GapCells {
  const ind = {
    type: g.type ?? 'number',
    unit: g.unit === '%' ? undefined : g.unit,
    comparison: g.comparison ?? '>=',
  } as const;
  const value =
    g.reason === 'no-threshold'
      ? `${formatValue(ind, g.value, lang)} (${t(lang, 'noThresholdShort')})`.trim()
      : g.kind === 'no-data'
        ? `(${t(lang, 'noData')})`
        : g.indicator
          ? formatValue(ind, g.value, lang)
          : t(lang, 'notMet');
  const basis = g.basis ? t(lang, BASIS_KEY[g.basis]) : '';
  const requirement =
    g.required === null ? (g.indicator ? '' : t(lang, 'met')) : formatRequirement(ind, g.required, lang);
  return {
    criterion: `${g.criterion}. ${g.name}`,
    indicator: g.indicator ? `${g.indicator} ${g.indicatorName ?? ''}`.trim() : '',
    value,
    // The requirement says what it rests on, so that every format shows it beside the value: a
    // secondary source keeps the "*" the reports explain as unverified; a bare "Đạt" is the mark.
    required:
      !requirement || !g.basis || g.required === null
        ? requirement
        : g.basis === 'secondary'
          ? `${requirement} *`
          : `${requirement} (${basis})`,
    shortfall: g.kind === 'unmet' ? formatShortfall(ind, g.shortfall, lang) : '',
    owner: g.owner ?? '',
    basis,
  };
}

export function statusLabel(u: Pick<UnitResult, 'status'>, lang: Lang): string {
  return t(lang, u.status === 'meets' ? 'statusMeets' : u.status === 'fails' ? 'statusFails' : 'statusIncomplete');
}

/** The criteria a unit still misses, in the set's order, with the criterion's owner. */
export function missingCriteria(
  u: UnitResult,
  set: SetRef,
): { id: string; name: string; owner?: string; kind: Gap['kind'] }[] {
  return set.criteria.flatMap((c, i) => {
    const s = u.criteria[i];
    return s === 'met'
      ? []
      : [{ id: c.id, name: c.name, owner: c.owner, kind: s === 'unmet' ? ('unmet' as const) : ('no-data' as const) }];
  });
}
