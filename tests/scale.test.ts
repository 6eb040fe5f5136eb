import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ntmRaw, tempDir, THON_HEADER } from './helpers/cli.js';
import { scaleSurvey, SCALE_UNITS, wholeAtScale } from './helpers/scale.js';

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
    const lines = out
      .toString('utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(SCALE_UNITS + 2);
    expect(lines[0].set.id).toBe('bac-kan-thon-2019');
    expect(lines.slice(1, -1).map((u) => u.name)).toEqual(Array.from({ length: SCALE_UNITS }, (_, i) => `Thôn ${i}`));
    expect(lines.at(-1).summary).toMatchObject({ units: SCALE_UNITS, meeting });
  });
  wholeAtScale(
    'table',
    (out) =>
      expect(out.toString()).toBe(
        `Units evaluated: ${SCALE_UNITS}; Meeting the standard: ${meeting}; Average criteria met: 14.4/16; Criterion verdicts resting on: verified 0 · secondary source 0 · by mark ${SCALE_UNITS * 16}\n`,
      ),
    ['--quiet'],
  );
});

/**
 * Last year's survey at scale: Thôn 1 … Thôn SCALE_UNITS, each missing criteria 7 and 12; so this
 * year every fifth village gains 7 and 12, Thôn 0 is new and Thôn SCALE_UNITS gone.
 */
function progressInputs(): string[] {
  const dir = tempDir();
  let rows = '';
  for (let i = 1; i <= SCALE_UNITS; i++) rows += `Thôn ${i},Xã ${i % 500},1,1,1,1,1,1,,1,1,1,1,0,1,1,1,1\n`;
  writeFileSync(join(dir, 'nam-truoc.csv'), `${THON_HEADER}\n${rows}`);
  const source = (line: number) => `source: { line: ${line}, quote: "x" }`;
  const targets = [
    'plan: { document: Kế hoạch, issuer: UBND, year: 2021 }',
    'units:',
    `  - { name: Thôn 5, parent: Xã 5, gain: 2, ${source(1)} }`,
    'totals:',
    `  - { units_meeting: ${meeting}, ${source(2)} }`,
    `  - { newly_meeting: ${meeting}, ${source(3)} }`,
    `  - { average_met: 14.4, ${source(4)} }`,
  ];
  writeFileSync(join(dir, 'ke-hoach.yaml'), `${targets.join('\n')}\n`);
  const [baseline, plan] = ['nam-truoc.csv', 'ke-hoach.yaml'].map((f) => join(dir, f));
  return ['--baseline', baseline!, '--targets', plan!, '--by', 'parent'];
}

// The progress sections at national scale: the units stream, only their compact records are kept.
describe(`progress, targets and roll-ups at ${SCALE_UNITS.toLocaleString('en')} units`, () => {
  const run = (format: string) =>
    ntmRaw(['evaluate', scaleSurvey(), '--set', 'bac-kan-thon-2019', '--format', format, ...progressInputs()]);

  it('json: every unit compared, every target met at its bound (exit 0), every commune rolled up', async () => {
    const r = await run('json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout.toString('utf8'));
    expect(doc.units).toHaveLength(SCALE_UNITS);
    expect(doc.progress.units).toHaveLength(SCALE_UNITS + 1);
    expect(doc.progress.totals).toMatchObject({ new: 1, gone: 1, newlyMeeting: meeting, gaining: meeting - 1 });
    expect(doc.progress.units.find((u: { name: string }) => u.name === 'Thôn 5')).toMatchObject({
      before: 14,
      after: 16,
      gained: ['7', '12'],
      status: 'same',
    });
    expect(doc.targets.map((t: { met: boolean; shortfall: number }) => [t.met, t.shortfall])).toEqual(
      Array(4).fill([true, 0]),
    );
    expect(doc.byParent).toHaveLength(500);
    expect(doc.byParent[0]).toEqual(expect.objectContaining({ name: 'Xã 0', units: 40, meeting: 40, averageMet: 16 }));
    expect(doc.summary.bands).toEqual([
      { from: 16, to: 16, units: meeting },
      { from: 12, to: 15, units: SCALE_UNITS - meeting },
      { from: 8, to: 11, units: 0 },
      { from: 4, to: 7, units: 0 },
      { from: 0, to: 3, units: 0 },
    ]);
  });

  it('markdown: the plan table, then every unit against last year, then the roll-up', async () => {
    const r = await run('markdown');
    expect(r.code).toBe(0);
    const text = r.stdout.toString('utf8');
    expect(text).toContain(`| Units meeting the standard ≥ ${meeting.toLocaleString('en')} |`);
    expect(text.match(/^\| Thôn \d+ \| Xã \d+ \| [\d ]*\|[\d ]*\|/gm)).toHaveLength(SCALE_UNITS + 1);
    // Villages of a commune meet alike here: Xã 0, 5, 10 … all, the others none.
    expect(text.match(/^\| Xã \d+ \| 40 \| 40 \| 16 \|/gm)).toHaveLength(100);
    expect(text.match(/^\| Xã \d+ \| 40 \| 0 \| 14 \|/gm)).toHaveLength(400);
  });
});

// Levels at national scale: the file is read once per set, in step; each unit carries its levels.
describe(`levels at ${SCALE_UNITS.toLocaleString('en')} units`, () => {
  it('json: every unit with its level, the counts per level', async () => {
    const dir = tempDir();
    let rows = 'Tên xã,Huyện,1.1 Tỷ lệ hộ sử dụng điện an toàn,2.1 Thu nhập bình quân đầu người\n';
    // By fours: advanced (99 %, 60), NTM (99 %, 50), NTM (96 %, 48), none (90 %, 47).
    const values = ['99%,60', '99%,50', '96%,48', '90%,47'];
    for (let i = 0; i < SCALE_UNITS; i++) rows += `Xã ${i},Huyện ${i % 700},${values[i % 4]}\n`;
    writeFileSync(join(dir, 'xa.csv'), rows);
    const sets = ['--sets', 'tests/levels/sets', '--set', 'thu-xa-ntm,thu-xa-nang-cao'];
    const r = await ntmRaw(['evaluate', join(dir, 'xa.csv'), ...sets, '--format', 'json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout.toString('utf8'));
    expect(doc.units).toHaveLength(SCALE_UNITS);
    expect(doc.units.at(-1).levels.reached).toBeNull();
    expect(doc.units.at(-3).levels.next.gaps).toEqual([expect.objectContaining({ indicator: '2.1', shortfall: 4 })]);
    expect(doc.summary.levels).toEqual([
      { set: 'thu-xa-ntm', units: SCALE_UNITS / 2 },
      { set: 'thu-xa-nang-cao', units: SCALE_UNITS / 4 },
      { set: null, units: SCALE_UNITS / 4 },
    ]);
  });
});
