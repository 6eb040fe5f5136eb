import type { CriteriaSet } from '../criteria/types.js';
import { fail, InputError, type Problem, type ProblemParams } from '../problems.js';
import { cleanCell, nfc } from '../text/normalize.js';
import { readingNotice, type Lang } from '../i18n/messages.js';
import { fillMergedHeaders, findHeaderRow, isNumberingRow, rankSets } from './choose-set.js';
import { mapHeaders, vocabulary, type HeaderMap } from './match-headers.js';
import { readRecords } from './csv-records.js';
import { openSource } from './open-source.js';
import { UnitIndex, unitKey } from './unit-index.js';
import { parseIndicatorValue, parseMark, type Assessed, type IndicatorValue } from './parse-value.js';
import { sniffDelimiter } from './sniff-delimiter.js';

/** One survey row: a unit with its marks and values, aligned with the set's criteria. */
export interface SurveyRow {
  file: string;
  line: number;
  name: string;
  parent: string;
  /** The district, when a village file has a district column. */
  district?: string;
  /** Per criterion: true / false, null for a blank mark, undefined when the file has no mark column. */
  marks: (boolean | null | undefined)[];
  /** Per criterion, per indicator: the value, null for blank, undefined when the file has no column (the whole criterion's array is undefined when it has none). */
  values: ((IndicatorValue | Assessed | null | undefined)[] | undefined)[];
  total?: number;
}

export interface ReadOptions {
  encoding?: string;
  /** The language of the progress line. */
  lang?: Lang;
  /** The set to read with; when absent it is chosen from the header among `candidates`. */
  set?: CriteriaSet;
  candidates: CriteriaSet[];
  /** Told of each warning as it is found. */
  warn: (p: Problem) => void;
  /** The units of the run so far, shared by its files: a unit in two files is a warning. */
  units?: UnitIndex;
  /** Told which set was chosen and why, before the first row. */
  onSetChosen?: (set: CriteriaSet, how: string) => void;
}

export interface ReadResult {
  set: CriteriaSet;
  headers: HeaderMap;
  rows: number;
  /** Criteria and indicators that no column of the file covers. */
  missing: { criterion: number; indicator?: number }[];
}

const HEADER_WINDOW = 30;
const MAX_ERRORS = 50;

/**
 * Streams a survey CSV into batches of rows, pulled by the caller; returns what was learnt of the
 * file at the end. Collects every error, and throws them at the end (the rows read by then have
 * been yielded: the caller decides what to do with them).
 */
export async function* readSurvey(path: string, opts: ReadOptions): AsyncGenerator<SurveyRow[], ReadResult> {
  const source = await openSource(path, opts.encoding);
  const file = source.name;
  const delimiter = sniffDelimiter(source.headText);
  // Excel in a Vietnamese locale writes ";" between cells because "," is its decimal mark.
  const decimalComma = delimiter === ';';
  const errors: Problem[] = [];
  let rows: SurveyRow[] = [];
  const onRow = (row: SurveyRow) => rows.push(row);
  const error = (p: Omit<Problem, 'severity' | 'file'>) => {
    if (errors.length < MAX_ERRORS) errors.push({ ...p, severity: 'error', file });
  };

  const progress = progressLine(file, source.size, opts.lang ?? 'en');
  const head: { cells: string[]; line: number }[] = [];
  let state: Reader | undefined;
  try {
    for await (const batch of readRecords(source.bytes(progress.update), file, delimiter)) {
      for (const { cells, line } of batch) {
        if (state) state.row(cells, line);
        else {
          head.push({ cells: cells.map(nfc), line });
          if (head.length === HEADER_WINDOW) state = startReading();
        }
      }
      if (rows.length) {
        yield rows;
        rows = [];
      }
    }
  } finally {
    progress.done();
  }
  state ??= startReading();
  if (rows.length) yield rows;
  if (errors.length) throw new InputError(errors);
  const result = state.result();
  if (result.rows === 0) {
    fail({ kind: 'no-units', file, line: state.headerLine, params: { level: result.set.level }, message: 'the file has a header but no unit rows', hint: `Add one row per ${unitNoun(result.set.level)} under the header; a sheet exported before it was filled in has none.` });
  }
  return result;

  function startReading(): Reader {
    if (head.length === 0 || head.every((r) => r.cells.every((c) => cleanCell(c) === ''))) {
      fail({ kind: 'empty-file', file, message: 'the file is empty', hint: 'Give ntm a CSV with a header row naming the criteria and one row per unit.' });
    }
    const candidates = (opts.set ? [opts.set] : opts.candidates).map((set) => ({ set, vocab: vocabulary(set) }));
    const rows = head.map((r) => r.cells);
    const found = findHeaderRow(rows, candidates.map((c) => c.vocab));
    if (found.index < 0) {
      fail({ kind: 'no-header', file, line: head[0]!.line, params: { set: opts.set?.id, rows: HEADER_WINDOW }, message: `no header row naming ${opts.set ? `the criteria of set "${opts.set.id}"` : 'criteria of a known set'} in the first ${HEADER_WINDOW} rows`, hint: 'The header needs columns named by criterion (e.g. "Giao thông", "17.1") and a unit-name column (e.g. "Tên thôn"). `ntm sets show ID` lists the names.' });
    }
    const headerCells = fillMergedHeaders(rows, found.index);
    const set = opts.set ?? chooseSet(headerCells, candidates, file, head[found.index]!.line);
    // The notice of the chosen set goes to stderr too: not onto the end of the progress line.
    progress.done();
    opts.onSetChosen?.(set, opts.set ? 'given' : 'matched');
    const vocab = candidates.find((c) => c.set === set)!.vocab;
    const reader = new Reader(file, set, mapHeaders(headerCells, set, vocab), head[found.index]!.line, decimalComma, onRow, error, opts.warn, opts.units ?? new UnitIndex());
    const body = head.slice(found.index + 1);
    if (body[0] && isNumberingRow(body[0].cells)) body.shift();
    for (const r of body) reader.row(r.cells, r.line);
    return reader;
  }
}

