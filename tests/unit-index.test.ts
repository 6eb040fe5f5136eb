import { describe, expect, it } from 'vitest';
import { UnitIndex, unitKey } from '../src/data/unit-index.js';

describe('the index of units seen', () => {
  it('finds a unit given again, with the file and line it was first seen at, among many', () => {
    const index = new UnitIndex();
    // Enough units to grow the key buffer and the table several times.
    for (let i = 1; i <= 50_000; i++) {
      expect(index.add(unitKey(`Thôn ${i}`, `Xã ${i % 97}`), i % 2 ? 'a.csv' : 'b.csv', i + 1)).toBeUndefined();
    }
    expect(index.add(unitKey('thôn 12345', 'XÃ 26'), 'c.csv', 9)).toEqual({ file: 'a.csv', line: 12346 });
    expect(index.add(unitKey('Thôn  40000', 'Xã 36'), 'c.csv', 9)).toEqual({ file: 'b.csv', line: 40001 });
    expect(index.add(unitKey('Thôn 12345', 'Xã 27'), 'c.csv', 10)).toBeUndefined();
  });

  it('tells names apart by their diacritics, and keeps a name apart from its parent', () => {
    const index = new UnitIndex();
    expect(index.add(unitKey('Văn Tùng', 'Ngân Sơn'), 'x.csv', 2)).toBeUndefined();
    expect(index.add(unitKey('Vân Tùng', 'Ngân Sơn'), 'x.csv', 3)).toBeUndefined();
    expect(index.add(unitKey('Bản Chang', ''), 'x.csv', 4)).toBeUndefined();
    expect(index.add(unitKey('Bản Chàng', ''), 'x.csv', 5)).toBeUndefined();
    expect(index.add(unitKey('A', 'BC'), 'x.csv', 6)).toBeUndefined();
    expect(index.add(unitKey('AB', 'C'), 'x.csv', 7)).toBeUndefined();
    expect(index.add(unitKey('Vân Tùng', 'Ngân Sơn'), 'y.csv', 8)).toEqual({ file: 'x.csv', line: 3 });
  });
});
