import { describe, expect, it } from 'vitest';
import type { Gap, UnitResult } from '../src/engine/types.js';
import { unitJson } from '../src/reports/unit-json.js';

const shared: Gap = Object.freeze({
  criterion: '3',
  name: 'Kế hoạch "thực hiện"',
  kind: 'unmet',
  value: null,
  required: null,
  shortfall: null,
  owner: 'UBND xã',
  basis: 'mark',
});
const own: Gap = { ...shared, criterion: '6', indicator: '6.1', value: 40, required: 50, shortfall: 10 };

const unit = (more: Partial<UnitResult>): UnitResult => ({
  file: 'a.csv',
  line: 2,
  name: 'Nà "gaps":0',
  parent: 'Xã 1',
  status: 'fails',
  meets: false,
  met: 1,
  total: 3,
  criteria: ['met', 'unmet', 'unmet'],
  bases: ['mark', 'mark', null],
  gaps: [],
  ...more,
});

describe('a unit as JSON', () => {
  it('is what JSON.stringify writes, with shared gaps, own gaps, levels and values', () => {
    const levels = { reached: null, sets: [], next: { set: 'x', gaps: [shared] } };
    for (const u of [
      unit({}),
      unit({ gaps: [shared, own, shared] }),
      unit({ gaps: [own], group: 2, values: { '6.1': 40 }, levels }),
    ]) {
      expect(unitJson(u)).toBe(JSON.stringify(u));
      expect(unitJson(u)).toBe(JSON.stringify(u));
    }
  });
});
