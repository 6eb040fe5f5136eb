#!/usr/bin/env node
// Renders a report of N synthetic villages straight from a RunStream, without reading a survey, so
// that a report writer's own time and memory can be measured apart from the reader:
//   /usr/bin/time -v node scripts/render-synthetic.mjs FORMAT N [unit|criterion|owner] > out
// Needs `npm run build` first. The 16 criteria of bac-kan-thon-2019; about 2.3 gaps a village.
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
const load = (p) => import(pathToFileURL(resolve(ROOT, 'dist', p)).href);
const [format = 'csv', n = '80000', by = 'unit'] = process.argv.slice(2);
const count = Number(n);

const { FORMATS } = await load('reports/registry.js');
const { sinkFor } = await load('reports/stream.js');
// The criteria as the shipped set gives them, so that the report has the set's real names and owners.
const { openRegistry, setDirs } = await load('criteria/registry.js');
const shipped = (await openRegistry(setDirs([], {}))).get('bac-kan-thon-2019');
const criteria = shipped.criteria.map(({ id, name, owner }) => ({ id, name, owner }));
const { document, date } = shipped.source;
const set = { id: shipped.id, name: shipped.name, level: shipped.level, document, date, criteria };

let meeting = 0;
let metSum = 0;
async function* units() {
  for (let i = 1; i <= count; i++) {
    const statuses = criteria.map((_, k) => ((i * 3 + k + 1) % 7 === 0 ? 'unmet' : 'met'));
    const met = statuses.filter((s) => s === 'met').length;
    metSum += met;
    if (met === criteria.length) meeting++;
    const gaps = criteria.flatMap((c, k) =>
      statuses[k] === 'met'
        ? []
        : [
            {
              criterion: c.id,
              name: c.name,
              kind: 'unmet',
              value: null,
              required: null,
              shortfall: null,
              owner: c.owner,
            },
          ],
    );
    yield {
      file: 'synthetic.csv',
      line: i + 1,
      name: `Thôn ${i}`,
      parent: `Xã ${i % 300}`,
      status: met === criteria.length ? 'meets' : 'fails',
      meets: met === criteria.length,
      met,
      total: criteria.length,
      criteria: statuses,
      gaps,
    };
  }
}
const summary = () => ({
  units: count,
  meeting,
  incomplete: 0,
  averageMet: Math.round((metSum / count) * 100) / 100,
  mostMissed: [],
});
const run = {
  head: { set, region: 'TDMNPB', inputs: ['synthetic.csv'] },
  units: units(),
  tail: () => ({
    files: [{ file: 'synthetic.csv', units: count, summary: summary() }],
    summary: summary(),
    warnings: [],
  }),
};
const render = await FORMATS[format].load();
await render(run, { lang: 'vi', by, color: false, date: '2024-01-01', width: 100 }, sinkFor(process.stdout));
