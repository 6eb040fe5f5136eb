import { isMap, isNode, isSeq, LineCounter, parseDocument, visit, type Node, type YAMLMap } from 'yaml';
import type { z } from 'zod';
import { fail, InputError, type Problem, type ProblemParams } from '../problems.js';
import { criteriaSetSchema, type CriteriaSetFile } from './schema.js';
import { closest } from '../text/closest.js';

const HINT = 'Fix the criteria-set file; `ntm sets show ID` shows a set once it loads.';

/** Parses and validates the text of one criteria-set YAML file; every problem names its line and column. */
export function parseSetSource(source: string, file: string): CriteriaSetFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const at = (offset: number) => lineCounter.linePos(offset);

  if (doc.errors.length > 0) {
    throw new InputError(
      doc.errors.map((e) => ({
        kind: 'yaml-syntax',
        severity: 'error',
        file,
        ...position(at(e.pos[0])),
        params: { detail: firstLine(e.message) },
        message: `YAML syntax error: ${firstLine(e.message)}`,
        hint: HINT,
      })),
    );
  }

  let data: unknown;
  try {
    // A small alias budget: criteria sets need few aliases, and this stops a "billion laughs" file.
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    let first: Node | undefined;
    visit(doc, { Alias: (_, node) => ((first = node), visit.BREAK) });
    const range = (first as Node | undefined)?.range;
    return fail({
      kind: 'yaml-alias-bomb',
      file,
      ...(range ? position(at(range[0])) : {}),
      params: { detail: firstLine((e as Error).message), max: MAX_ALIASES },
      message: `YAML aliases expand too far (${firstLine((e as Error).message)}): a criteria set needs at most ${MAX_ALIASES} alias expansions, and a file that nests aliases is a "billion laughs" attack`,
      hint: 'Write the values out instead of nesting aliases (*name) of aliases.',
    });
  }

  // Every problem of the file at once: the schema's and the duplicate ids', in the order of the lines.
  const parsed = criteriaSetSchema.safeParse(data);
  const problems = [...(parsed.success ? [] : parsed.error.issues.map((issue) => describeIssue(issue, doc, at, file))), ...duplicateIds(doc, at, file)];
  if (problems.length) throw new InputError(byLine(problems).slice(0, MAX_PROBLEMS));
  return parsed.data!;
}

const MAX_ALIASES = 50;
const MAX_PROBLEMS = 50;

const byLine = (ps: Problem[]) => [...ps].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || Number(a.column ?? 0) - Number(b.column ?? 0));

/** A criterion id twice in a set, or an indicator id twice in a criterion, named at the second one. */
function duplicateIds(doc: ReturnType<typeof parseDocument>, at: (o: number) => { line: number; col: number }, file: string): Problem[] {
  const problems: Problem[] = [];
  const check = (seq: unknown, what: (id: string) => { text: string; params: ProblemParams }, inner?: (item: Node, id: string) => void) => {
    if (!isSeq(seq)) return;
    const seen = new Map<string, number>();
    for (const item of seq.items) {
      if (!isMap(item)) continue;
      const idNode = item.get('id', true) as Node | undefined;
      const id = String((idNode as { value?: unknown } | undefined)?.value ?? '');
      const where: { line?: number; column?: number } = idNode?.range ? position(at(idNode.range[0])) : {};
      const prior = seen.get(id);
      if (prior !== undefined) {
        const { text, params } = what(id);
        problems.push({ kind: 'duplicate-id', severity: 'error', file, ...where, params: { ...params, first: prior }, message: `${text} appears twice (first on line ${prior})`, hint: 'Each id must be unique; ids follow the decision\'s numbering. To change an inherited criterion, list it once with the fields that differ.' });
      } else if (where.line !== undefined) seen.set(id, where.line);
      inner?.(item, id);
    }
  };
  const root = doc.contents;
  const setId = isMap(root) ? String(root.get('id') ?? '') : '';
  if (isMap(root)) {
    check(
      root.get('criteria', true),
      (id) => ({ text: `criterion id "${id}" in set "${setId}"`, params: { what: 'criterion', id, set: setId } }),
      (item, cid) => check((item as YAMLMap).get('indicators', true), (id) => ({ text: `indicator id "${id}" in criterion "${cid}"`, params: { what: 'indicator', id, criterion: cid } })),
    );
  }
  return problems;
}

/** The line and column of the value at `path` in a set file, for problems found after loading (extends). */
export function locate(source: string, path: (string | number)[]): { line?: number; column?: number } {
  try {
    const lineCounter = new LineCounter();
    const doc = parseDocument(source, { lineCounter });
    const node = doc.getIn(path, true) as Node | undefined;
    return node?.range ? position(lineCounter.linePos(node.range[0])) : {};
  } catch {
    return {};
  }
}