function chooseSet(headers: string[], candidates: Parameters<typeof rankSets>[1], file: string, line: number): CriteriaSet {
  const ranked = rankSets(headers, candidates);
  const best = ranked[0]!;
  const ties = ranked.filter((f) => f.score === best.score && f.unplaced === best.unplaced);
  if (ties.length > 1) {
    fail({ kind: 'ambiguous-set', file, line, params: { count: ties.length, sets: ties.map((t) => t.set.id).join(', '), first: ties[0]!.set.id }, message: `the header fits ${ties.length} criteria sets equally: ${ties.map((t) => t.set.id).join(', ')}`, hint: `Choose one with --set, e.g. --set ${ties[0]!.set.id}.` });
  }
  return best.set;
}

const unitNoun = (level: CriteriaSet['level']) => (level === 'thon' ? 'village' : level === 'xa' ? 'commune' : 'district');


class Reader {
  private readonly nameCol: number;
  private readonly parentCol: number;
  private readonly districtCol: number;
  private readonly totalCol: number;
  private readonly width: number;
  private readonly numberOptions: { decimalComma: boolean };
  private count = 0;
  private readonly markCols: number[] = [];
  private readonly valueCols: { col: number; c: number; i: number }[] = [];

  constructor(
    private readonly file: string,
    private readonly set: CriteriaSet,
    private readonly headers: HeaderMap,
    readonly headerLine: number,
    decimalComma: boolean,
    private readonly onRow: (row: SurveyRow) => void,
    private readonly error: (p: Omit<Problem, 'severity' | 'file'>) => void,
    private readonly warn: (p: Problem) => void,
    private readonly units: UnitIndex,
  ) {
    const cols = headers.columns;
    this.nameCol = cols.findIndex((c) => c.role === 'name');
    this.parentCol = cols.findIndex((c) => c.role === 'parent');
    this.districtCol = cols.findIndex((c) => c.role === 'district');
    this.totalCol = cols.findIndex((c) => c.role === 'total');
    let last = 0;
    cols.forEach((c, i) => {
      if (c.role !== 'empty') last = i + 1;
      if (c.role === 'mark') this.markCols[c.criterion] = i;
      if (c.role === 'value') this.valueCols.push({ col: i, c: c.criterion, i: c.indicator });
    });
    this.width = last;
    this.numberOptions = { decimalComma };
    for (const d of headers.duplicates) {
      error({ kind: 'duplicate-label', line: headerLine, column: d.index + 1, params: { column: d.index + 1, header: d.header, first: d.first + 1, firstHeader: headers.headers[d.first] }, message: `column ${d.index + 1} "${d.header}" means the same as column ${d.first + 1} "${headers.headers[d.first]}"`, hint: 'Remove or rename one of the two columns.' });
    }
    if (this.nameCol < 0) {
      error({ kind: 'missing-label', line: headerLine, params: { level: set.level }, message: `no column with the ${unitNoun(set.level)} name`, hint: `Head it "${set.level === 'thon' ? 'Tên thôn' : set.level === 'xa' ? 'Tên xã' : 'Tên huyện'}".` });
    }
    if (headers.unknown.length) {
      warn({ kind: 'extra-label', severity: 'warning', file, line: headerLine, params: { set: set.id, columns: headers.unknown.map((u) => `${u.index + 1} "${u.header}"`).join(', ') }, message: `columns not used (no criterion or indicator of "${set.id}" has these names): ${headers.unknown.map((u) => `${u.index + 1} "${u.header}"`).join(', ')}`, hint: 'Rename a column to a criterion id or name to have it read; `ntm sets show ' + set.id + '` lists them.' });
    }
  }

