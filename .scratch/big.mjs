import ExcelJS from 'exceljs';
const n = Number(process.argv[2] ?? 80000);
const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: process.argv[3], useSharedStrings: true });
const ws = wb.addWorksheet('Thôn');
ws.addRow(['Tên thôn', 'Tên xã', ...Array.from({ length: 16 }, (_, i) => String(i + 1))]).commit();
for (let i = 0; i < n; i++) ws.addRow([`Thôn ${i}`, `Xã ${i % 1000}`, ...Array.from({ length: 16 }, (_, k) => ((i + k) % 3 ? 1 : null))]).commit();
ws.commit();
await wb.commit();
