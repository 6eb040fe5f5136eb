import type { Lang } from '../i18n/messages.js';

export type View = 'unit' | 'criterion' | 'owner';

export interface RenderOptions {
  lang: Lang;
  by: View;
  /** Colour in terminal output; only on a TTY and never with NO_COLOR. */
  color: boolean;
  /** The date printed in report titles (YYYY-MM-DD). */
  date: string;
  /** Terminal table: everything in full, not cut to the terminal's width. */
  wide?: boolean;
  /** Terminal table: the width to fit, in columns (80 when unknown). */
  width?: number;
}

/**
 * The date in report titles: today's local date, or the date of SOURCE_DATE_EPOCH (seconds, UTC)
 * when it is set, so that a report can be made again byte for byte.
 */
export function reportDate(env: NodeJS.ProcessEnv = process.env, now = new Date()): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
