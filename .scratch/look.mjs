import ExcelJS from 'exceljs';
const wb = new ExcelJS.Workbook();
await wb.xlsx.readFile(process.argv[2]);
const ws = wb.worksheets[0];
console.log(ws.name, ws.views, ws.columns.slice(0,8).map(c=>c.width));
for (let r=1;r<=6;r++) console.log(r, JSON.stringify(ws.getRow(r).values).slice(0,300));
console.log(ws.getCell('D6').dataValidation, ws.getCell('M6').dataValidation, ws.getCell('M1005').dataValidation, ws.getCell('M1006').dataValidation);
