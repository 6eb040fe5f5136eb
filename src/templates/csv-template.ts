import { stringify } from 'csv-stringify/sync';
import type { TemplateLayout } from './layout.js';

/** The template as CSV (UTF-8 with a BOM and CRLF, as Excel opens it): titles, requirements, header. */
export function templateCsv(layout: TemplateLayout): string {
  const head = [layout.required, layout.header, ...(layout.numbering ? [layout.numbering] : [])];
  const rows = [...layout.titles.map((t) => [t]), ...head];
  const width = layout.header.length;
  return stringify(
    rows.map((r) => [...r, ...new Array<string>(width - r.length).fill('')]),
    { bom: true, record_delimiter: 'windows' },
  );
}
