import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';
import type { Registry } from '../src/criteria/registry.js';
import type { Leaf } from '../src/criteria/threshold.js';
import type { ThresholdSpec } from '../src/criteria/schema.js';

// In-process over the built modules: the shipped sets as ntm loads them.
const { openRegistry, SHIPPED_SETS_DIR } = (await import(
  join(ROOT, 'dist/criteria/registry.js')
)) as typeof import('../src/criteria/registry.js');
const { thresholdLeaves } = (await import(join(ROOT, 'dist/criteria/threshold.js'))) as {
  thresholdLeaves: (s: ThresholdSpec) => Leaf[];
};
const registry: Registry = await openRegistry([SHIPPED_SETS_DIR]);

/** Every threshold leaf of every shipped set, with what it cites. */
const leaves = registry.all().flatMap((set) =>
  set.criteria.flatMap((c) =>
    c.indicators.flatMap((ind) =>
      ind.threshold === undefined
        ? []
        : thresholdLeaves(ind.threshold).map((leaf) => ({
            where: `${set.id} ${ind.id} ${leaf.path.join(' ')}`.trim(),
            ind,
            leaf,
          })),
    ),
  ),
);

describe('no shipped threshold without a source', () => {
  it('every threshold cites where it was read', () => {
    expect(leaves.length).toBeGreaterThan(50);
    expect(leaves.filter(({ ind, leaf }) => !(leaf.source ?? ind.source)).map((l) => l.where)).toEqual([]);
  });

  it('no value recalled or borrowed as a placeholder is judged', () => {
    const suspect = leaves.filter(
      ({ ind, leaf }) => ind.type !== 'pass' && /recalled|placeholder/i.test(`${leaf.note ?? ''} ${ind.note ?? ''}`),
    );
    expect(suspect.map((l) => l.where)).toEqual([]);
  });

  it('1980 has no TDMNPB value where only the national figure was found, and 17.1 is not verified', () => {
    const tdmnpb = (set: string, id: string) => leaves.find((l) => l.where === `${set} ${id} TDMNPB`);
    for (const set of ['quoc-gia-xa-2016', 'bac-kan-xa-2017']) {
      for (const id of ['5', '9.2', '11', '17.6']) expect(tdmnpb(set, id), `${set} ${id}`).toBeUndefined();
    }
    expect(leaves.find((l) => l.where.startsWith('quoc-gia-xa-2016 4.2'))).toBeUndefined();
    expect(tdmnpb('quoc-gia-xa-2016', '17.1')!.leaf).toMatchObject({ value: 90, verified: false });
  });
});
