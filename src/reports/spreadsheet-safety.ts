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
 * One row of a spreadsheet CSV: text cells neutralised, a field quoted when it holds a quote, a comma
 * or a line break (a bare LF in a name would otherwise end the row), CRLF at the end. The gap table
 * has a row per gap: this writes what csv-stringify did, at a fraction of its cost.
 */
export function csvLine(row: readonly (string | number)[]): string {
  let cells = row;
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    // Most cells need neither, and the row is joined as it came: a flat string, cheap to write.
    if (typeof v !== 'string' || (!NEEDS_QUOTES.test(v) && !RISKY_FIRST.has(v.charCodeAt(0)))) continue;
    if (cells === row) cells = [...row];
    const text = neutralise(v);
    (cells as string[])[i] = NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  }
  return cells.join(',') + '\r\n';
}

const NEEDS_QUOTES = /[",\r\n]/;
