const DELIMITERS = [',', ';', '\t'];

/**
 * The delimiter a short row was written with, when it is not the file's: a row pasted from
 * another CSV ("1,Nà Lạn,Vân Tùng,1,1" in a ";" file) arrives as one or two cells that split, on
 * another delimiter, into about as many cells as the header has. A row that Excel merely cut
 * short (trailing empty cells dropped), or a note with a few commas, does not.
 */
export function foreignDelimiter(raw: string[], delimiter: string, width: number): string | undefined {
  if (raw.length >= width) return undefined;
  for (const d of DELIMITERS) {
    if (d === delimiter) continue;
    let parts = 0;
    for (const cell of raw) parts += cell.split(d).length;
    if (parts >= Math.max(3, 2 * raw.length, Math.ceil(width / 2))) return d;
  }
  return undefined;
}
