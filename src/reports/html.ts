import type { CriterionStatus, Evaluation } from '../engine/types.js';
import { t, type Lang } from '../i18n/messages.js';
import { annexRows, criterionHead, criterionLines, gapHead, gapLine, gapRows } from './annex.js';
import { statusLabel } from './describe-gap.js';
import { fileSummaryLine, mostMissedLine, setLine, severalFiles, summaryFigures, unitNames } from './labels.js';
import type { RenderOptions } from './options.js';
import { groupByOwner } from './views.js';

/**
 * One self-contained page: summary figures, the units × criteria heat-map in the set's order, and the
 * gaps (or the chosen view). Inline CSS only, and a Content-Security-Policy that forbids every fetch,
 * so the file opens the same offline, from an e-mail, or printed.
 */
export function render(ev: Evaluation, opts: RenderOptions): string {
  const { lang } = opts;
  const body = [
    `<header><h1>${esc(t(lang, 'reportTitle'))}</h1><p class="set">${esc(setLine(ev, lang))}</p><p class="date">${esc(t(lang, 'date'))}: ${esc(opts.date)}</p></header>`,
    summary(ev, lang),
    heatmap(ev, lang),
    opts.by === 'criterion' ? byCriterion(ev, lang) : opts.by === 'owner' ? byOwner(ev, lang) : gaps(ev, lang),
  ];
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(`${t(lang, 'reportTitle')} — ${ev.set.id}`)}</title>
<style>${CSS}</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}

const CSS = `
:root { --met: #c6efce; --met-ink: #006100; --unmet: #ffc7ce; --unmet-ink: #9c0006; --nodata: #ffeb9c; --nodata-ink: #7a5c00; --line: #bbb; }
* { box-sizing: border-box; }
body { font: 14px/1.4 system-ui, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; color: #111; margin: 1.5rem; }
h1 { font-size: 1.4rem; margin: 0 0 .3rem; }
h2 { font-size: 1.15rem; margin: 1.6rem 0 .5rem; }
h3 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
.set, .date { margin: .1rem 0; color: #333; }
.figures { display: flex; flex-wrap: wrap; gap: .8rem; margin: 1rem 0; padding: 0; list-style: none; }
.figure { border: 1px solid var(--line); border-radius: 6px; padding: .5rem .9rem; min-width: 10rem; }
.figure .value { display: block; font-size: 1.6rem; font-weight: 600; }
.figure .label { color: #444; }
table { border-collapse: collapse; margin: .4rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: .25rem .45rem; vertical-align: top; text-align: left; }
thead th { background: #eee; }
.heatmap th.crit { vertical-align: bottom; padding: .3rem .15rem; }
.heatmap th.crit span { writing-mode: vertical-rl; transform: rotate(180deg); max-height: 13rem; display: inline-block; text-align: left; }
.heatmap td.mark { text-align: center; min-width: 1.9rem; font-weight: 600; }
.heatmap td.met { background: var(--met); color: var(--met-ink); }
.heatmap td.unmet { background: var(--unmet); color: var(--unmet-ink); }
.heatmap td.no-data { background: var(--nodata); color: var(--nodata-ink); }
.heatmap td.total, .num { text-align: right; }
.legend span { display: inline-block; padding: 0 .5rem; margin-right: .4rem; border: 1px solid var(--line); }
.legend .met { background: var(--met); } .legend .unmet { background: var(--unmet); } .legend .no-data { background: var(--nodata); }
.status-meets { color: var(--met-ink); } .status-fails { color: var(--unmet-ink); } .status-incomplete { color: var(--nodata-ink); }
@page { size: A4 landscape; margin: 12mm; }
@media print {
  body { margin: 0; font-size: 10pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .figure { border-color: #888; }
  thead { display: table-header-group; }
  tr, .figure { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
}
`;

function esc(s: string | number): string {
  return String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function table(head: string[], rows: (string | number)[][], cls = ''): string {
  return `<table${cls ? ` class="${cls}"` : ''}><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td${typeof c === 'number' ? ' class="num"' : ''}>${esc(c)}</td>`).join('')}</tr>`).join('\n')}</tbody></table>`;
}