  row(raw: string[], line: number): void {
    // The common row (a name, no stray cells) is read cell by cell, without copying the record.
    const name = this.nameCol >= 0 ? nfc(cleanCell(raw[this.nameCol] ?? '')) : '';
    if (!name || raw.length < this.width || raw.length > this.headers.columns.length) {
      if (!this.irregular(raw, line, name)) return;
    }
    const parent = this.parentCol >= 0 ? nfc(cleanCell(raw[this.parentCol] ?? '')) : '';
    const key = unitKey(name, parent);
    const dup = this.units.add(key, this.file, line);
    if (dup?.file === this.file) {
      const first = dup.line;
      this.error({ kind: 'duplicate-unit', line, column: this.nameCol + 1, params: { unit: name, parent: parent || undefined, first, line }, message: `"${name}"${parent ? ` (${parent})` : ''} appears twice: lines ${first} and ${line}`, hint: 'Each unit must have one row; merge or remove one.' });
      return;
    }
    if (dup) {
      const unit = `"${name}"${parent ? ` (${parent})` : ''}`;
      const first = `${dup.file}:${dup.line}`;
      this.warn({
        kind: 'duplicate-unit-files',
        severity: 'warning',
        file: this.file,
        line,
        params: { unit: name, parent: parent || undefined, first },
        message: `${unit} is also in ${first}: it is evaluated twice`,
        hint: 'A unit belongs in one file of a batch; remove it from one of them.',
      });
    }

    const n = this.set.criteria.length;
    const marks = new Array<boolean | null | undefined>(n);
    // Only criteria with value columns get a values array; the rest stay undefined (no column).
    const values = new Array<(IndicatorValue | Assessed | null | undefined)[] | undefined>(n);
    let metMarks = 0;
    for (let c = 0; c < n; c++) {
      const col = this.markCols[c];
      if (col === undefined) continue;
      const m = parseMark(raw[col] ?? '');
      if (!m.ok) {
        this.badCell(line, col, cleanCell(raw[col]!), m.expected, m.want);
        continue;
      }
      marks[c] = m.value;
      if (m.value) metMarks++;
    }
    for (const { col, c, i } of this.valueCols) {
      const ind = this.set.criteria[c]!.indicators[i]!;
      const v = parseIndicatorValue(raw[col] ?? '', ind, this.numberOptions);
      if (!v.ok) this.badCell(line, col, cleanCell(raw[col]!), v.expected, v.want);
      else (values[c] ??= new Array(this.set.criteria[c]!.indicators.length))[i] = v.value;
    }
    let total: number | undefined;
    const totalCell = this.totalCol >= 0 ? cleanCell(raw[this.totalCol] ?? '') : '';
    if (totalCell) {
      total = Number(totalCell);
      if (!Number.isInteger(total)) {
        this.badCell(line, this.totalCol, totalCell, 'a whole number of criteria', { want: 'total' });
        total = undefined;
      } else if (this.markCols.length && total !== metMarks) {
        this.warn({ kind: 'total-mismatch', severity: 'warning', file: this.file, line, column: this.totalCol + 1, params: { unit: name, parent: parent || undefined, marks: metMarks, total }, message: `${name}${parent ? ` (${parent})` : ''}: the marks add up to ${metMarks} criteria met, the total column says ${total}`, hint: 'ntm counts the marks; correct the total or the marks.' });
      }
    }
    this.count++;
    const district = this.districtCol >= 0 ? nfc(cleanCell(raw[this.districtCol] ?? '')) : undefined;
    this.onRow({ file: this.file, line, name, parent, district, marks, values, total });
  }

