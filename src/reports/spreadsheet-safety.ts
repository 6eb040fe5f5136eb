/**
 * OWASP CSV injection: a cell that begins with = + - @ (or their full-width forms, which Apple
 * Numbers folds), a tab or a carriage return can be taken for a formula by a spreadsheet. A leading
 * single quote makes it plain text. Every line of a cell gets it, not only the first: a reader that
 * splits a cell at its line breaks would otherwise start a row with the formula. Applied to the text
 * that comes from the survey and the set (names, values); ntm's own words never begin so.
 */
const RISKY_LINE_START = /(^|\n|\r)(?=[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20])/g;

export function neutralise(text: string): string {
  // Most cells start safely and are one line: they are returned without running the expression.
  if (!RISKY_FIRST.has(text.charCodeAt(0)) && !LINE_BREAK.test(text)) return text;
  return text.replace(RISKY_LINE_START, "$1'");
}

const LINE_BREAK = /[\n\r]/;
/** The characters RISKY_LINE_START looks for at the start of a line. */
const RISKY_FIRST = new Set([...'=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20'].map((c) => c.charCodeAt(0)));

/**
 * csv-stringify's options for a spreadsheet: CRLF between rows, and every field that holds a CR or a
 * LF quoted (with a record delimiter set, csv-stringify by default quotes only fields holding CRLF,
 * and a bare LF in a name would end the row).
 */
export const SPREADSHEET_CSV = { bom: true, record_delimiter: 'windows', quote_record_delimiter: true } as const;
