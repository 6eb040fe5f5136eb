import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openRegistry, setDirs } from '../src/criteria/registry.js';
import type { Indicator } from '../src/criteria/types.js';
import { readRecords } from '../src/data/csv-records.js';
import type { InputError } from '../src/problems.js';
import { parseNumber } from '../src/data/parse-value.js';
import { readSurvey, type SurveyRow } from '../src/data/read-survey.js';
import { compilePlan, evaluateUnit } from '../src/engine/evaluate.js';
import { judge } from '../src/engine/judge.js';
import { tempDir } from './helpers/cli.js';

const registry = await openRegistry(setDirs([], {}));
const villageSet = registry.get('bac-kan-thon-2019');
const communeSet = registry.get('quoc-gia-xa-2021');

describe('parseNumber gives back the number that was formatted', () => {
  // Numbers as people have them: up to 9 digits before the decimal mark, up to 3 after.
  const numbers = fc
    .tuple(fc.integer({ min: -999_999_999, max: 999_999_999 }), fc.integer({ min: 0, max: 3 }))
    .chain(([whole, digits]) =>
      fc
        .integer({ min: 0, max: 10 ** digits - 1 })
        .map((frac) => ({ value: whole + Math.sign(whole || 1) * (frac / 10 ** digits), digits })),
    );

  for (const [locale, decimalComma] of [
    ['vi-VN', true],
    ['en-US', false],
  ] as const) {
    for (const useGrouping of [true, false]) {
      it(`${locale}, ${useGrouping ? 'with' : 'without'} grouping`, () => {
        fc.assert(
          fc.property(numbers, ({ value, digits }) => {
            const text = new Intl.NumberFormat(locale, {
              useGrouping,
              minimumFractionDigits: digits,
              maximumFractionDigits: digits,
            }).format(value);
            const back = parseNumber(text, { decimalComma });
            expect(back).toBeCloseTo(value, 9);
          }),
          { numRuns: 500 },
        );
      });
    }
  }
});

