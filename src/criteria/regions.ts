import { foldKey } from '../text/normalize.js';

/** The seven socio-economic regions whose columns the national decisions' tables use. */
export const REGIONS = [
  { code: 'TDMNPB', name: 'Trung du và miền núi phía Bắc', en: 'Northern Midlands and Mountains' },
  { code: 'ĐBSH', name: 'Đồng bằng sông Hồng', en: 'Red River Delta' },
  { code: 'BTB', name: 'Bắc Trung Bộ', en: 'North Central Coast' },
  { code: 'DHNTB', name: 'Duyên hải Nam Trung Bộ', en: 'South Central Coast' },
  { code: 'TN', name: 'Tây Nguyên', en: 'Central Highlands' },
  { code: 'ĐNB', name: 'Đông Nam Bộ', en: 'Southeast' },
  { code: 'ĐBSCL', name: 'Đồng bằng sông Cửu Long', en: 'Mekong River Delta' },
] as const;

export type RegionCode = (typeof REGIONS)[number]['code'];

const byKey = new Map<string, RegionCode>();
for (const r of REGIONS) {
  for (const k of [r.code, r.name, r.en, `vung ${r.name}`]) byKey.set(foldKey(k), r.code);
}
byKey.set(foldKey('Miền núi phía Bắc'), 'TDMNPB');
byKey.set(foldKey('Trung du miền núi phía Bắc'), 'TDMNPB');

/** A region code from what a user typed: `tdmnpb`, `DBSH`, `Đồng bằng sông Hồng` … */
export function regionCode(input: string): RegionCode | undefined {
  return byKey.get(foldKey(input));
}

export const regionList = (): string => REGIONS.map((r) => `${r.code} (${r.name})`).join(', ');
