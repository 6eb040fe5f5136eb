import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

/** A sheet as the workbook lists it (xl/workbook.xml), in tab order, and the part it is stored in. */
export interface ListedSheet {
  name: string;
  id: number;
  rId: string;
  state?: string;
}

export interface SheetList {
  sheets: ListedSheet[];
  /** xl/_rels/workbook.xml.rels: which part (worksheets/sheetN.xml) each rId is. */
  rels: { Id: string; Target: string }[];
}

/**
 * The workbook's sheet list, read through the zip's central directory before the sheets are
 * streamed. exceljs's streaming reader learns the sheet names from xl/workbook.xml as it passes
 * in the stream, and a workbook written by exceljs (ntm's own reports and templates) stores that
 * part last: its sheets would come with no name, or the reader would fail, depending on timing
 * (exceljs issue #3064). Undefined when the file is not a zip ntm can read this way (ZIP64, or
 * parts missing): the streaming reader then fends for itself.
 */
export function readSheetList(path: string): SheetList | undefined {
  const fd = openSync(path, 'r');
  try {
    const parts = centralDirectory(fd);
    if (!parts) return undefined;
    const workbook = parts.get('xl/workbook.xml');
    const rels = parts.get('xl/_rels/workbook.xml.rels');
    if (!workbook || !rels) return undefined;
    return { sheets: listedSheets(partText(fd, workbook)), rels: relations(partText(fd, rels)) };
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

interface Part {
  method: number;
  size: number;
  offset: number;
}

const read = (fd: number, at: number, length: number): Buffer => {
  const b = Buffer.alloc(length);
  const n = readSync(fd, b, 0, length, at);
  return b.subarray(0, n);
};

/** The zip's parts by name, from its central directory (found from the end of the file). */
function centralDirectory(fd: number): Map<string, Part> | undefined {
  const size = fstatSync(fd).size;
  // The end record is 22 bytes, followed by a comment of at most 64 KB.
  const tailAt = Math.max(0, size - 22 - 0xffff);
  const tail = read(fd, tailAt, size - tailAt);
  let end = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const dirSize = tail.readUInt32LE(end + 12);
  const dirAt = tail.readUInt32LE(end + 16);
  if (dirAt === 0xffffffff || dirAt + dirSize > size) return undefined;
  const dir = read(fd, dirAt, dirSize);
  const parts = new Map<string, Part>();
  for (let i = 0; i + 46 <= dir.length && dir.readUInt32LE(i) === 0x02014b50;) {
    const nameLength = dir.readUInt16LE(i + 28);
    const skip = nameLength + dir.readUInt16LE(i + 30) + dir.readUInt16LE(i + 32);
    const name = dir.toString('utf8', i + 46, i + 46 + nameLength);
    parts.set(name, {
      method: dir.readUInt16LE(i + 10),
      size: dir.readUInt32LE(i + 20),
      offset: dir.readUInt32LE(i + 42),
    });
    i += 46 + skip;
  }
  return parts;
}

/** A part's text: its local header says where its bytes start; they are stored or deflated. */
function partText(fd: number, part: Part): string {
  const local = read(fd, part.offset, 30);
  if (local.readUInt32LE(0) !== 0x04034b50) throw new Error('not a zip part');
  const start = part.offset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  const bytes = read(fd, start, part.size);
  if (part.method === 0) return bytes.toString('utf8');
  if (part.method === 8) return inflateRawSync(bytes).toString('utf8');
  throw new Error(`zip method ${part.method}`);
}

const attribute = (tag: string, name: string): string | undefined => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

const unescapeXml = (s: string) =>
  s.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-f]+|#\d+);/gi, (_, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
    if (e[0] !== '#') return named[e.toLowerCase()]!;
    return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
  });

function listedSheets(xml: string): ListedSheet[] {
  return [...xml.matchAll(/<(?:\w+:)?sheet\s[^>]*>/g)].map(([tag]) => ({
    name: unescapeXml(attribute(tag, 'name') ?? ''),
    id: Number(attribute(tag, 'sheetId')),
    rId: attribute(tag, '(?:\\w+:)?id') ?? '',
    state: attribute(tag, 'state'),
  }));
}

function relations(xml: string): SheetList['rels'] {
  return [...xml.matchAll(/<(?:\w+:)?Relationship\s[^>]*>/g)].map(([tag]) => ({
    Id: attribute(tag, 'Id') ?? '',
    // exceljs compares the target as "worksheets/sheetN.xml"; some writers give "/xl/worksheets/…".
    Target: (attribute(tag, 'Target') ?? '').replace(/^\/?xl\//, ''),
  }));
}
