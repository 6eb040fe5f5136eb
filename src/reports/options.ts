import type { Lang } from '../i18n/messages.js';

export type View = 'unit' | 'criterion' | 'owner';

export interface RenderOptions {
  lang: Lang;
  by: View;
  /** Colour in terminal output; only on a TTY and never with NO_COLOR. */
  color: boolean;
  /** The date printed in report titles (YYYY-MM-DD). */
  date: string;
}
