import ExcelJS from 'exceljs';
const path = process.argv[2];
const brk = process.argv[3] === 'break';
const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
for await (const ws of reader) {
  console.log('sheet', ws.id, ws.name, reader.model?.sheets?.map(s=>s.name));
  let n = 0;
  for await (const row of ws) {
    const cells = [];
    row.eachCell({ includeEmpty: true }, (c, col) => cells.push([col, c.value, c.numFmt, c.type]));
    console.log(row.number, JSON.stringify(cells));
    if (brk && ++n >= 2) break;
  }
}
console.log('done');
