/**
 * Text from a survey or a set file, made safe to print on a terminal: control characters (C0 but
 * tab and line feed, DEL, C1), which would start ANSI/OSC escape sequences, and the bidirectional
 * overrides and isolates (U+202A–U+202E, U+2066–U+2069), which reorder what is shown, each become
 * U+FFFD, so that the reader sees something was there.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'g');

export const terminalSafe = (s: string): string => (UNSAFE.test(s) ? s.replace(UNSAFE_ALL, '\uFFFD') : s);

/**
 * JSON text with the same characters written as \u escapes: the data is unchanged for whoever
 * parses it, and the terminal it is printed on sees no escape sequence (JSON.stringify escapes C0
 * only, not DEL, C1 or the bidi controls).
 */
export const jsonTerminalSafe = (json: string): string =>
  UNSAFE.test(json) ? json.replace(UNSAFE_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : json;
