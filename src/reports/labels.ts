import type { FileEvaluation, SetRef, Summary } from '../engine/types.js';
import { t, type Lang } from '../i18n/messages.js';
import { formatNumber } from './format-values.js';
import type { RunHead } from './stream.js';

/** The parts of a run the labels need: a RunHead, or a RunHead with its RunTail. */
type WithSet = { set: SetRef };
type WithSummary = { set: SetRef; summary: Summary };

/** What the set's units and their parents are called: Thôn / Xã for a village set, Xã / Huyện for a commune set. */
export function unitNames(lang: Lang, run: WithSet): [string, string] {
  const lv = run.set.level;
  if (lv === 'thon') return [t(lang, 'village'), t(lang, 'commune')];
  return lv === 'xa' ? [t(lang, 'commune'), t(lang, 'district')] : [t(lang, 'district'), t(lang, 'unit')];
}

/** "Bộ tiêu chí: id — name (decision, date); vùng …; năm …", the line every report opens with. */
export function setLine(run: Pick<RunHead, 'set' | 'region' | 'year'>, lang: Lang): string {
  const { set, region, year } = run;
  const where = `${region ? `; ${t(lang, 'region')} ${region}` : ''}${year ? `; ${t(lang, 'year')} ${year}` : ''}`;
  return `${t(lang, 'set')}: ${set.id} — ${set.name} (${set.document}, ${set.date})${where}`;
}

/** With several files, every report names the file of each unit and summarises each file. */
export const severalFiles = (head: Pick<RunHead, 'inputs'>): boolean => head.inputs.length > 1;

/** The summary figures, labelled, in the order reports show them. */
export function summaryFigures(run: WithSummary, lang: Lang): [string, string][] {
  const s = run.summary;
  return [
    [t(lang, 'unitsEvaluated'), String(s.units)],
    [t(lang, 'unitsMeeting'), String(s.meeting)],
    [t(lang, 'averageMet'), `${formatNumber(s.averageMet, lang)}/${run.set.criteria.length}`],
    ...(s.incomplete ? [[t(lang, 'statusIncomplete'), String(s.incomplete)] as [string, string]] : []),
    [t(lang, 'basisCounts'), basisCounts(s.bases, lang)],
  ];
}

/** "verified value 3 · secondary source 5 · mark 40": what the criterion verdicts rest on. */
function basisCounts(b: Summary['bases'], lang: Lang): string {
  return [
    `${t(lang, 'basisVerifiedShort')} ${b.verified}`,
    `${t(lang, 'basisSecondaryShort')} ${b.secondary}`,
    `${t(lang, 'basisMarkShort')} ${b.mark}`,
  ].join(' · ');
}

/** The one line `--quiet` prints. */
export function summaryLine(run: WithSummary, lang: Lang): string {
  return summaryFigures(run, lang)
    .map(([k, v]) => `${k}: ${v}`)
    .join('; ');
}

/** One file's summary: "a.csv: 8 units, 0 meeting the standard, 10.38/16". */
export function fileSummaryLine(f: FileEvaluation, run: WithSet, lang: Lang): string {
  const s = f.summary;
  const average = `${formatNumber(s.averageMet, lang)}/${run.set.criteria.length}`;
  return `${f.file}: ${s.units} ${t(lang, 'units')}, ${s.meeting} ${t(lang, 'meetingShort')}, ${average}`;
}

/** "7. Cơ sở vật chất văn hóa (7); 12. Mô hình sản xuất (7)". */
export function mostMissedLine(run: { summary: Summary }, n = 5): string {
  return run.summary.mostMissed
    .slice(0, n)
    .map((m) => `${m.criterion}. ${m.name} (${m.units})`)
    .join('; ');
}
