/**
 * Small horizontal bar charts as inline SVG, for the HTML report: drawn in the page, nothing to
 * fetch, printable. Each bar has its label, its value written at its end, and a tooltip.
 */
export interface Bar {
  label: string;
  value: number;
  /** The text written at the bar's end (the value as people read it). */
  text: string;
  /** A CSS class: met / unmet, or none. */
  cls?: string;
  /** A mark across the bar (the target), in the chart's scale. */
  mark?: number;
}

const ROW = 22;
const LABEL = 260;
const BAR = 360;
const PAD = 70;

export function barChart(title: string, bars: Bar[], max: number, esc: (s: string) => string): string {
  const scale = (v: number) => (max > 0 ? Math.max(0, Math.min(v, max)) / max : 0) * BAR;
  const x = (v: number) => LABEL + scale(v);
  const height = bars.length * ROW + 8;
  const rows = bars.map((b, i) => {
    const y = i * ROW + 4;
    const w = scale(b.value);
    const mark =
      b.mark === undefined
        ? ''
        : `<line class="mark" x1="${x(b.mark)}" x2="${x(b.mark)}" y1="${y - 2}" y2="${y + ROW - 4}"/>`;
    return [
      `<g><title>${esc(`${b.label}: ${b.text}`)}</title>`,
      `<text class="label" x="${LABEL - 6}" y="${y + 13}" text-anchor="end">${esc(clip(b.label))}</text>`,
      `<rect class="bar ${b.cls ?? ''}" x="${LABEL}" y="${y}" width="${w.toFixed(1)}" height="${ROW - 6}"/>`,
      `${mark}<text class="value" x="${LABEL + w + 4}" y="${y + 13}">${esc(b.text)}</text></g>`,
    ].join('');
  });
  const width = LABEL + BAR + PAD;
  const size = `width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"`;
  const open = `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${esc(title)}" ${size}>`;
  const svg = `${open}${rows.join('')}</svg>`;
  return `<figure class="chart"><figcaption>${esc(title)}</figcaption>${svg}</figure>`;
}

const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 39)}…` : s);

export const CHART_CSS = `
.charts { display: flex; flex-wrap: wrap; gap: 1.5rem; }
.chart { margin: .4rem 0 1rem; }
.chart figcaption { font-weight: 600; margin-bottom: .3rem; }
.chart .label, .chart .value { font-size: 12px; fill: #222; }
.chart .bar { fill: #7aa6d8; } .chart .bar.met { fill: #5fb36b; } .chart .bar.unmet { fill: #e06c75; }
.chart .mark { stroke: #111; stroke-width: 2; }
`;
