import type { Readable } from 'node:stream';
import Papa from 'papaparse';
import { InputError, type Problem } from '../problems.js';

/** A record longer than this is not a survey row (or its line breaks are missing). */
const MAX_RECORD_CHARS = 1_000_000;

/**
 * Splits decoded CSV text into records with papaparse (2.5–4× faster than csv-parse on survey
 * files, see BENCHMARKS.md) and calls `onRecord` with each record and the line it starts on.
 * Quotes that never close, text after a closing quote and records over 1 MB end the reading with
 * an InputError naming `file`; an error thrown by `onRecord` or by the text stream ends it with that error.
 */
export function readRecords(text: Readable, file: string, delimiter: string, onRecord: (record: string[], line: number) => void): Promise<void> {
  return new Promise((done, failed) => {
    // The text papaparse has been given and not yet turned into records: the start of its
    // `aggregate`, kept to measure an unfinished record and to place a bad quote in it.
    let pending = '';
    let pendingStart = 0;
    let nextLine = 1;
    let over = false;
    const shape = (problem: Omit<Problem, 'file'>) => new InputError([{ ...problem, file }]);
    const stop = (e: unknown, parser?: Papa.Parser) => {
      if (over) return;
      over = true;
      parser?.abort();
      text.destroy();
      failed(e);
    };
    // Registered before papaparse's own listener, so `pending` holds each chunk before it is parsed.
    text.on('data', (chunk: string) => (pending += chunk));
    Papa.parse(text as unknown as Papa.LocalFile, {
      delimiter,
      header: false,
      skipEmptyLines: false,
      chunk(results: Papa.ParseResult<string[]>, parser: Papa.Parser) {
        if (over) return;
        const quote = results.errors.find((e) => e.type === 'Quotes');
        const rows = results.data;
        const firstLine = nextLine;
        const upTo = quote ? Math.min(quote.row ?? rows.length, rows.length) : rows.length;
        // Without a quote in the text, no cell holds a line break: one record, one line.
        const quoted = pending.includes('"');
        try {
          for (let r = 0; r < upTo; r++) {
            const record = rows[r]!;
            const line = nextLine;
            nextLine += quoted ? 1 + newlinesIn(record) : 1;
            onRecord(record, line);
          }
        } catch (e) {
          return stop(e, parser);
        }
        if (quote) return stop(shape(quoteProblem(quote, rows[upTo], nextLine, { text: pending, line: firstLine, delimiter })), parser);
        const cursor = results.meta.cursor;
        pending = pending.slice(cursor - pendingStart);
        pendingStart = cursor;
        if (pending.length > MAX_RECORD_CHARS) stop(shape(tooLarge(pending, nextLine, delimiter)), parser);
      },
      complete: () => {
        if (!over) done();
      },
      error: (e: Error) => stop(e),
    });
  });
}

/**
 * The problem for papaparse's quote errors. The error's `index` is where the quoted cell's text
 * starts in `chunk.text`, the text from the start of this chunk's first record (on `chunk.line`).
 */
function quoteProblem(e: Papa.ParseError, record: string[] | undefined, line: number, chunk: { text: string; line: number; delimiter: string }): Omit<Problem, 'file'> {
  if (e.code === 'MissingQuotes') {
    // The file ends inside the cell, which papaparse gives whole as the record's last cell.
    const cells = record ?? [];
    const column = cells.length || 1;
    const rest = cells[cells.length - 1] ?? '';
    const end = line + newlinesIn([rest.replace(/\r?\n$/, '')]);
    return { kind: 'unclosed-quote', severity: 'error', line, column, params: { cell: column, line, end }, message: `a quoted cell is never closed: the " that opens cell ${column} of the row on line ${line} has no closing " (the file ends inside it, at line ${end})`, hint: 'Close the quote, or write a quote inside a quoted cell as "".' };
  }
  const at = quotedCellAt(chunk, e.index);
  return { kind: 'bad-quote', severity: 'error', line: at?.line ?? line, column: at?.column, message: 'a quoted cell has text after its closing quote', hint: 'Inside a quoted cell write a quote as "".' };
}

/**
 * The line and cell of the quoted cell whose text starts at `index`. The cell is counted from the
 * line break before its opening quote, so it is left out when another quote on that line (a cell
 * spanning lines) makes the count uncertain.
 */
function quotedCellAt(chunk: { text: string; line: number; delimiter: string }, index: number | undefined): { line: number; column?: number } | undefined {
  if (index === undefined || index < 1 || index > chunk.text.length) return undefined;
  const open = index - 1;
  const lineStart = chunk.text.lastIndexOf('\n', open - 1) + 1;
  const line = chunk.line + newlinesIn([chunk.text.slice(0, lineStart)]);
  const before = chunk.text.slice(lineStart, open);
  return { line, column: before.includes('"') ? undefined : before.split(chunk.delimiter).length };
}

/**
 * A record still unfinished after 1 MB. Across line breaks it is a quote left open (papaparse
 * would otherwise read on to the end of the file); on one line, a file without line breaks.
 */
function tooLarge(pending: string, line: number, delimiter: string): Omit<Problem, 'file'> {
  const firstLine = pending.slice(0, Math.max(0, pending.indexOf('\n')));
  // The quote that opens the runaway cell: the last one on the record's first line that starts a cell.
  const cells = firstLine.split(delimiter);
  const opening = cells.findLastIndex((c) => c.startsWith('"'));
  if (opening >= 0) {
    const cell = opening + 1;
    return { kind: 'runaway-quote', severity: 'error', line, column: cell, params: { cell, line }, message: `a quoted cell is never closed: the " that opens cell ${cell} of the row on line ${line} runs on for over 1 MB of the file without a closing "`, hint: 'Close the quote, or write a quote inside a quoted cell as "".' };
  }
  return { kind: 'record-too-large', severity: 'error', line, message: 'a row is over 1 MB long: this is not a survey table (or its line breaks are missing)', hint: 'Check that the file is the CSV export of the sheet.' };
}

/** Line breaks inside quoted cells: a record can span several lines of the file. */
function newlinesIn(record: string[]): number {
  let n = 0;
  for (const cell of record) {
    for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1)) n++;
  }
  return n;
}
