import { describe, expect, it } from 'vitest';
import { fixture, ntm } from './helpers/cli.js';
import { readCsv } from './reports-helpers.js';

const ANNEX = fixture('ngan-son-2021-thon.csv');
const XA = fixture('reports/bac-kan-xa-2020-values.csv');

describe('ntm evaluate --format csv', () => {
  it('gives the gap table, one row per gap, UTF-8 with a BOM, CRLF', async () => {
    const r = await ntm(['evaluate', XA, '--set', 'bac-kan-xa-2017', '--format', 'csv']);
    expect(r.code).toBe(1);
    expect(r.stdout.startsWith('\uFEFF')).toBe(true);
    expect(r.stdout).toContain('\r\n');
    const [head, ...rows] = readCsv(r.stdout);
    expect(head).toEqual([
      'Commune',
      'District',
      'File',
      'Criterion no.',
      'Criterion',
      'Indicator no.',
      'Indicator',
      'Kind',
      'Value',
      'Required',
      'Shortfall',
      'Owner',
    ]);
    const json = JSON.parse((await ntm(['evaluate', XA, '--set', 'bac-kan-xa-2017', '--format', 'json'])).stdout);
    expect(rows).toHaveLength(json.units.reduce((n: number, u: { gaps: unknown[] }) => n + u.gaps.length, 0));
    // Trung Hòa's stunting rate: 27,3 % against ≤ 26,7 %, 0,6 points to go.
    expect(rows).toContainEqual([
      'Trung Hòa',
      'Ngân Sơn',
      XA,
      '15',
      'Y tế',
      '15.3',
      'Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể thấp còi (chiều cao theo tuổi)',
      'Not met',
      '27.3 %',
      '≤ 26.7 % (verified)',
      '0.6 points',
      'Văn phòng HĐND-UBND huyện',
    ]);
    // A value given where the set has no sourced threshold is a no-data gap, and says why.
    expect(rows.find((row) => row[0] === 'Vân Tùng' && row[5] === '17.2')).toEqual(
      expect.arrayContaining(['No data', '100 % (no threshold in the set)']),
    );
  });

  it('lists criterion-level gaps of a marks file with the criterion owner', async () => {
    const r = await ntm(['evaluate', ANNEX, '--format', 'csv']);
    const [, ...rows] = readCsv(r.stdout);
    expect(rows).toHaveLength(45);
    expect(rows.filter((row) => row[0] === 'Nà Y')).toEqual([
      [
        'Nà Y',
        'Thượng Ân',
        ANNEX,
        '3',
        'Kế hoạch thực hiện tiêu chí',
        '',
        '',
        'Not met',
        'Not met',
        'Met',
        '',
        'UBND xã',
      ],
      [
        'Nà Y',
        'Thượng Ân',
        ANNEX,
        '12',
        'Mô hình sản xuất',
        '',
        '',
        'Not met',
        'Not met',
        'Met',
        '',
        'Phòng Nông nghiệp và PTNT',
      ],
    ]);
  });

  it('--by criterion: one row per criterion, how many units miss it and which', async () => {
    const r = await ntm(['evaluate', ANNEX, '--format', 'csv', '--by', 'criterion']);
    const [head, ...rows] = readCsv(r.stdout);
    expect(head).toEqual(['Criterion no.', 'Criterion', 'Owner', 'Units missing it', 'Units in all', 'Which units']);
    expect(rows.map((row) => row[0])).toEqual(['3', '4', '6', '7', '8', '11', '12', '13', '14', '15']);
    expect(rows[0]).toEqual([
      '3',
      'Kế hoạch thực hiện tiêu chí',
      'UBND xã',
      '2',
      '8',
      'Nà Y (Thượng Ân); Nà Ngần (Thượng Quan)',
    ]);
  });

  it('--by owner: every gap with its owner first, departments in Vietnamese order', async () => {
    const r = await ntm(['evaluate', ANNEX, '--format', 'csv', '--by', 'owner']);
    const [head, ...rows] = readCsv(r.stdout);
    expect(head.slice(0, 3)).toEqual(['Owner', 'Village', 'Commune']);
    expect(rows).toHaveLength(45);
    const owners = [...new Set(rows.map((row) => row[0]))];
    expect(owners).toEqual([...owners].sort((a, b) => a!.localeCompare(b!, 'vi')));
    expect(rows.filter((row) => row[0] === 'Công an huyện')).toEqual([
      ['Công an huyện', 'Cốc Phia', 'Cốc Đán', ANNEX, '15', 'An ninh trật tự', '', '', 'Not met', 'Not met', 'Met', ''],
    ]);
  });
});
