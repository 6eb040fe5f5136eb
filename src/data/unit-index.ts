/** Where a unit was first seen. */
export interface UnitPlace {
  file: string;
  line: number;
}

/**
 * Every unit of a run by its key (name and parent), with where it was first seen: the one map a
 * run keeps per unit, so that a unit given twice is caught within a file and across files.
 */
export class UnitIndex {
  private readonly files: string[] = [];
  // The place packed in one number (line × FILES + file index): a million units stay small.
  private readonly places = new Map<string, number>();

  /** Records the unit at this place; returns where it was seen before, if it was. */
  add(key: string, file: string, line: number): UnitPlace | undefined {
    const before = this.places.get(key);
    if (before !== undefined) return { file: this.files[before % FILES]!, line: Math.floor(before / FILES) };
    let f = this.files.lastIndexOf(file);
    if (f < 0) f = this.files.push(file) - 1;
    if (f < FILES) this.places.set(key, line * FILES + f);
    return undefined;
  }
}

const FILES = 4096;

/** Names differ by their diacritics (Bản Chang, Bản Chàng): only case and inner spacing are folded. */
export function unitKey(name: string, parent: string): string {
  const key = `${name}\u0000${parent}`.toLowerCase();
  return key.includes('  ') ? key.replace(/\s+/g, ' ') : key;
}
