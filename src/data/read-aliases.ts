import { InputError, problem, type Problem } from '../problems.js';
import { nameKey } from '../engine/unit-names.js';
import { openCsv } from './open-csv.js';
import { cleanCell, nfc } from '../text/normalize.js';

/**
 * An aliases file (--aliases): two columns, the name in this year's survey and the name in the
 * baseline, one pair per row; blank rows and rows starting with # are skipped. A header row does no
 * harm (it names no unit). Returns this year's name → the baseline's, as keys (`nameKey`).
 */
export async function readAliases(path: string, encoding?: string): Promise<Map<string, string>> {
  const source = await openCsv(path, encoding);
  const aliases = new Map<string, string>();
  const errors: Problem[] = [];
  for await (const records of source.records()) {
    for (const { cells: raw, line } of records) {
      const cells = raw.map((c) => cleanCell(nfc(c)));
      while (cells.length && cells[cells.length - 1] === '') cells.pop();
      if (cells.length === 0 || cells[0]!.startsWith('#')) continue;
      if (cells.length !== 2 || !cells[0] || !cells[1]) {
        errors.push(aliasesRow(source.name, line, cells.length));
        continue;
      }
      aliases.set(nameKey(cells[0]!), nameKey(cells[1]!));
    }
  }
  if (errors.length) throw new InputError(errors.slice(0, 50));
  return aliases;
}

function aliasesRow(file: string, line: number, cells: number): Problem {
  return problem('aliases-row', { cells }, { file, line });
}
