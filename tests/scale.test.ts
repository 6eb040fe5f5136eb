import { describe, expect } from 'vitest';
import { SCALE_UNITS, wholeAtScale } from './helpers/scale.js';

const meeting = SCALE_UNITS / 5;

// Each format at national scale: the output is whole (not timed: the bench measures speed).
describe(`every format at ${SCALE_UNITS.toLocaleString('en')} units`, () => {
  wholeAtScale('json', (out) => {
    const doc = JSON.parse(out.toString('utf8'));
    expect(doc.units).toHaveLength(SCALE_UNITS);
    expect(doc.units.at(-1).name).toBe(`Thôn ${SCALE_UNITS - 1}`);
    expect(doc.summary).toMatchObject({ units: SCALE_UNITS, meeting });
  });
  wholeAtScale('jsonl', (out) => {
    const lines = out.toString('utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(SCALE_UNITS + 2);
    expect(lines[0].set.id).toBe('bac-kan-thon-2019');
    expect(lines.slice(1, -1).map((u) => u.name)).toEqual(Array.from({ length: SCALE_UNITS }, (_, i) => `Thôn ${i}`));
    expect(lines.at(-1).summary).toMatchObject({ units: SCALE_UNITS, meeting });
  });
  wholeAtScale(
    'table',
    (out) => expect(out.toString()).toBe(`Units evaluated: ${SCALE_UNITS}; Meeting the standard: ${meeting}; Average criteria met: 14.4/16; Criterion verdicts resting on: verified 0 · secondary source 0 · by mark ${SCALE_UNITS * 16}\n`),
    ['--quiet'],
  );
});
