import { statSync } from 'node:fs';
import type { CriteriaSet, Indicator } from '../criteria/types.js';
import { fail, InputError, problem, type Problem, type ProblemParams } from '../problems.js';
import { cleanCell, nfc } from '../text/normalize.js';
import { readingNotice, type Lang } from '../i18n/messages.js';
import { fillMergedHeaders, findHeaderRow, isNumberingRow, rankSets } from './choose-set.js';
import { mapHeaders, vocabulary, type HeaderMap } from './match-headers.js';
import { openCsv } from './open-csv.js';
import { UnitIndex, unitKey } from './unit-index.js';
import { pulled } from './pulled-records.js';
import {
  parseIndicatorValue,
  parseMark,
  type Assessed,
  type IndicatorValue,
  type NumberOptions,
} from './parse-value.js';
import { MAX_HELD, observe, pending, readingOf, settle, unsureCell } from './decide-columns.js';
import type { DecidingColumn, Mixed } from './decide-columns.js';
import { foreignDelimiter } from './foreign-delimiter.js';
import { isSectionNumber, isSectionTotal, isTotalLabel, sectionOf, type Section } from './row-layout.js';
import { checkTotalRow, Tally } from './total-rows.js';
import { readWorkbookRecords, workbookKind } from './xlsx-records.js';

/** One survey row: a unit with its marks and values, aligned with the set's criteria. */
export interface SurveyRow {
  file: string;
  line: number;
  name: string;
  parent: string;
  /** The district, when a village file has a district column. */
  district?: string;
  /** The commune group (1, 2, 3) from the row's group column, which overrides --group. */
  group?: number;
  /** The worksheet, when the file is a workbook (`line` is then its row number). */
  sheet?: string;
  /** Per criterion: true / false, null for a blank mark, undefined when the file has no mark column. */
  marks: (boolean | null | undefined)[];
  /**
   * Per criterion, per indicator: the value, null for blank, undefined when the file has no column
   * (the whole criterion's array is undefined when it has none).
   */
  values: ((IndicatorValue | Assessed | null | undefined)[] | undefined)[];
  total?: number;
}

export interface ReadOptions {
  encoding?: string;
  /** The worksheet of a workbook (name, or number from 1); default: the one whose header fits a set. */
  sheet?: string;
  /** The language of the progress line. */
  lang?: Lang;
  /** The set to read with; when absent it is chosen from the header among `candidates`. */
  set?: CriteriaSet;
  candidates: CriteriaSet[];
  /** Told of each warning as it is found. */
  warn: (p: Problem) => void;
  /** The units of the run so far, shared by its files: a unit in two files is a warning. */
  units?: UnitIndex;
  /** Read percentages as written, never as fractions of 1 (--percent-as-is). */
  percentAsIs?: boolean;
  /** Told which set was chosen and why, before the first row. */
  onSetChosen?: (set: CriteriaSet, how: string) => void;
  /** Return the errors of the rows and cells in the result instead of throwing them (`ntm validate`). */
  keepErrors?: boolean;
}

export interface ReadResult {
  set: CriteriaSet;
  headers: HeaderMap;
  rows: number;
  /** Criteria and indicators that no column of the file covers. */
  missing: { criterion: number; indicator?: number }[];
  /** The worksheet read, when the file is a workbook. */
  sheet?: string;
  /** With `keepErrors`: the errors found (at most MAX_ERRORS). */
  errors: Problem[];
}

const HEADER_WINDOW = 30;
const MAX_ERRORS = 50;

/**
 * Streams a survey (CSV, or a sheet of an Excel workbook) into batches of rows, pulled by the
 * caller; returns what was learnt of the file at the end. Collects every error and throws them at
 * the end (the rows read by then have been yielded: the caller decides what to do with them), or
 * with `keepErrors` returns them. A workbook's problems and rows carry its sheet.
 */
export async function* readSurvey(path: string, opts: ReadOptions): AsyncGenerator<SurveyRow[], ReadResult> {
  const where: { sheet?: string } = {};
  const inSheet = (p: Problem) => {
    if (where.sheet !== undefined && p.file === path) p.sheet ??= where.sheet;
  };
  const warn = (p: Problem) => {
    inSheet(p);
    opts.warn(p);
  };
  try {
    const result = yield* readTable(path, { ...opts, warn }, where);
    result.errors.forEach(inSheet);
    return { ...result, sheet: where.sheet };
  } catch (e) {
    if (e instanceof InputError) e.problems.forEach(inSheet);
    throw e;
  }
}

