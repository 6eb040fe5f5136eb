import type { Evaluation } from '../engine/types.js';
import { t, type Lang } from '../i18n/messages.js';
import { annexHead, annexLine, annexRows, criterionHead, criterionLines, gapHead, gapLine, gapRows } from './annex.js';
import { fileSummaryLine, mostMissedLine, setLine, severalFiles, summaryFigures } from './labels.js';
import type { RenderOptions } from './options.js';
import { groupByOwner } from './views.js';

/** The annex as a Markdown table, then the gaps (or the chosen view), then the summary. */
export function render(ev: Evaluation, opts: RenderOptions): string {
  const { lang } = opts;
  const out = [`# ${t(lang, 'reportTitle')}`, '', `${text(setLine(ev, lang))}  `, `${t(lang, 'date')}: ${opts.date}`, ''];
  if (opts.by === 'criterion') out.push(...byCriterion(ev, lang));
  else if (opts.by === 'owner') out.push(...byOwner(ev, lang));
  else out.push(...annex(ev, lang), ...gaps(ev, lang));
  out.push(...summary(ev, lang));
  return out.join('\n');
}

/** Cell text that cannot break the table or turn into markup: pipes, newlines, HTML, leading markers. */
export function text(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/[*_`[\]]/g, (m) => `\\${m}`)
    .replace(/\s*[\r\n]+\s*/g, ' ');
}

function table(head: string[], rows: (string | number)[][]): string[] {
  const line = (cells: (string | number)[]) => `| ${cells.map((c) => text(String(c))).join(' | ')} |`;
  return [line(head), `|${head.map(() => '---|').join('')}`, ...rows.map(line), ''];
}

function annex(ev: Evaluation, lang: Lang): string[] {
  const { head, numbering } = annexHead(ev, lang);
  const rows = annexRows(ev).map((r) => annexLine(ev, r));
  return [`## ${t(lang, 'annex')}`, '', ...table(head, [numbering, ...rows]), `${t(lang, 'legend')}`, ''];
}

function gaps(ev: Evaluation, lang: Lang): string[] {
  const rows = gapRows(ev, lang);
  const out = [`## ${t(lang, 'gaps')}`, ''];
  if (!rows.length) return [...out, t(lang, 'noGaps'), ''];
  out.push(...table([t(lang, 'tt'), ...gapHead(ev, lang)], rows.map((r, i) => [i + 1, ...gapLine(ev, r)])));
  if (rows.some((r) => r.gap.verified === false)) out.push(`\\* ${t(lang, 'unverified')}`, '');
  return out;
}

function byCriterion(ev: Evaluation, lang: Lang): string[] {
  const rows = criterionLines(ev, lang);
  return [`## ${t(lang, 'byCriterion')}`, '', ...(rows.length ? table(criterionHead(lang), rows) : [t(lang, 'noGaps'), ''])];
}

function byOwner(ev: Evaluation, lang: Lang): string[] {
  const groups = groupByOwner(gapRows(ev, lang));
  const out = [`## ${t(lang, 'byOwner')}`, ''];
  if (!groups.length) return [...out, t(lang, 'noGaps'), ''];
  for (const g of groups) {
    out.push(`### ${text(g.owner)} (${g.gaps.length})`, '', ...table(gapHead(ev, lang, { owner: false }), g.gaps.map((r) => gapLine(ev, r, { owner: false }))));
  }
  return out;
}

function summary(ev: Evaluation, lang: Lang): string[] {
  const out = [`## ${t(lang, 'summary')}`, '', ...summaryFigures(ev, lang).map(([k, v]) => `- ${k}: ${v}`)];
  if (ev.summary.mostMissed.length) out.push(`- ${t(lang, 'mostMissed')}: ${text(mostMissedLine(ev))}`);
  if (severalFiles(ev)) out.push('', `### ${t(lang, 'byFile')}`, '', ...ev.files.map((f) => `- ${text(fileSummaryLine(f, ev, lang))}`));
  return [...out, ''];
}
