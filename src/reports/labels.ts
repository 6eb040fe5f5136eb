import type { Evaluation, FileEvaluation } from '../engine/types.js';
import { t, type Lang } from '../i18n/messages.js';
import { formatNumber } from './format-values.js';

/** What the set's units and their parents are called: Thôn / Xã for a village set, Xã / Huyện for a commune set. */
export function unitNames(lang: Lang, ev: Pick<Evaluation, 'set'>): [string, string] {
  const lv = ev.set.level;
  return lv === 'thon' ? [t(lang, 'village'), t(lang, 'commune')] : lv === 'xa' ? [t(lang, 'commune'), t(lang, 'district')] : [t(lang, 'district'), t(lang, 'unit')];
}

/** "Bộ tiêu chí: id — name (decision, date); vùng …; năm …", the line every report opens with. */
export function setLine(ev: Evaluation, lang: Lang): string {
  return `${t(lang, 'set')}: ${ev.set.id} — ${ev.set.name} (${ev.set.document}, ${ev.set.date})${ev.region ? `; ${t(lang, 'region')} ${ev.region}` : ''}${ev.year ? `; ${t(lang, 'year')} ${ev.year}` : ''}`;
}

/** With several files, every report names the file of each unit and summarises each file. */
export const severalFiles = (ev: Evaluation): boolean => ev.files.length > 1;

/** The summary figures, labelled, in the order reports show them. */
export function summaryFigures(ev: Pick<Evaluation, 'set' | 'summary'>, lang: Lang): [string, string][] {
  const s = ev.summary;
  return [
    [t(lang, 'unitsEvaluated'), String(s.units)],
    [t(lang, 'unitsMeeting'), String(s.meeting)],
    [t(lang, 'averageMet'), `${formatNumber(s.averageMet, lang)}/${ev.set.criteria.length}`],
    ...(s.incomplete ? [[t(lang, 'statusIncomplete'), String(s.incomplete)] as [string, string]] : []),
  ];
}

/** The one line `--quiet` prints. */
export function summaryLine(ev: Pick<Evaluation, 'set' | 'summary'>, lang: Lang): string {
  return summaryFigures(ev, lang).map(([k, v]) => `${k}: ${v}`).join('; ');
}

/** One file's summary: "a.csv: 8 units, 0 meeting the standard, 10.38/16". */
export function fileSummaryLine(f: FileEvaluation, ev: Evaluation, lang: Lang): string {
  return `${f.file}: ${f.summary.units} ${t(lang, 'units')}, ${f.summary.meeting} ${t(lang, 'meetingShort')}, ${formatNumber(f.summary.averageMet, lang)}/${ev.set.criteria.length}`;
}

/** "7. Cơ sở vật chất văn hóa (7); 12. Mô hình sản xuất (7)". */
export function mostMissedLine(ev: Evaluation, n = 5): string {
  return ev.summary.mostMissed
    .slice(0, n)
    .map((m) => `${m.criterion}. ${m.name} (${m.units})`)
    .join('; ');
}