async function* readTable(
  path: string,
  opts: ReadOptions,
  where: { sheet?: string },
): AsyncGenerator<SurveyRow[], ReadResult> {
  const book = workbookKind(path);
  if (book === 'xls') {
    fail('old-excel', undefined, { file: path });
  }
  const csv = book ? undefined : await openCsv(path, opts.encoding);
  const file = csv?.name ?? path;
  // A workbook's numbers come as the record source writes them, with "." (delimiter ",").
  const delimiter = csv?.delimiter ?? ',';
  let rows: SurveyRow[] = [];
  const onRow = (row: SurveyRow) => rows.push(book ? Object.assign(row, { sheet: where.sheet }) : row);
  const errors: Problem[] = [];
  const error = (p: Omit<Problem, 'severity' | 'file'>) => {
    if (errors.length < MAX_ERRORS) errors.push({ ...p, severity: 'error', file });
  };

  const progress = progressLine(file, csv?.size ?? statSync(path).size, opts.lang ?? 'en');
  const head: { cells: string[]; line: number }[] = [];
  let state: Reader | undefined;
  const onRecord = (record: string[], line: number) => {
    if (state) state.row(record, line);
    else {
      head.push({ cells: record.map(nfc), line });
      if (head.length === HEADER_WINDOW) state = startReading();
    }
  };
  const records = () => {
    if (csv) return csv.records(progress.update);
    const sets = opts.set ? [opts.set] : opts.candidates;
    const fits = (head: string[][]) => sheetFits(head, sets);
    const onSheet = (name: string) => (where.sheet = name);
    const options = { sheet: opts.sheet, headRows: HEADER_WINDOW, fits, onSheet, onBytes: progress.update, error };
    return pulled((push) => readWorkbookRecords(path, options, push));
  };
  try {
    for await (const batch of records()) {
      for (const { cells, line } of batch) onRecord(cells, line);
      if (rows.length) {
        yield rows;
        rows = [];
      }
    }
  } finally {
    progress.done();
  }
  state ??= startReading();
  state.finish();
  if (rows.length) yield rows;
  if (errors.length && !opts.keepErrors) throw new InputError(errors);
  const result = { ...state.result(), errors };
  // Rows that all had errors are not "no rows": their errors say what is wrong.
  if (result.rows === 0 && errors.length === 0) {
    fail('no-units', { level: result.set.level }, { file, line: state.headerLine });
  }
  return result;

  function startReading(): Reader {
    if (head.length === 0 || head.every((r) => r.cells.every((c) => cleanCell(c) === ''))) {
      fail('empty-file', undefined, { file });
    }
    const candidates = (opts.set ? [opts.set] : opts.candidates).map((set) => ({ set, vocab: vocabulary(set) }));
    const rows = head.map((r) => r.cells);
    const found = findHeaderRow(
      rows,
      candidates.map((c) => c.vocab),
    );
    if (found.index < 0) {
      fail('no-header', { set: opts.set?.id, rows: HEADER_WINDOW }, { file, line: head[0]!.line });
    }
    const headerCells = fillMergedHeaders(rows, found.index);
    const set = opts.set ?? chooseSet(headerCells, candidates, file, head[found.index]!.line);
    // The notice of the chosen set goes to stderr too: not onto the end of the progress line.
    progress.done();
    opts.onSetChosen?.(set, opts.set ? 'given' : 'matched');
    const vocab = candidates.find((c) => c.set === set)!.vocab;
    const headers = mapHeaders(headerCells, set, vocab);
    const headerLine = head[found.index]!.line;
    const reader = new Reader({
      file,
      set,
      headers,
      headerLine,
      delimiter,
      percentAsIs: opts.percentAsIs ?? false,
      onRow,
      error,
      warn: opts.warn,
      units: opts.units ?? new UnitIndex(),
    });
    const body = head.slice(found.index + 1);
    if (body[0] && isNumberingRow(body[0].cells)) body.shift();
    for (const r of body) reader.row(r.cells, r.line);
    return reader;
  }
}

