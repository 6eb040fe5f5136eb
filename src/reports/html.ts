import type { CriterionStatus, UnitResult } from '../engine/types.js';
import { t, type Lang } from '../i18n/messages.js';
import { annexMarks, criterionHead, gapHead, gapLine, gapRows, levelOf } from './annex.js';
import { BlockWriter } from './block-writer.js';
import { statusLabel } from './describe-gap.js';
import { fileSummaryLine, mostMissedLine, setLine, severalFiles, summaryFigures, unitNames } from './labels.js';
import { formatNumber } from './format-values.js';
import type { RenderOptions } from './options.js';
import { bandLabel, columns, officialSummary, progressSections, type SectionTable } from './progress-views.js';
import { barChart, CHART_CSS } from './svg-charts.js';
import { withSpill, type Spill } from './spill.js';
import type { ReportSink, RunHead, RunStream } from './stream.js';
import { CriterionView, OwnerView } from './views.js';

/**
 * One self-contained page: summary figures, the units × criteria heat-map in the set's order, and the
 * gaps (or the chosen view). Inline CSS only, and a Content-Security-Policy that forbids every fetch,
 * so the file opens the same offline, from an e-mail, or printed. Written as the units come: the
 * heat-map row by row, the gaps (or the view) from a spill, the summary last (shown first).
 */
export async function render(run: RunStream, opts: RenderOptions, out: ReportSink): Promise<void> {
  const { lang } = opts;
  const { head } = run;
  const w = new BlockWriter(out);
  await w.write(`<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(`${t(lang, 'reportTitle')} — ${head.set.id}`)}</title>
<style>${CSS}${CHART_CSS}</style>
</head>
<body>
<div class="page">
<header><h1>${esc(t(lang, 'reportTitle'))}</h1><p class="set">${esc(setLine(head, lang))}</p>\
<p class="date">${esc(t(lang, 'date'))}: ${esc(opts.date)}</p></header>
`);
  await withSpill(async (spill) => {
    const criteria = opts.by === 'criterion' ? new CriterionView(spill, head, lang) : undefined;
    const owners = opts.by === 'owner' ? new OwnerView<string>(spill) : undefined;
    await w.write(heatmapHead(head, lang));
    let tt = 0;
    let gapNo = 0;
    let unverified = false;
    for await (const u of run.units) {
      await w.write(heatmapRow(head, lang, ++tt, u));
      if (criteria) await criteria.add(u);
      else if (owners)
        for (const r of gapRows(u, lang)) await owners.add(r.gap, row(gapLine(head, r, { owner: false })));
      else {
        for (const r of gapRows(u, lang)) {
          unverified ||= r.gap.verified === false;
          await spill.write('gaps', row([++gapNo, ...gapLine(head, r)]));
        }
      }
    }
    await w.write('</tbody></table></section>\n');
    if (criteria) await byCriterion(criteria, run.tail().summary.units, lang, w);
    else if (owners) await byOwner(owners, head, lang, w);
    else await gaps(spill, gapNo, unverified, head, lang, w);
  });
  await w.write(`${summary(run, lang)}\n${progressHtml(run, lang)}</div>\n</body>\n</html>\n`);
  await w.flush();
}

const CSS = `
:root {
  --met: #c6efce; --met-ink: #006100; --unmet: #ffc7ce; --unmet-ink: #9c0006;
  --nodata: #ffeb9c; --nodata-ink: #7a5c00; --line: #bbb;
}
* { box-sizing: border-box; }
body { font: 14px/1.4 system-ui, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; color: #111; margin: 1.5rem; }
/* The summary is known only after the last unit, so it comes last in the file and is shown first. */
.page { display: flex; flex-direction: column; align-items: flex-start; }
.page > header { order: -2; }
.page > #summary { order: -1; }
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
.heatmap th.crit span {
  writing-mode: vertical-rl; transform: rotate(180deg); max-height: 13rem; display: inline-block; text-align: left;
}
.heatmap td.mark { text-align: center; min-width: 1.9rem; font-weight: 600; }
.heatmap td.met { background: var(--met); color: var(--met-ink); }
.heatmap td.unmet { background: var(--unmet); color: var(--unmet-ink); }
.heatmap td.no-data { background: var(--nodata); color: var(--nodata-ink); }
.heatmap td.total, .num { text-align: right; }
.legend span { display: inline-block; padding: 0 .5rem; margin-right: .4rem; border: 1px solid var(--line); }
.legend .met { background: var(--met); }
.legend .unmet { background: var(--unmet); }
.legend .no-data { background: var(--nodata); }
.status-meets { color: var(--met-ink); }
.status-fails { color: var(--unmet-ink); }
.status-incomplete { color: var(--nodata-ink); }
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
  const text = String(s);
  return HTML_SPECIAL.test(text) ? text.replace(HTML_SPECIALS, (c) => `&#${c.charCodeAt(0)};`) : text;
}

