import { displayWidth, splitAtWidth } from '../text/display-width.js';
import { terminalSafe } from '../text/terminal-safe.js';

/** A column of a terminal table: a fixed width, or a share (`weight`) of what the fixed ones leave. */
export interface ColumnSpec {
  width?: number;
  weight?: number;
  min?: number;
}

/**
 * A cell: its text (one entry per paragraph), at most `lines` lines in all or `linesEach` lines per
 * paragraph (cut with …), and a paint.
 */
export interface BoxCell {
  text: string | string[];
  lines?: number;
  linesEach?: number;
  paint?: (s: string) => string;
}

/** Column widths that fill `total` columns of terminal, borders included, fixed columns first. */
export function fitColumns(specs: ColumnSpec[], total: number): number[] {
  const borders = specs.length * 3 + 1;
  const fixed = specs.reduce((n, s) => n + (s.width ?? 0), 0);
  const weights = specs.reduce((n, s) => n + (s.width === undefined ? (s.weight ?? 1) : 0), 0);
  const free = Math.max(0, total - borders - fixed);
  const widths = specs.map((s) => s.width ?? Math.max(s.min ?? 6, Math.floor((free * (s.weight ?? 1)) / weights)));
  // What rounding left over, or the minimums took beyond the width, goes to or from the widest flexible column.
  const spare = total - borders - widths.reduce((a, b) => a + b, 0);
  const flexible = specs.map((s, i) => (s.width === undefined ? i : -1)).filter((i) => i >= 0);
  if (spare !== 0 && flexible.length) {
    const widest = flexible.reduce((a, b) => ((specs[b]!.weight ?? 1) > (specs[a]!.weight ?? 1) ? b : a));
    widths[widest] = Math.max(specs[widest]!.min ?? 6, widths[widest]! + spare);
  }
  return widths;
}

/** Text wrapped at word boundaries to `width` columns; a word longer than the width is broken. */
export function wrap(text: string, width: number): string[] {
  if (displayWidth(text) <= width) return [text];
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const word of text.split(' ')) {
    let rest = word;
    let restWidth = displayWidth(rest);
    const sep = line ? 1 : 0;
    if (used + sep + restWidth <= width) {
      line += (sep ? ' ' : '') + rest;
      used += sep + restWidth;
      continue;
    }
    if (line) lines.push(line);
    while (restWidth > width) {
      const [head, tail] = splitAtWidth(rest, width);
      lines.push(head);
      rest = tail;
      restWidth = displayWidth(rest);
    }
    line = rest;
    used = restWidth;
  }
  if (line || !lines.length) lines.push(line);
  return lines;
}

/** Cuts wrapped lines to `max`, the last one ending in … to say that something was left out. */
function cut(lines: string[], max: number, width: number): string[] {
  if (lines.length <= max) return lines;
  const last = splitAtWidth(lines[max - 1]!, width - 1)[0].trimEnd();
  return [...lines.slice(0, max - 1), `${last}…`];
}

/** Survey text as one line of plain words: terminal-safe, tabs and line breaks as spaces. */
export const flat = (s: string): string => terminalSafe(s).replace(/\s+/g, ' ').trim();

/**
 * A table drawn with box characters in fixed column widths, row by row, so that a report of any
 * length is written as it comes (cli-table3 measures every cell of the whole table first).
 */
export class BoxTable {
  constructor(private readonly widths: number[]) {}

  private rule(left: string, mid: string, right: string): string {
    return `${left}${this.widths.map((w) => '─'.repeat(w + 2)).join(mid)}${right}\n`;
  }

  width(column: number): number {
    return this.widths[column]!;
  }

  top(): string {
    return this.rule('┌', '┬', '┐');
  }

  /** A row, preceded by the rule that separates it from the one above. */
  row(cells: BoxCell[], first = false): string {
    const columns = cells.map((c, i) => {
      const w = this.widths[i]!;
      const paragraphs = (Array.isArray(c.text) ? c.text : [c.text]).map(flat);
      const each = c.linesEach;
      const lines = paragraphs.flatMap((p) => (each ? cut(wrap(p, w), each, w) : wrap(p, w)));
      return { lines: c.lines ? cut(lines, c.lines, w) : lines, paint: c.paint, width: w };
    });
    const height = Math.max(1, ...columns.map((c) => c.lines.length));
    let out = first ? '' : this.rule('├', '┼', '┤');
    for (let i = 0; i < height; i++) {
      const parts = columns.map(({ lines, paint, width }) => {
        const text = lines[i] ?? '';
        const padded = text + ' '.repeat(Math.max(0, width - displayWidth(text)));
        return ` ${paint && text ? paint(padded) : padded} `;
      });
      out += `│${parts.join('│')}│\n`;
    }
    return out;
  }

  bottom(): string {
    return this.rule('└', '┴', '┘');
  }
}