/** A sheet the reader would take: its header row names a unit column and a criterion or indicator of a set. */
function sheetFits(rows: string[][], sets: CriteriaSet[]): boolean {
  const candidates = sets.map((set) => ({ set, vocab: vocabulary(set) }));
  const found = findHeaderRow(
    rows,
    candidates.map((c) => c.vocab),
  );
  if (found.index < 0) return false;
  const header = fillMergedHeaders(rows, found.index);
  return candidates.some(({ set, vocab }) => {
    const roles = mapHeaders(header, set, vocab).columns.map((c) => c.role);
    return roles.includes('name') && (roles.includes('mark') || roles.includes('value'));
  });
}

function chooseSet(
  headers: string[],
  candidates: Parameters<typeof rankSets>[1],
  file: string,
  line: number,
): CriteriaSet {
  const ranked = rankSets(headers, candidates);
  const best = ranked[0]!;
  const ties = ranked.filter((f) => f.score === best.score && f.unplaced === best.unplaced);
  if (ties.length > 1) {
    const sets = ties.map((t) => t.set.id).join(', ');
    fail('ambiguous-set', { count: ties.length, sets, first: ties[0]!.set.id }, { file, line });
  }
  return best.set;
}

interface ReaderContext {
  file: string;
  set: CriteriaSet;
  headers: HeaderMap;
  headerLine: number;
  delimiter: string;
  /** Percent columns are read as written, never as fractions (--percent-as-is). */
  percentAsIs: boolean;
  onRow: (row: SurveyRow) => void;
  error: (p: Omit<Problem, 'severity' | 'file'>) => void;
  warn: (p: Problem) => void;
  /** The units of the run so far, shared by its files. */
  units: UnitIndex;
}

class Reader {
  private readonly file: string;
  private readonly set: CriteriaSet;
  private readonly headers: HeaderMap;
  readonly headerLine: number;
  private readonly error: ReaderContext['error'];
  private readonly warn: ReaderContext['warn'];
  private readonly units: UnitIndex;
  private readonly onRow: ReaderContext['onRow'];
  private readonly nameCol: number;
  private readonly parentCol: number;
  private readonly districtCol: number;
  private readonly seqCol: number;
  private readonly totalCol: number;
  private readonly groupCol: number;
  private readonly width: number;
  private readonly numberOptions: NumberOptions;
  private readonly fractionOptions: NumberOptions;
  private count = 0;
  private readonly markCols: (number | undefined)[] = [];
  private readonly valueCols: { col: number; c: number; i: number; decide?: DecidingColumn }[] = [];
  /** Criterion columns whose cells tell marks from values (see decide-columns.ts). */
  private readonly eitherCols: (DecidingColumn & { c: number; i: number })[] = [];
  private readonly deciding: DecidingColumn[] = [];
  /** Columns that hold marks or values: a row with none of them filled may be a section row. */
  private readonly figureCols: number[] = [];
  /** Rows waiting for a column's decision. */
  private held: { raw: string[]; line: number }[] = [];
  private readonly fileTally: Tally;
  private sectionTally: Tally | undefined;
  /** The parent of a row whose parent cell is blank: the section's, or the row above's (a merged cell). */
  private carry = '';
  private carryFromRow = false;
  private mergedNoted = false;
  private lastLine = 0;
  /** Total rows (and section rows with counts) waiting for the units they add up. */
  private totals: { raw: string[]; line: number; label: string; tally: Tally; section?: boolean }[] = [];

