/**
 * OWASP CSV injection: a cell that begins with = + - @, a tab or a carriage return can be taken for
 * a formula by a spreadsheet. A leading single quote makes it plain text. Applied to every text cell
 * of CSV and XLSX reports, since unit names and values come from the survey as typed.
 */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
