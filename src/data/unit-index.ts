/** Where a unit was first seen. */
export interface UnitPlace {
  file: string;
  line: number;
}

/**
 * Every unit of a run by its key (name and parent), with where it was first seen: the one map a
 * run keeps per unit, so that a unit given twice is caught within a file and across files.
 *
 * A country's million villages would take some 270 MB as a Map of strings (a string, a map entry
 * and a boxed number each, and the collector's headroom on top). Here the keys are UTF-8 bytes
 * in one growing buffer and the table is typed arrays: about 40 bytes a unit, nothing for the
 * collector to trace. Keys are compared byte for byte, so two units never pass for one.
 */
export class UnitIndex {
  private readonly files: string[] = [];
  private bytes: Buffer = Buffer.allocUnsafe(1 << 16);
  private used = 0;
  private count = 0;
  // Per unit: where its key starts, its length and hash, its line and file.
  private starts = new Uint32Array(1024);
  private lengths = new Uint32Array(1024);
  private hashes = new Uint32Array(1024);
  private lines = new Uint32Array(1024);
  private fileOf = new Uint16Array(1024);
  /** Open addressing: a slot holds a unit's number + 1, 0 when empty; never more than half full. */
  private slots = new Uint32Array(2048);

  /** Records the unit at this place; returns where it was seen before, if it was. */
  add(key: string, file: string, line: number): UnitPlace | undefined {
    if (this.used + key.length * 3 > this.bytes.length) this.bytes = grow(this.bytes, this.used + key.length * 3);
    const start = this.used;
    const length = this.bytes.write(key, start);
    const hash = fnv1a(this.bytes, start, start + length);
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    for (let u = this.slots[slot]!; u !== 0; slot = (slot + 1) & mask, u = this.slots[slot]!) {
      const e = u - 1;
      if (this.hashes[e] !== hash || this.lengths[e] !== length) continue;
      const at = this.starts[e]!;
      if (this.bytes.compare(this.bytes, start, start + length, at, at + length) === 0) {
        return { file: this.files[this.fileOf[e]!]!, line: this.lines[e]! };
      }
    }
    let f = this.files.lastIndexOf(file);
    if (f < 0) f = this.files.push(file) - 1;
    // Past 65,536 files a unit is no longer recorded (a run of that many files is not a survey).
    if (f > 0xffff) return undefined;
    if (this.count === this.starts.length) this.widen();
    const e = this.count++;
    this.starts[e] = start;
    this.lengths[e] = length;
    this.hashes[e] = hash;
    this.lines[e] = line;
    this.fileOf[e] = f;
    this.slots[slot] = e + 1;
    this.used += length;
    if (this.count * 2 > this.slots.length) this.rehash();
    return undefined;
  }

  private widen(): void {
    const n = this.starts.length * 2;
    this.starts = copyInto(new Uint32Array(n), this.starts);
    this.lengths = copyInto(new Uint32Array(n), this.lengths);
    this.hashes = copyInto(new Uint32Array(n), this.hashes);
    this.lines = copyInto(new Uint32Array(n), this.lines);
    this.fileOf = copyInto(new Uint16Array(n), this.fileOf);
  }

  private rehash(): void {
    const slots = new Uint32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let e = 0; e < this.count; e++) {
      let slot = this.hashes[e]! & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = e + 1;
    }
    this.slots = slots;
  }
}

function copyInto<T extends Uint32Array | Uint16Array>(to: T, from: T): T {
  to.set(from);
  return to;
}

function grow(b: Buffer, need: number): Buffer {
  const next = Buffer.allocUnsafe(Math.max(need, b.length * 2));
  b.copy(next);
  return next;
}

/** FNV-1a over bytes: cheap, and spreads keys that differ in one letter. */
function fnv1a(b: Buffer, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ b[i]!, 0x01000193);
  return h >>> 0;
}

/** Names differ by their diacritics (Bản Chang, Bản Chàng): only case and inner spacing are folded. */
export function unitKey(name: string, parent: string): string {
  const key = `${name}\u0000${parent}`.toLowerCase();
  return key.includes('  ') ? key.replace(/\s+/g, ' ') : key;
}