  constructor(private readonly ctx: ReaderContext) {
    ({
      file: this.file,
      set: this.set,
      headers: this.headers,
      headerLine: this.headerLine,
      error: this.error,
      warn: this.warn,
      units: this.units,
      onRow: this.onRow,
    } = ctx);
    const { set, headers, headerLine, error, warn, file } = ctx;
    const cols = headers.columns;
    this.nameCol = cols.findIndex((c) => c.role === 'name');
    this.parentCol = cols.findIndex((c) => c.role === 'parent');
    this.districtCol = cols.findIndex((c) => c.role === 'district');
    this.seqCol = cols.findIndex((c) => c.role === 'seq');
    this.totalCol = cols.findIndex((c) => c.role === 'total');
    // Excel in a Vietnamese locale writes ";" between cells because "," is its decimal mark.
    this.numberOptions = { decimalComma: ctx.delimiter === ';' };
    this.fractionOptions = { ...this.numberOptions, fractions: true };
    this.groupCol = cols.findIndex((c) => c.role === 'group');
    let last = 0;
    cols.forEach((c, i) => {
      if (c.role !== 'empty') last = i + 1;
      if (c.role === 'mark' || c.role === 'value' || c.role === 'either' || c.role === 'total') this.figureCols.push(i);
      if (c.role === 'mark') this.markCols[c.criterion] = i;
      if (c.role === 'value') {
        const ind = set.criteria[c.criterion]!.indicators[c.indicator]!;
        const percent = this.percentState(ind);
        const decide = percent ? { col: i, ind, percent } : undefined;
        if (decide) this.deciding.push(decide);
        this.valueCols.push({ col: i, c: c.criterion, i: c.indicator, decide });
      }
      if (c.role === 'either') {
        const ind = set.criteria[c.criterion]!.indicators[c.indicator]!;
        const d = {
          col: i,
          ind,
          either: { lean: c.lean },
          percent: this.percentState(ind),
          c: c.criterion,
          i: c.indicator,
        };
        this.deciding.push(d);
        this.eitherCols.push(d);
      }
    });
    this.width = last;
    this.fileTally = new Tally(set.criteria.length);
    for (const d of headers.duplicates) {
      const params = {
        column: d.index + 1,
        header: d.header,
        first: d.first + 1,
        firstHeader: headers.headers[d.first],
      };
      error(problem('duplicate-label', params, { line: headerLine, column: d.index + 1 }));
    }
    if (this.nameCol < 0) {
      error(problem('missing-label', { level: set.level }, { line: headerLine }));
    }
    if (headers.unknown.length) {
      const columns = headers.unknown.map((u) => `${u.index + 1} "${u.header}"`).join(', ');
      warn(problem('extra-label', { set: set.id, columns }, { severity: 'warning', file, line: headerLine }));
    }
  }

  /** A percentage column decides between percentages and fractions, unless the set gives ratios or the user said so. */
  private percentState(ind: Indicator): DecidingColumn['percent'] {
    return ind.type !== 'percent' || ind.unit === 'ratio' || this.ctx.percentAsIs ? undefined : {};
  }

  row(raw: string[], line: number): void {
    this.lastLine = line;
    if (this.deciding.length === 0) return this.unit(raw, line);
    if (!isTotalLabel(this.label(raw))) {
      for (const m of observe(this.deciding, raw, line, this.numberOptions)) this.mixedError(m);
    }
    if (this.held.length === 0 && pending(this.deciding).length === 0) return this.unit(raw, line);
    this.held.push({ raw, line });
    if (pending(this.deciding).length === 0) this.release();
    else if (this.held.length >= MAX_HELD) this.settle(line);
  }

  /** The end of the file: the columns still open are decided, the rows held are read. */
  finish(): void {
    if (this.deciding.length) this.settle(this.lastLine);
    this.closeTotals();
  }

  private settle(line: number): void {
    for (const d of settle(this.deciding, line)) this.undecidedError(d);
    const fractions = this.deciding.filter((d) => d.percent?.decided?.reading === 'fraction' && !d.percent.noted);
    if (fractions.length) {
      for (const d of fractions) d.percent!.noted = true;
      const first = fractions[0]!;
      const { text, line: at } = first.percent!.decided!;
      const columns = fractions.map((d) => `"${short(this.headers.headers[d.col]!)}"`).join(', ');
      const params = { columns, count: fractions.length, value: text, percent: pct(text) };
      this.warn(
        problem('percent-fractions', params, { severity: 'warning', file: this.file, line: at, column: first.col + 1 }),
      );
    }
    this.release();
  }

  private release(): void {
    const rows = this.held;
    this.held = [];
    for (const r of rows) this.unit(r.raw, r.line);
  }

  /** The cell that names a row: its name, or its number when the name is blank (a merged "Tổng cộng"). */
  private label(raw: string[]): string {
    const name = this.nameCol >= 0 ? cleanCell(raw[this.nameCol] ?? '') : '';
    return name || (this.seqCol >= 0 ? cleanCell(raw[this.seqCol] ?? '') : '');
  }

