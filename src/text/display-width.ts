/** Latin, Vietnamese and box-drawing text: one column per code unit, the common case made fast. */
const NARROW = /^[\u0020-\u007e\u00a0-\u036f\u1e00-\u1eff\u2000-\u2bff]*$/;
const MARK = /\p{M}/u;
/** East Asian wide and fullwidth ranges (two columns each), and emoji. */
const WIDE = new RegExp(
  '[\\u1100-\\u115f\\u2e80-\\ua4cf\\uac00-\\ud7a3\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uff60\\uffe0-\\uffe6' +
    '\\u{1f300}-\\u{1faff}\\u{20000}-\\u{3fffd}]',
  'u',
);

/** The columns a text takes on a terminal: combining marks take none, wide characters two. */
export function displayWidth(s: string): number {
  if (NARROW.test(s) && !/[\u0300-\u036f]/.test(s)) return s.length;
  let w = 0;
  for (const ch of s) w += MARK.test(ch) ? 0 : WIDE.test(ch) ? 2 : 1;
  return w;
}

/** The longest start of `s` that fits in `width` columns, and the rest. */
export function splitAtWidth(s: string, width: number): [string, string] {
  if (displayWidth(s) <= width) return [s, ''];
  let w = 0;
  let i = 0;
  for (const ch of s) {
    const cw = MARK.test(ch) ? 0 : WIDE.test(ch) ? 2 : 1;
    if (w + cw > width && i > 0) break;
    w += cw;
    i += ch.length;
  }
  return [s.slice(0, i), s.slice(i)];
}
