import type { TargetResult } from '../engine/targets.js';
import type { ProgressParts, SetRef, Summary } from '../engine/types.js';
import { t, type Lang } from '../i18n/messages.js';
import { formatNumber } from './format-values.js';
import { unitNames } from './labels.js';

/**
 * A table any format can draw: a title, a header and rows; `notes` go under it. Numbers stay
 * numbers (the workbook keeps them so; text formats write them with `formatNumber`).
 */
export interface SectionTable {
  id: string;
  title: string;
  head: string[];
  rows: (string | number)[][];
  notes: string[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** A run's head and tail together, as far as these tables need them. */
type Run = ProgressParts & { set: SetRef; summary: Summary; levels?: { id: string; name: string }[] };

/** The sections --baseline, --targets and --by parent add, as plain tables each format draws its own way. */
export function progressSections(ev: Run, lang: Lang): SectionTable[] {
  return [levelsTable(ev, lang), targetsTable(ev, lang), progressTable(ev, lang), parentTable(ev, lang)].filter(
    (s): s is SectionTable => s !== undefined,
  );
}

/** The official summary every report has: units by band of criteria met, the share meeting each criterion. */
export const officialSummary = (ev: Run, lang: Lang): SectionTable[] => [bandsTable(ev, lang), shareTable(ev, lang)];

export function bandsTable(ev: Run, lang: Lang): SectionTable {
  const rows = ev.summary.bands.map((b) => [bandLabel(b, lang), b.units]);
  return { id: 'bands', title: t(lang, 'bandsTitle'), head: [t(lang, 'band'), t(lang, 'unitsCount')], rows, notes: [] };
}

export const bandLabel = (b: { from: number; to: number }, lang: Lang): string =>
  b.from === b.to ? String(b.from) : b.from === 0 ? `${t(lang, 'bandUnder')} ${b.to + 1}` : `${b.from}–${b.to}`;

export function shareTable(ev: Run, lang: Lang): SectionTable {
  const rows = ev.summary.criteriaMet.map((c) => [`${c.criterion}. ${c.name}`, c.units, c.share]);
  return {
    id: 'share',
    title: t(lang, 'shareTitle'),
    head: [t(lang, 'criterion'), t(lang, 'unitsMeetingIt'), t(lang, 'share')],
    rows,
    notes: [],
  };
}

/** With several sets (--set A,B,…): units by the highest level reached, in the sets' order. */
export function levelsTable(ev: Run, lang: Lang): SectionTable | undefined {
  const counts = ev.summary.levels;
  if (!counts) return undefined;
  const rows = counts.map((c) => [levelName(ev, c.set, lang), c.units]);
  return {
    id: 'levels',
    title: t(lang, 'levelsTitle'),
    head: [t(lang, 'levelReached'), t(lang, 'unitsCount')],
    rows,
    notes: [],
  };
}

/** A level as reports name it: the set's id and name, or "none". */
export function levelName(ev: Pick<Run, 'levels'>, set: string | null, lang: Lang): string {
  if (set === null) return t(lang, 'levelNone');
  const ref = ev.levels?.find((l) => l.id === set);
  return ref ? `${ref.id} — ${ref.name}` : set;
}

/** The table offices report in: same period last year | plan | achieved | % of plan. */
export function targetsTable(ev: Run, lang: Lang): SectionTable | undefined {
  const tg = ev.targets;
  if (!tg) return undefined;
  const n = (v: number | boolean | null) =>
    v === null ? '' : typeof v === 'boolean' ? t(lang, v ? 'met' : 'notMet') : v;
  const rows = tg.results.map((r) => {
    const { lastYear, plan, achieved } = columns(r);
    // "% of plan" means something for a count or an average to reach, not for a rate to stay under.
    const percent =
      typeof plan === 'number' && typeof achieved === 'number' && plan > 0 && r.comparison === '>='
        ? round2((achieved / plan) * 100)
        : '';
    return [
      r.label,
      n(lastYear),
      n(plan),
      n(achieved),
      percent,
      t(lang, r.met ? 'met' : 'notMet'),
      `${t(lang, 'line')} ${r.source.line}`,
    ];
  });
  const notes = tg.skipped.map(
    (s) => `${t(lang, 'targetsNotEvaluated')}: ${s.label} (${s.for}; ${t(lang, 'line')} ${s.source.line})`,
  );
  const head = [
    t(lang, 'target'),
    t(lang, 'lastYear'),
    t(lang, 'plan'),
    t(lang, 'achieved'),
    t(lang, 'percentOfPlan'),
    t(lang, 'status'),
    t(lang, 'source'),
  ];
  return { id: 'targets', title: `${t(lang, 'targetsTitle')}: ${tg.plan.document}`, head, rows, notes };
}

/** A target in the table's terms: a gain target becomes counts (last year's, planned, achieved). */
export function columns(r: TargetResult): {
  lastYear: number | boolean | null;
  plan: number | boolean;
  achieved: number | boolean | null;
} {
  if (r.what.goal === 'gain' && typeof r.lastYear === 'number') {
    return {
      lastYear: r.lastYear,
      plan: r.lastYear + (r.target as number),
      achieved: r.actual === null ? null : r.lastYear + (r.actual as number),
    };
  }
  return { lastYear: r.lastYear, plan: r.target, achieved: r.actual };
}

export function progressTable(ev: Run, lang: Lang): SectionTable | undefined {
  const p = ev.progress;
  if (!p) return undefined;
  const [name, parent] = unitNames(lang, ev);
  const status = { same: '', new: t(lang, 'statusNew'), gone: t(lang, 'statusGone') };
  const rows = p.units.map((u) => [
    u.baselineName ? `${u.name} (${u.baselineName})` : u.name,
    u.parent,
    u.before ?? '',
    u.after ?? '',
    u.gained.join(', '),
    u.lost.join(', '),
    status[u.status],
  ]);
  const x = p.totals;
  const n = (v: number) => formatNumber(v, lang);
  const change = (c: { before: number; after: number; change: number }) =>
    `${n(c.before)} → ${n(c.after)} (${c.change >= 0 ? '+' : ''}${n(c.change)})`;
  const notes = [
    `${t(lang, 'unitsMeeting')}: ${change(x.meeting)}`,
    `${t(lang, 'averageMet')}: ${change(x.averageMet)}`,
    ...p.likely.map((l) => {
      const how = t(lang, l.matched ? 'matched' : 'notMatched');
      return `${t(lang, 'likelySame')}: ${l.name} (${l.parent}) — ${l.baselineName}: ${how}`;
    }),
  ];
  const head = [
    name,
    parent,
    t(lang, 'yearBefore'),
    t(lang, 'yearNow'),
    t(lang, 'gained'),
    t(lang, 'lost'),
    t(lang, 'status'),
  ];
  return { id: 'progress', title: `${t(lang, 'progressTitle')} (${p.baseline})`, head, rows, notes };
}

export function parentTable(ev: Run, lang: Lang): SectionTable | undefined {
  if (!ev.byParent) return undefined;
  const [, parent] = unitNames(lang, ev);
  const rows = ev.byParent.map((p) => [
    p.name,
    p.units,
    p.meeting,
    p.averageMet,
    p.mostMissed.map((m) => `${m.criterion}. ${m.name} (${m.units})`).join('; '),
  ]);
  const head = [
    parent,
    t(lang, 'unitsEvaluated'),
    t(lang, 'unitsMeeting'),
    t(lang, 'averageMetShort'),
    t(lang, 'mostMissed'),
  ];
  return { id: 'by-parent', title: t(lang, 'byParentTitle'), head, rows, notes: [] };
}