  private unit(raw: string[], line: number): void {
    // The common row (a name, no stray cells) is read cell by cell, without copying the record.
    const name = this.nameCol >= 0 ? nfc(cleanCell(raw[this.nameCol] ?? '')) : '';
    const seq = this.seqCol >= 0 ? cleanCell(raw[this.seqCol] ?? '') : '';
    if (isTotalLabel(name || seq)) return this.totalRow(raw, line, name || seq);
    // A numbered section row may carry its section's counts; one named "Xã …" has no figures.
    // (A row numbered "a" or "B" with marks may be a unit: only "II" or "Xã …" carry counts.)
    const numbered = seq !== '' && isSectionNumber(seq);
    if (numbered || this.blankFigures(raw)) {
      const section = sectionOf(seq, name, this.set.level);
      const isSection = section && (section.sure || this.blankFigures(raw));
      if (isSection) return this.startSection(section, raw, line, name || seq);
    }
    if (!name || raw.length < this.width || raw.length > this.headers.columns.length) {
      if (!this.irregular(raw, line, name)) return;
    }
    const parent = this.parentOf(raw, line);
    const key = unitKey(name, parent);
    const dup = this.units.add(key, this.file, line);
    if (dup?.file === this.file) {
      const first = dup.line;
      const params = { unit: name, parent: parent || undefined, first, line };
      this.error(problem('duplicate-unit', params, { line, column: this.nameCol + 1 }));
      return;
    }
    if (dup) {
      const params = { unit: name, parent: parent || undefined, first: `${dup.file}:${dup.line}` };
      this.warn(problem('duplicate-unit-files', params, { severity: 'warning', file: this.file, line }));
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
    for (const { col, c, i, decide } of this.valueCols) {
      if (decide?.failed) continue;
      const v = parseIndicatorValue(raw[col] ?? '', this.set.criteria[c]!.indicators[i]!, this.optionsFor(decide));
      if (!v.ok) this.badCell(line, col, cleanCell(raw[col]!), v.expected, v.want);
      else (values[c] ??= new Array(this.set.criteria[c]!.indicators.length))[i] = v.value;
    }
    for (const d of this.eitherCols) {
      if (d.failed) continue;
      const cell = raw[d.col] ?? '';
      if (readingOf(d).mark) {
        const m = parseMark(cell);
        if (!m.ok) this.badCell(line, d.col, cleanCell(cell), m.expected, m.want);
        else if ((marks[d.c] = m.value)) metMarks++;
        continue;
      }
      const v = parseIndicatorValue(cell, d.ind, this.optionsFor(d));
      if (!v.ok) this.badCell(line, d.col, cleanCell(cell), v.expected, v.want);
      else (values[d.c] ??= new Array(this.set.criteria[d.c]!.indicators.length))[d.i] = v.value;
    }
    let total: number | undefined;
    const totalCell = this.totalCol >= 0 ? cleanCell(raw[this.totalCol] ?? '') : '';
    if (totalCell) {
      total = Number(totalCell);
      if (!Number.isInteger(total)) {
        this.badCell(line, this.totalCol, totalCell, 'a whole number of criteria', { want: 'total' });
        total = undefined;
      } else if (this.hasMarks() && total !== metMarks) {
        const params = { unit: name, parent: parent || undefined, marks: metMarks, total };
        const where = { severity: 'warning' as const, file: this.file, line, column: this.totalCol + 1 };
        this.warn(problem('total-mismatch', params, where));
      }
    }
    this.fileTally.add(marks, metMarks);
    this.sectionTally?.add(marks, metMarks);
    this.count++;
    const district = this.districtCol >= 0 ? nfc(cleanCell(raw[this.districtCol] ?? '')) : undefined;
    const row: SurveyRow = { file: this.file, line, name, parent, district, marks, values, total };
    if (this.groupCol >= 0) {
      const cell = cleanCell(raw[this.groupCol] ?? '');
      const group = readGroup(cell);
      if (group !== undefined) row.group = group;
      else if (cell)
        this.badCell(line, this.groupCol, cell, 'the commune group: 1, 2 or 3 (or blank to use --group)', {
          want: 'group',
        });
    }
    this.onRow(row);
  }

  private optionsFor(d: DecidingColumn | undefined): NumberOptions {
    return d && readingOf(d).fractions ? this.fractionOptions : this.numberOptions;
  }

  private hasMarks(): boolean {
    return this.markCols.length > 0 || this.eitherCols.some((d) => readingOf(d).mark);
  }

  /**
   * The unit's parent: its own cell; when blank, the section's name; else the parent of the row
   * above — a merged cell, which Excel exports as blanks under its first row (said once per file).
   */
  private parentOf(raw: string[], line: number): string {
    const own = this.parentCol >= 0 ? nfc(cleanCell(raw[this.parentCol] ?? '')) : '';
    if (own) {
      this.carry = own;
      this.carryFromRow = true;
      return own;
    }
    if (this.carry && this.carryFromRow && !this.mergedNoted) {
      this.mergedNoted = true;
      const header = this.headers.headers[this.parentCol];
      const where = { severity: 'warning' as const, file: this.file, line, column: this.parentCol + 1 };
      this.warn(problem('merged-parent', { header, parent: this.carry }, where));
    }
    return this.carry;
  }

  private blankFigures(raw: string[]): boolean {
    for (const col of this.figureCols) {
      const c = raw[col];
      if (c !== undefined && c !== '' && cleanCell(c) !== '') return false;
    }
    return true;
  }

  /**
   * A section row: a new section to tally, and the parent of the units under it. Figures on the
   * row are the section's counts, checked once the section has closed.
   */
  private startSection(section: Section, raw: string[], line: number, label: string): void {
    if (this.sectionTally) this.closeTotals(this.sectionTally);
    this.sectionTally = new Tally(this.set.criteria.length);
    if (!this.blankFigures(raw)) this.totals.push({ raw, line, label, tally: this.sectionTally, section: true });
    const own = this.parentCol >= 0 ? nfc(cleanCell(raw[this.parentCol] ?? '')) : '';
    this.carry = section.above ? '' : nfc(section.parent) || own;
    this.carryFromRow = false;
  }

  /**
   * A total row is not a unit: its figures are checked against the units it adds up — at once
   * when it closes them, at the end of its section or file when it stands above them (many
   * annexes put "Tổng cộng" first, under the header).
   */
  private totalRow(raw: string[], line: number, label: string): void {
    const tally = this.sectionTally && isSectionTotal(label) ? this.sectionTally : this.fileTally;
    if (tally.units === 0) this.totals.push({ raw, line, label, tally });
    else this.checkTotal(raw, line, label, tally);
  }

  /** Checks the total rows waiting for `tally` (all of them when none is given). */
  private closeTotals(tally?: Tally): void {
    const due = this.totals.filter((t) => !tally || t.tally === tally);
    if (due.length === 0) return;
    this.totals = this.totals.filter((t) => !due.includes(t));
    for (const t of due) this.checkTotal(t.raw, t.line, t.label, t.tally, t.section);
  }

  private checkTotal(raw: string[], line: number, label: string, tally: Tally, section = false): void {
    const markCols = [...this.markCols];
    for (const d of this.eitherCols) if (readingOf(d).mark) markCols[d.c] = d.col;
    const off = checkTotalRow(raw, markCols, this.totalCol, tally);
    if (off.length === 0) return;
    const shown = off.slice(0, 5).map((o) => `"${this.headers.headers[o.col]}" ${o.says} (rows: ${o.counted})`);
    const columns = shown.join(', ') + (off.length > 5 ? `, and ${off.length - 5} more` : '');
    const columnsVi =
      off
        .slice(0, 5)
        .map((o) => `"${this.headers.headers[o.col]}" ${o.says} (các dòng: ${o.counted})`)
        .join(', ') + (off.length > 5 ? ` và ${off.length - 5} cột khác` : '');
    const params = { label: short(label), count: off.length, columns, columnsVi, row: section ? 'section' : 'total' };
    const where = { severity: 'warning' as const, file: this.file, line, column: off[0]!.col + 1 };
    this.warn(problem('total-row-mismatch', params, where));
  }

  private mixedError(m: Mixed): void {
    const header = this.headers.headers[m.col];
    const params = {
      header,
      first: m.first.text,
      firstLine: m.first.line,
      second: m.second.text,
      secondLine: m.second.line,
    };
    if (m.first.reading === 'mark' || m.first.reading === 'value') {
      const e = this.eitherCols.find((x) => x.col === m.col);
      const c = e && this.set.criteria[e.c];
      const ind = e && c?.indicators[e.i];
      const either = {
        ...params,
        which: 'either',
        marks: m.first.reading === 'mark' ? 'first' : 'second',
        criterion: c?.id,
        indicator: ind?.id,
        indicatorName: ind?.name,
      };
      this.error(problem('mixed-column', either, { line: m.second.line, column: m.col + 1 }));
      return;
    }
    const [fraction, percent] = m.first.reading === 'fraction' ? [m.first, m.second] : [m.second, m.first];
    const mixed = {
      ...params,
      which: 'percent',
      fraction: fraction.text,
      fractionLine: fraction.line,
      percent: percent.text,
      percentLine: percent.line,
    };
    this.error(problem('mixed-column', mixed, { line: m.second.line, column: m.col + 1 }));
  }

  private undecidedError(d: DecidingColumn): void {
    const header = this.headers.headers[d.col];
    const at = unsureCell(d);
    if (at.which === 'either') {
      const e = this.eitherCols.find((x) => x.col === d.col)!;
      const c = this.set.criteria[e.c]!;
      const ind = c.indicators[e.i]!;
      const params = {
        header,
        which: 'either',
        value: at.text,
        criterion: c.id,
        indicator: ind.id,
        indicatorName: ind.name,
        unit: ind.unit,
      };
      this.error(problem('undecided-column', params, { line: at.line, column: d.col + 1 }));
      return;
    }
    const params = { header, which: 'percent', value: at.text };
    this.error(problem('undecided-column', params, { line: at.line, column: d.col + 1 }));
  }

  /**
   * A row without a name, or with too few or too many cells: a trailing note or blank row is
   * skipped (with a warning), a row cut short by Excel (trailing empty cells dropped) is read with
   * those cells blank, anything else is an error. True when the row is still a unit.
   */
  private irregular(raw: string[], line: number, name: string): boolean {
    const cells = raw.map((c) => cleanCell(c));
    if (cells.every((c) => c === '')) return false;
    const other = foreignDelimiter(raw, this.ctx.delimiter, this.width);
    if (other) {
      const shown = other === '\t' ? 'tab' : `"${other}"`;
      const mine = this.ctx.delimiter === '\t' ? 'tab' : `"${this.ctx.delimiter}"`;
      const params = { other: shown, delimiter: mine, text: short(raw.join(this.ctx.delimiter)) };
      this.error(problem('foreign-delimiter', params, { line, column: 1 }));
      return false;
    }
    if (!name) {
      const others = cells.filter((c, i) => c !== '' && this.headers.columns[i]?.role !== 'seq');
      if (others.length <= 1) {
        const text = cells.find((c) => c !== '') ?? '';
        this.warn(problem('blank-row', { text: short(text) }, { severity: 'warning', file: this.file, line }));
      } else {
        this.error(problem('missing-cell', undefined, { line, column: this.nameCol + 1 }));
      }
      return false;
    }
    const extra = cells.findIndex((c, i) => i >= this.headers.columns.length && c !== '');
    if (extra >= 0) {
      const params = {
        cells: raw.length,
        width: this.headers.columns.length,
        extra: extra + 1,
        text: short(cells[extra]!),
      };
      this.error(problem('ragged-row', params, { line, column: extra + 1 }));
      return false;
    }
    return true;
  }

  private badCell(line: number, col: number, value: string, expected: string, want: ProblemParams): void {
    const params = { ...want, header: this.headers.headers[col], value, expected };
    this.error(problem('type-error', params, { line, column: col + 1 }));
  }

  result(): Omit<ReadResult, 'errors'> {
    // Columns decided by their cells take their role in the header map the caller gets.
    for (const d of this.eitherCols) {
      if (d.failed) continue;
      if (readingOf(d).mark) this.markCols[d.c] = d.col;
      else this.valueCols.push({ col: d.col, c: d.c, i: d.i });
      this.headers.columns[d.col] = readingOf(d).mark
        ? { role: 'mark', criterion: d.c }
        : {
            role: 'value',
            criterion: d.c,
            indicator: d.i,
          };
    }
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

/** "0,298" as the percentage it would be: "29.8". */
const pct = (s: string) => String(Math.round(Number(s.replace(',', '.')) * 1000) / 10);

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
      process.stderr.write(
        `\r${readingNotice(lang, file, mb(read), mb(total), Math.floor((read / total) * 100))}\x1b[K`,
      );
    },
    done: () => {
      if (shown) process.stderr.write('\r\x1b[K');
      shown = false;
    },
  };
}

/** "1", "Nhóm 2", "xã nhóm 3" → the group; anything else is not a group. */
function readGroup(cell: string): number | undefined {
  const m = /^(?:(?:xã\s*)?nhóm\s*)?([123])$/iu.exec(nfc(cell));
  return m ? Number(m[1]) : undefined;
}