describe('parseNumber reads a plain decimal exactly as JavaScript does', () => {
  // The fast path computes digits / 10^k instead of calling Number(): it must give the same double.
  it('for every whole part and fraction', () => {
    const digits = (max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: max });
    fc.assert(
      fc.property(digits(9), digits(6), fc.boolean(), (whole, frac, decimalComma) => {
        const grouping = frac.length === 3 && whole.length <= 3 && whole[0] !== '0';
        fc.pre(!grouping);
        expect(parseNumber(`${whole}${decimalComma ? ',' : '.'}${frac}`, { decimalComma })).toBe(
          Number(`${whole}.${frac}`),
        );
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the CSV reader gives back the records that were written, with their lines', () => {
  // Cells with quotes, delimiters, line breaks and Vietnamese text, written by csv-stringify and
  // read back in chunks cut anywhere (a chunk boundary may fall inside a quoted cell), here or on
  // the worker thread that splits large files.
  const cell = fc.string({ unit: fc.constantFrom('a', 'Đ', 'ạ', ' ', '"', ',', ';', '\n', '1', '%'), maxLength: 8 });
  const records = fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 30 });
  it('for any cells and any chunking', async () => {
    await fc.assert(
      fc.asyncProperty(
        records,
        fc.constantFrom(',', ';'),
        fc.array(fc.nat(), { maxLength: 10 }),
        fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, { arbitrary: fc.constant(2 ** 30), weight: 1 }),
        async (rows, delimiter, cuts, size) => {
          const text = stringify(rows, { delimiter, record_delimiter: '\n' });
          const at = [...new Set(cuts.map((c) => c % text.length))].sort((a, b) => a - b);
          const chunks = [0, ...at].map((from, i) => text.slice(from, [...at, text.length][i])).filter(Boolean);
          const read: { record: string[]; line: number }[] = [];
          const bytes = Readable.from(chunks.map((c) => Buffer.from(c)));
          for await (const batch of readRecords(bytes, 'test.csv', delimiter, size)) {
            for (const { cells, line } of batch) read.push({ record: cells, line });
          }
          let line = 1;
          const expected = rows.map((record) => {
            const here = line;
            line += 1 + record.join('').split('\n').length - 1;
            return { record, line: here };
          });
          expect(read).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  /** How many records `bytes` gives, and what ends the reading (an InputError's problems, or an error's message). */
  const readAll = async (bytes: Readable, size?: number) => {
    let n = 0;
    try {
      for await (const batch of readRecords(bytes, 'big.csv', ',', size)) n += batch.length;
    } catch (e) {
      return { n, problems: (e as InputError).problems, error: (e as Error).message };
    }
    return { n };
  };

  it('on the worker thread, a quote left open is the same error, at the line of its record', async () => {
    const text = `a,b\n${'x,1\n'.repeat(20_000)}y,"open\nz,2\n`;
    const read = (size?: number) => readAll(Readable.from([Buffer.from(text)]), size);
    const here = await read();
    expect(here.problems).toMatchObject([{ kind: 'unclosed-quote', file: 'big.csv', line: 20_002, column: 2 }]);
    expect(await read(text.length)).toEqual(here);
  });

  it('on the worker thread, a file of blank lines is read whole (some 16,000 records a slice)', async () => {
    const text = 'a,b\n' + '\n'.repeat(600_000);
    const read = (size?: number) => readAll(Readable.from([Buffer.from(text)]), size);
    const here = await read();
    expect(here).toEqual({ n: 600_001 });
    expect(await read(text.length)).toEqual(here);
  });

  it('on the worker thread, a byte stream that fails ends the reading after the records before it', async () => {
    const failing = async function* () {
      yield Buffer.from(`a,b\n${'x,1\n'.repeat(20_000)}`);
      throw new Error('a bad byte');
    };
    const read = (size?: number) => readAll(Readable.from(failing()), size);
    const here = await read();
    // The header and every row but the last: csv-parse waits for the byte after a line break.
    expect(here).toEqual({ n: 20_000, problems: undefined, error: 'a bad byte' });
    expect(await read(2 ** 30)).toEqual(here);
  });
});

describe('judge', () => {
  const atLeast = { type: 'number', comparison: '>=', levels: undefined } as Pick<
    Indicator,
    'type' | 'comparison' | 'levels'
  >;
  const finite = fc.double({ min: -1e9, max: 1e9, noNaN: true });

  it('raising a value never turns a met ">=" indicator unmet', () => {
    fc.assert(
      fc.property(finite, finite, fc.double({ min: 0, max: 1e9, noNaN: true }), (threshold, value, raise) => {
        if (judge(atLeast, threshold, value).met) expect(judge(atLeast, threshold, value + raise).met).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('a met value has no shortfall, an unmet one a positive shortfall', () => {
    fc.assert(
      fc.property(finite, finite, (threshold, value) => {
        const v = judge(atLeast, threshold, value);
        if (v.met) expect(v.shortfall).toBe(0);
        else expect(v.shortfall).toBeGreaterThan(0);
      }),
    );
    // Just under the threshold: unmet, so the shortfall is not rounded away to 0.
    expect(judge(atLeast, 95, 94.9999999)).toEqual({ met: false, shortfall: expect.closeTo(1e-7, 12) });
  });
});

/** A random survey row for a set: marks or values, some blank, some missing. */
function rowFor(set: typeof communeSet) {
  // Mostly met, so that some rows meet every criterion and the limit case is reached.
  const mark = fc.oneof(
    { weight: 12, arbitrary: fc.constant<boolean | null | undefined>(true) },
    { weight: 1, arbitrary: fc.constantFrom<boolean | null | undefined>(false, null, undefined) },
  );
  const value = (ind: Indicator) => {
    const blank = fc.constantFrom(null, undefined);
    switch (ind.type) {
      case 'boolean':
      case 'pass':
        return fc.oneof(fc.boolean(), blank);
      case 'level':
        return fc.oneof(fc.constantFrom(...(ind.levels ?? ['a'])), blank);
      case 'count':
        return fc.oneof(fc.nat(1000), blank);
      default:
        return fc.oneof(fc.double({ min: 0, max: 200, noNaN: true }), blank);
    }
  };
  return fc
    .record({
      marks: fc.tuple(...set.criteria.map(() => mark)),
      values: fc.tuple(...set.criteria.map((c) => fc.tuple(...c.indicators.map(value)))),
    })
    .map(({ marks, values }): SurveyRow => ({
      file: 'x.csv',
      line: 2,
      name: 'Xã A',
      parent: '',
      marks: [...marks],
      values: values.map((v) => [...v]),
    }));
}

describe('evaluateUnit', () => {
  for (const set of [villageSet, communeSet]) {
    it(`never counts more criteria met than there are (${set.id})`, () => {
      const plan = compilePlan(set, { region: 'TDMNPB', year: set.defaultYear });
      fc.assert(
        fc.property(rowFor(set), (row) => {
          const u = evaluateUnit(plan, row);
          expect(u.met).toBeGreaterThanOrEqual(0);
          expect(u.met).toBeLessThanOrEqual(u.total);
          expect(u.total).toBe(set.criteria.length);
          expect(u.met).toBe(u.criteria.filter((s) => s === 'met').length);
          expect(u.meets).toBe(u.met === u.total);
        }),
        { numRuns: 300 },
      );
    });
  }
});

describe('evaluation does not depend on the order of columns or rows', () => {
  const MARKS = ['1', 'x', 'Đạt', '', '0', 'Không đạt'];
  const survey = fc.array(
    fc.tuple(fc.array(fc.constantFrom(...MARKS), { minLength: 16, maxLength: 16 }), fc.integer({ min: 1, max: 5 })),
    { minLength: 1, maxLength: 25 },
  );

  it('shuffled columns and rows give the same verdict per unit', async () => {
    const dir = tempDir();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(survey, fc.infiniteStream(fc.nat()), async (units, random) => {
        const header = ['Tên thôn', 'Tên xã', ...villageSet.criteria.map((c) => c.id)];
        const rows = units.map(([marks, commune], i) => [`Thôn ${i}`, `Xã ${commune}`, ...marks]);
        const next = () => random.next().value as number;
        const shuffle = <T>(xs: T[]) =>
          xs
            .map((x) => [next(), x] as const)
            .sort((a, b) => a[0] - b[0])
            .map(([, x]) => x);
        const columns = shuffle(header.map((_, i) => i));
        const write = (order: number[], body: string[][]) => {
          const file = join(dir, `s${n++}.csv`);
          writeFileSync(
            file,
            [order.map((c) => header[c]).join(','), ...body.map((r) => order.map((c) => r[c]).join(','))].join('\n'),
          );
          return file;
        };
        const evaluate = async (file: string) => {
          const plan = compilePlan(villageSet, { region: 'TDMNPB' });
          const out = new Map<string, unknown>();
          for await (const rows of readSurvey(file, { set: villageSet, candidates: [], warn: () => {} })) {
            for (const row of rows) {
              const { file: _f, line: _l, ...rest } = evaluateUnit(plan, row);
              out.set(`${row.name}/${row.parent}`, rest);
            }
          }
          return out;
        };
        const plain = await evaluate(
          write(
            header.map((_, i) => i),
            rows,
          ),
        );
        const shuffled = await evaluate(write(columns, shuffle(rows)));
        expect(shuffled).toEqual(plain);
      }),
      { numRuns: 40 },
    );
  });
});