  /**
   * A row without a name, or with too few or too many cells: a trailing note or blank row is
   * skipped (with a warning), anything else is an error. True when the row is still a unit.
   */
  private irregular(raw: string[], line: number, name: string): boolean {
    const cells = raw.map((c) => cleanCell(c));
    if (cells.every((c) => c === '')) return false;
    if (!name) {
      const others = cells.filter((c, i) => c !== '' && this.headers.columns[i]?.role !== 'seq');
      if (others.length <= 1) {
        const text = cells.find((c) => c !== '') ?? '';
        this.warn({ kind: 'blank-row', severity: 'warning', file: this.file, line, params: { text: short(text) }, message: `row skipped, it names no unit: "${short(text)}"` });
      } else {
        this.error({ kind: 'missing-cell', line, column: this.nameCol + 1, message: 'this row has marks or values but no unit name', hint: 'Fill in the name, or delete the row.' });
      }
      return false;
    }
    if (raw.length < this.width) {
      this.error({ kind: 'ragged-row', line, column: raw.length + 1, params: { cells: raw.length, width: this.width }, message: `this row has ${raw.length} cells but the header has ${this.width}`, hint: 'A cell is missing or a stray delimiter splits one; check the row in a spreadsheet.' });
      return false;
    }
    const extra = cells.findIndex((c, i) => i >= this.headers.columns.length && c !== '');
    if (extra >= 0) {
      this.error({ kind: 'ragged-row', line, column: extra + 1, params: { cells: raw.length, width: this.headers.columns.length, extra: extra + 1, text: short(cells[extra]!) }, message: `this row has ${raw.length} cells but the header has ${this.headers.columns.length}: cell ${extra + 1} ("${short(cells[extra]!)}") has no column`, hint: 'A stray delimiter splits a cell, or the header lacks a column; check the row in a spreadsheet.' });
      return false;
    }
    return true;
  }

  private badCell(line: number, col: number, value: string, expected: string, want: ProblemParams): void {
    this.error({ kind: 'type-error', line, column: col + 1, params: { ...want, header: this.headers.headers[col], value, expected }, message: `column "${this.headers.headers[col]}": "${value}" is not understood; expected ${expected}`, hint: 'Correct the cell (blank means no data).' });
  }

  result(): ReadResult {
    const missing: ReadResult['missing'] = [];
    this.set.criteria.forEach((c, ci) => {
      if (this.markCols[ci] !== undefined) return;
      const covered = c.indicators.map((_, ii) => this.valueCols.some((v) => v.c === ci && v.i === ii));
      if (c.indicators.length === 0 || !covered.some(Boolean)) missing.push({ criterion: ci });
      else covered.forEach((has, ii) => has || missing.push({ criterion: ci, indicator: ii }));
    });
    return { set: this.set, headers: this.headers, rows: this.count, missing };
  }
}

const short = (s: string) => (s.length > 60 ? `${s.slice(0, 60)}…` : s);

/**
 * "reading FILE: 12.0 / 50.0 MB" on stderr, only on a terminal, once reading has taken over a
 * second (NTM_PROGRESS_AFTER_MS changes that, for tests), at most five times a second; erased at the end.
 */
function progressLine(file: string, total: number, lang: Lang): { update: (read: number) => void; done: () => void } {
  const tty = process.stderr.isTTY === true && total > 0;
  const after = Number(process.env.NTM_PROGRESS_AFTER_MS ?? 1000);
  const start = Date.now();
  let last = 0;
  let shown = false;
  const mb = (n: number) => (n / 1e6).toFixed(1);
  return {
    update: (read) => {
      if (!tty) return;
      const now = Date.now();
      if (now - start < after || now - last < 200) return;
      last = now;
      shown = true;
      process.stderr.write(`\r${readingNotice(lang, file, mb(read), mb(total), Math.floor((read / total) * 100))}\x1b[K`);
    },
    done: () => {
      if (shown) process.stderr.write('\r\x1b[K');
      shown = false;
    },
  };
}