function describeIssue(
  issue: z.core.$ZodIssue,
  doc: ReturnType<typeof parseDocument>,
  at: (o: number) => { line: number; col: number },
  file: string,
): Problem {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  const keyName = path.length ? path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('') : '(top level)';
  let node = nodeAt(doc.contents, path);
  let message: string;
  let hint = HINT;
  let params: ProblemParams;

  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const keyNode = keyNodeOf(node, key);
    if (keyNode) node = keyNode;
    const allowed = allowedKeys(path);
    const guess = closest(key, allowed);
    message = `unknown key "${key}"${path.length ? ` in ${keyName}` : ''}`;
    params = { issue: 'unknown-key', key, at: path.length ? keyName : undefined, guess, allowed: allowed.join(', ') };
    hint = guess ? `did you mean "${guess}"?` : `allowed keys: ${allowed.join(', ')}`;
  } else if (issue.code === 'invalid_type') {
    // zod does not report the input; the document has it.
    const input = valueAt(doc, path);
    params = input === undefined ? { issue: 'missing-key', key: keyName, expected: issue.expected } : { issue: 'wrong-type', key: keyName, expected: issue.expected, ...found(input) };
    message = input === undefined ? `missing key "${keyName}" (expected ${issue.expected})` : `${keyName}: expected ${issue.expected}, found ${describe(input)}`;
  } else if (issue.code === 'invalid_value') {
    params = { issue: 'not-one-of', key: keyName, values: issue.values.map((v) => JSON.stringify(v)).join(', ') };
    message = `${keyName}: expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  } else if (issue.code === 'invalid_union') {
    params = { issue: 'invalid', key: keyName, ...found(valueAt(doc, path)) };
    message = `${keyName}: not a valid value here (${describe(valueAt(doc, path))})`;
  } else {
    params = { issue: 'other', key: keyName, detail: issue.message };
    message = `${keyName}: ${issue.message}`;
  }
  const range = node?.range;
  return { kind: 'criteria-set-schema', severity: 'error', file, ...(range ? position(at(range[0])) : {}), message, hint, params };
}

function nodeAt(root: unknown, path: (string | number)[]): Node | undefined {
  let node = root as Node | undefined;
  let last = node;
  for (const key of path) {
    if (isMap(node)) node = node.items.find((p) => (p.key as { value?: unknown })?.value === key)?.value as Node | undefined;
    else if (isSeq(node)) node = node.items[Number(key)] as Node | undefined;
    else break;
    if (node) last = node;
    else break;
  }
  return node ?? last;
}

function keyNodeOf(node: Node | undefined, key: string): Node | undefined {
  if (!isMap(node)) return undefined;
  return node.items.find((p) => (p.key as { value?: unknown })?.value === key)?.key as Node | undefined;
}

function valueAt(doc: ReturnType<typeof parseDocument>, path: (string | number)[]): unknown {
  const v = doc.getIn(path);
  return isNode(v) ? v.toJSON() : v;
}

function allowedKeys(path: (string | number)[]): string[] {
  // The schema one level down the path, without its zod internals.
  let schema: unknown = criteriaSetSchema;
  for (const p of path) {
    const def = (schema as { def?: { type?: string; shape?: Record<string, unknown>; element?: unknown; innerType?: unknown } }).def;
    if (!def) break;
    // Arrays are unwrapped to their element already; an index moves nowhere.
    if (typeof p === 'string') schema = unwrap(def.shape?.[p]);
  }
  const shape = (unwrap(schema) as { def?: { shape?: Record<string, unknown> } })?.def?.shape;
  return shape ? Object.keys(shape) : [];
}

function unwrap(s: unknown): unknown {
  let cur = s as { def?: { type?: string; innerType?: unknown; element?: unknown; in?: unknown } } | undefined;
  for (let i = 0; i < 5 && cur?.def; i++) {
    const t = cur.def.type;
    if (t === 'optional' || t === 'nullable' || t === 'default') cur = cur.def.innerType as typeof cur;
    else if (t === 'pipe') cur = cur.def.in as typeof cur;
    else if (t === 'array') cur = cur.def.element as typeof cur;
    else break;
  }
  return cur;
}

const position = (p: { line: number; col: number }) => ({ line: p.line, column: p.col });
const firstLine = (s: string) => s.split('\n')[0] ?? s;
/** What a value is, as data: its kind (null, list, mapping, string, number …) and its JSON text. */
const found = (v: unknown): ProblemParams => ({ found: v === null ? 'null' : Array.isArray(v) ? 'list' : typeof v === 'object' ? 'mapping' : typeof v, value: v !== null && typeof v !== 'object' ? JSON.stringify(v) : undefined });
const describe = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'a mapping' : `${typeof v} ${JSON.stringify(v)}`;