const HTML_SPECIAL = /[&<>"']/;
const HTML_SPECIALS = /[&<>"']/g;

const row = (cells: (string | number)[]) =>
  `<tr>${cells.map((c) => `<td${typeof c === 'number' ? ' class="num"' : ''}>${esc(c)}</td>`).join('')}</tr>\n`;

const tableStart = (head: string[], cls: string) =>
  `<table class="${cls}"><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>\n`;

function summary(run: RunStream, lang: Lang): string {
  const s = { ...run.head, ...run.tail() };
  const figures = summaryFigures(s, lang).map(
    ([k, v]) => `<li class="figure"><span class="value">${esc(v)}</span><span class="label">${esc(k)}</span></li>`,
  );
  const parts = [
    `<section id="summary"><h2>${esc(t(lang, 'summary'))}</h2><ul class="figures">${figures.join('')}</ul>`,
  ];
  if (s.summary.mostMissed.length)
    parts.push(`<p class="most-missed">${esc(t(lang, 'mostMissed'))}: ${esc(mostMissedLine(s))}</p>`);
  if (severalFiles(s)) {
    const files = s.files.map((f) => `<li>${esc(fileSummaryLine(f, s, lang))}</li>`).join('');
    parts.push(`<h3>${esc(t(lang, 'byFile'))}</h3><ul class="files">${files}</ul>`);
  }
  parts.push(officialHtml(s, lang));
  return `${parts.join('\n')}</section>`;
}

type Whole = ReturnType<RunStream['tail']> & { set: RunHead['set'] };

/** The official summary drawn (units by band, the share meeting each criterion), then its tables. */
function officialHtml(s: Whole, lang: Lang): string {
  const n = (v: number) => formatNumber(v, lang);
  const { bands, criteriaMet } = s.summary;
  const byBand = bands.map((b) => ({ label: bandLabel(b, lang), value: b.units, text: String(b.units) }));
  const shares = criteriaMet.map((c) => ({
    label: `${c.criterion}. ${c.name}`,
    value: c.share,
    text: `${n(c.share)} %`,
  }));
  const charts = [
    barChart(t(lang, 'bandsTitle'), byBand, Math.max(1, ...bands.map((b) => b.units)), esc),
    barChart(t(lang, 'shareTitle'), shares, 100, esc),
  ];
  const tables = officialSummary(s, lang).map((x) => sectionHtml(x, lang, 'h3'));
  return `<div class="charts">${charts.join('')}</div>${tables.join('\n')}`;
}

/** Targets against actual, drawn, then the targets, progress and roll-up tables, when asked for. */
function progressHtml(run: RunStream, lang: Lang): string {
  const s = { ...run.head, ...run.tail() };
  const sections = progressSections(s, lang);
  if (!sections.length) return '';
  const n = (v: number) => formatNumber(v, lang);
  const drawn = (s.targets?.results ?? []).flatMap((r) => {
    const { plan, achieved } = columns(r);
    if (typeof plan !== 'number' || typeof achieved !== 'number' || plan <= 0) return [];
    // Each target on its own scale: the bar is the share of the plan achieved, the mark is the plan.
    const text = `${n(achieved)} / ${n(plan)}`;
    return [{ label: r.label, value: (achieved / plan) * 100, text, cls: r.met ? 'met' : 'unmet', mark: 100 }];
  });
  const max = Math.max(150, ...drawn.map((d) => Math.min(d.value, 200)));
  const chart = drawn.length ? barChart(t(lang, 'targetsTitle'), drawn, max, esc) : '';
  const html = sections.map(
    (x, i) => `<section id="${x.id}">${i === 0 ? chart : ''}${sectionHtml(x, lang, 'h2')}</section>`,
  );
  return `${html.join('\n')}\n`;
}

function sectionHtml(x: SectionTable, lang: Lang, h: 'h2' | 'h3'): string {
  const rows = x.rows.map((r) => row(r.map((c) => (typeof c === 'number' ? formatNumber(c, lang) : c)))).join('');
  const notes = x.notes.length ? `<ul class="notes">${x.notes.map((m) => `<li>${esc(m)}</li>`).join('')}</ul>` : '';
  return `<${h}>${esc(x.title)}</${h}>${tableStart(x.head, x.id)}${rows}</tbody></table>${notes}`;
}

const KIND_LABEL: Record<CriterionStatus, 'met' | 'notMet' | 'kindNoData'> = {
  met: 'met',
  unmet: 'notMet',
  'no-data': 'kindNoData',
};

function heatmapHead(head: RunHead, lang: Lang): string {
  const [name, parent] = unitNames(lang, head);
  const cells = [
    `<th>${esc(t(lang, 'tt'))}</th><th>${esc(name)}</th><th>${esc(parent)}</th>`,
    ...(severalFiles(head) ? [`<th>${esc(t(lang, 'file'))}</th>`] : []),
    ...head.set.criteria.map(
      (c) => `<th class="crit" title="${esc(`${c.id}. ${c.name}`)}"><span>${esc(`${c.id}. ${c.name}`)}</span></th>`,
    ),
    `<th>${esc(t(lang, 'total'))}</th><th>${esc(t(lang, 'status'))}</th>`,
    ...(head.levels ? [`<th>${esc(t(lang, 'levelReached'))}</th>`] : []),
  ];
  const keys = [
    `<span class="met">1</span>${esc(t(lang, 'met'))}`,
    `<span class="unmet">&nbsp;</span>${esc(t(lang, 'notMet'))}`,
    `<span class="no-data">?</span>${esc(t(lang, 'kindNoData'))}`,
  ];
  const legend = `<p class="legend">${keys.join(' ')}</p>`;
  const table = `<table class="heatmap"><thead><tr>${cells.join('')}</tr></thead><tbody>\n`;
  return `<section id="heatmap"><h2>${esc(t(lang, 'heatmap'))}</h2>${legend}${table}`;
}

function heatmapRow(head: RunHead, lang: Lang, tt: number, unit: UnitResult): string {
  const marks = annexMarks(unit);
  const cells = unit.criteria.map((s, i) => {
    const c = head.set.criteria[i]!;
    const title = `${unit.name} — ${c.id}. ${c.name}: ${t(lang, KIND_LABEL[s])}`;
    return `<td class="mark ${s}" title="${esc(title)}">${esc(marks[i]!)}</td>`;
  });
  const file = severalFiles(head) ? `<td>${esc(unit.file)}</td>` : '';
  const unitCells = `<td class="num">${tt}</td><td>${esc(unit.name)}</td><td>${esc(unit.parent)}</td>${file}`;
  const status = `<td class="status-${unit.status}">${esc(statusLabel(unit, lang))}</td>`;
  const level = head.levels ? `<td>${esc(levelOf(unit))}</td>` : '';
  return `<tr>${unitCells}${cells.join('')}<td class="total">${unit.met}/${unit.total}</td>${status}${level}</tr>\n`;
}

async function gaps(
  spill: Spill,
  count: number,
  unverified: boolean,
  head: RunHead,
  lang: Lang,
  w: BlockWriter,
): Promise<void> {
  await w.write(`<section id="gaps"><h2>${esc(t(lang, 'gaps'))}</h2>`);
  if (!count) return w.write(`<p>${esc(t(lang, 'noGaps'))}</p></section>\n`);
  await w.write(tableStart([t(lang, 'tt'), ...gapHead(head, lang)], 'gaps'));
  for await (const chunk of spill.chunks('gaps')) await w.write(chunk);
  await w.write(
    `</tbody></table>${unverified ? `<p class="note">* ${esc(t(lang, 'unverified'))}</p>` : ''}</section>\n`,
  );
}

async function byCriterion(view: CriterionView, total: number, lang: Lang, w: BlockWriter): Promise<void> {
  await w.write(`<section id="by-criterion"><h2>${esc(t(lang, 'byCriterion'))}</h2>`);
  let any = false;
  for (const g of view.groups()) {
    if (!any) await w.write(tableStart(criterionHead(lang), 'by-criterion'));
    any = true;
    await w.write(`<tr><td>${esc(`${g.id}. ${g.name}`)}</td><td>${esc(g.owner)}</td><td>${g.count}/${total}</td><td>`);
    // The units are written as they are read back: at national scale the list is long.
    let first = true;
    for await (const label of g.which()) {
      await w.write((first ? '' : '; ') + esc(label));
      first = false;
    }
    await w.write('</td></tr>\n');
  }
  await w.write(any ? '</tbody></table></section>\n' : `<p>${esc(t(lang, 'noGaps'))}</p></section>\n`);
}

async function byOwner(view: OwnerView<string>, head: RunHead, lang: Lang, w: BlockWriter): Promise<void> {
  await w.write(`<section id="by-owner"><h2>${esc(t(lang, 'byOwner'))}</h2>`);
  const groups = view.groups();
  if (!groups.length) return w.write(`<p>${esc(t(lang, 'noGaps'))}</p></section>\n`);
  for (const g of groups) {
    await w.write(
      `<h3>${esc(`${g.owner} (${g.count})`)}</h3>${tableStart(gapHead(head, lang, { owner: false }), 'by-owner')}`,
    );
    for await (const l of g.lines()) await w.write(l);
    await w.write('</tbody></table>\n');
  }
  await w.write('</section>\n');
}