function summary(ev: Evaluation, lang: Lang): string {
  const figures = summaryFigures(ev, lang).map(([k, v]) => `<li class="figure"><span class="value">${esc(v)}</span><span class="label">${esc(k)}</span></li>`);
  const parts = [`<section id="summary"><h2>${esc(t(lang, 'summary'))}</h2><ul class="figures">${figures.join('')}</ul>`];
  if (ev.summary.mostMissed.length) parts.push(`<p class="most-missed">${esc(t(lang, 'mostMissed'))}: ${esc(mostMissedLine(ev))}</p>`);
  if (severalFiles(ev)) parts.push(`<h3>${esc(t(lang, 'byFile'))}</h3><ul class="files">${ev.files.map((f) => `<li>${esc(fileSummaryLine(f, ev, lang))}</li>`).join('')}</ul>`);
  return `${parts.join('\n')}</section>`;
}

const KIND_LABEL: Record<CriterionStatus, 'met' | 'notMet' | 'kindNoData'> = { met: 'met', unmet: 'notMet', 'no-data': 'kindNoData' };

function heatmap(ev: Evaluation, lang: Lang): string {
  const [name, parent] = unitNames(lang, ev);
  const several = severalFiles(ev);
  const head = [
    `<th>${esc(t(lang, 'tt'))}</th><th>${esc(name)}</th><th>${esc(parent)}</th>`,
    ...(several ? [`<th>${esc(t(lang, 'file'))}</th>`] : []),
    ...ev.set.criteria.map((c) => `<th class="crit" title="${esc(`${c.id}. ${c.name}`)}"><span>${esc(`${c.id}. ${c.name}`)}</span></th>`),
    `<th>${esc(t(lang, 'total'))}</th><th>${esc(t(lang, 'status'))}</th>`,
  ];
  const rows = annexRows(ev).map(({ tt, unit, marks }) => {
    const cells = unit.criteria.map((s, i) => {
      const c = ev.set.criteria[i]!;
      return `<td class="mark ${s}" title="${esc(`${unit.name} — ${c.id}. ${c.name}: ${t(lang, KIND_LABEL[s])}`)}">${esc(marks[i]!)}</td>`;
    });
    return `<tr><td class="num">${tt}</td><td>${esc(unit.name)}</td><td>${esc(unit.parent)}</td>${several ? `<td>${esc(unit.file)}</td>` : ''}${cells.join('')}<td class="total">${unit.met}/${unit.total}</td><td class="status-${unit.status}">${esc(statusLabel(unit, lang))}</td></tr>`;
  });
  const legend = `<p class="legend"><span class="met">1</span>${esc(t(lang, 'met'))} <span class="unmet">&nbsp;</span>${esc(t(lang, 'notMet'))} <span class="no-data">?</span>${esc(t(lang, 'kindNoData'))}</p>`;
  return `<section id="heatmap"><h2>${esc(t(lang, 'heatmap'))}</h2>${legend}<table class="heatmap"><thead><tr>${head.join('')}</tr></thead><tbody>${rows.join('\n')}</tbody></table></section>`;
}

function gaps(ev: Evaluation, lang: Lang): string {
  const rows = gapRows(ev, lang);
  const body = rows.length ? table([t(lang, 'tt'), ...gapHead(ev, lang)], rows.map((r, i) => [i + 1, ...gapLine(ev, r)]), 'gaps') : `<p>${esc(t(lang, 'noGaps'))}</p>`;
  const note = rows.some((r) => r.gap.verified === false) ? `<p class="note">* ${esc(t(lang, 'unverified'))}</p>` : '';
  return `<section id="gaps"><h2>${esc(t(lang, 'gaps'))}</h2>${body}${note}</section>`;
}

function byCriterion(ev: Evaluation, lang: Lang): string {
  const rows = criterionLines(ev, lang);
  const body = rows.length ? table(criterionHead(lang), rows, 'by-criterion') : `<p>${esc(t(lang, 'noGaps'))}</p>`;
  return `<section id="by-criterion"><h2>${esc(t(lang, 'byCriterion'))}</h2>${body}</section>`;
}

function byOwner(ev: Evaluation, lang: Lang): string {
  const groups = groupByOwner(gapRows(ev, lang)).map((g) => `<h3>${esc(`${g.owner} (${g.gaps.length})`)}</h3>${table(gapHead(ev, lang, { owner: false }), g.gaps.map((r) => gapLine(ev, r, { owner: false })), 'by-owner')}`);
  return `<section id="by-owner"><h2>${esc(t(lang, 'byOwner'))}</h2>${groups.length ? groups.join('\n') : `<p>${esc(t(lang, 'noGaps'))}</p>`}</section>`;
}
