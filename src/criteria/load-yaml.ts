import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, visit, type Node, type YAMLMap } from 'yaml';
import type { z } from 'zod';
import { fail, InputError, problem, type Problem, type ProblemParams } from '../problems.js';
import { criteriaSetSchema, type CriteriaSetFile } from './schema.js';
import { closest } from '../text/closest.js';
import { foldKey } from '../text/normalize.js';

/** A YAML file format ntm reads: its schema, and the kind of its schema problems (whose text names the file's kind). */
export interface YamlFormat<S extends z.ZodType> {
  schema: S;
  kind: 'criteria-set-schema' | 'targets-schema';
}

const SET_FORMAT = {
  schema: criteriaSetSchema,
  kind: 'criteria-set-schema',
} as const;

type Doc = ReturnType<typeof parseDocument>;

/** Parses and validates the text of one criteria-set YAML file; every problem names its line and column. */
export function parseSetSource(source: string, file: string): CriteriaSetFile {
  const { doc, at, data, schema } = parseYaml(source, file, SET_FORMAT);
  // A changed id is the first thing to fix: the duplicates it makes (17.1 twice) follow from it.
  const changed = changedNumbers(doc, source, at, file);
  const later = changed.length
    ? []
    : [...duplicateIds(doc, at, file), ...duplicateNames(doc, at, file), ...emptyMaps(doc, at, file)];
  // Every problem of the file at once: the schema's and the duplicate ids', in the order of the lines.
  const problems = [...schema, ...changed, ...later];
  if (problems.length) throw new InputError(byLine(problems).slice(0, MAX_PROBLEMS));
  return data!;
}

/** Parses YAML text and validates it against a format's schema; every problem names its line and column. */
export function parseYamlSource<S extends z.ZodType>(source: string, file: string, format: YamlFormat<S>): z.infer<S> {
  const { data, schema } = parseYaml(source, file, format);
  if (schema.length) throw new InputError(byLine(schema).slice(0, MAX_PROBLEMS));
  return data!;
}

/** The document, its data when the schema accepts it, and the schema's problems; syntax errors throw. */
function parseYaml<S extends z.ZodType>(
  source: string,
  file: string,
  format: YamlFormat<S>,
): { doc: Doc; at: At; data?: z.infer<S>; schema: Problem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const at = (offset: number) => lineCounter.linePos(offset);

  if (doc.errors.length > 0) {
    throw new InputError(
      doc.errors.map((e) =>
        problem(
          'yaml-syntax',
          { detail: firstLine(e.message), format: format.kind },
          { file, ...position(at(e.pos[0])) },
        ),
      ),
    );
  }

  // Before anything is built from the document: these keys would reach Object.prototype.
  const forbidden = forbiddenKeys(doc, at, file);
  if (forbidden.length) throw new InputError(forbidden);

  let data: unknown;
  try {
    // A small alias budget: these files need few aliases, and this stops a "billion laughs" file.
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    let first: Node | undefined;
    visit(doc, { Alias: (_, node) => ((first = node), visit.BREAK) });
    const range = (first as Node | undefined)?.range;
    const params = { detail: firstLine((e as Error).message), max: MAX_ALIASES, format: format.kind };
    return fail('yaml-alias-bomb', params, { file, ...(range ? position(at(range[0])) : {}) });
  }

  const parsed = format.schema.safeParse(data);
  const schema = parsed.success ? [] : parsed.error.issues.map((issue) => describeIssue(issue, doc, at, file, format));
  return { doc, at, data: parsed.success ? parsed.data : undefined, schema };
}

type At = (o: number) => { line: number; col: number };
const where = (node: Node | undefined, at: At): { line?: number; column?: number } =>
  node?.range ? position(at(node.range[0])) : {};

/** `__proto__` and `constructor` keys, at any depth (also where any key is allowed: by_region, by_year). */
function forbiddenKeys(doc: ReturnType<typeof parseDocument>, at: At, file: string): Problem[] {
  const problems: Problem[] = [];
  visit(doc, {
    Pair: (_, pair) => {
      const key = pair.key as Node | undefined;
      const name = isScalar(key) ? String(key.value) : '';
      if (name === '__proto__' || name === 'constructor') {
        problems.push(problem('forbidden-key', { key: name }, { file, ...where(key, at) }));
      }
    },
  });
  return problems;
}

/**
 * An id written without quotes that YAML reads as a number and changes: `17.10` becomes 17.1 (and
 * then means another indicator), `01` becomes 1. The source text of the scalar tells.
 */
function changedNumbers(doc: ReturnType<typeof parseDocument>, source: string, at: At, file: string): Problem[] {
  const problems: Problem[] = [];
  visit(doc, {
    Pair: (_, pair) => {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const value = pair.value;
      if ((key !== 'id' && key !== 'criterion') || !isScalar(value) || typeof value.value !== 'number' || !value.range)
        return;
      const text = source.slice(value.range[0], value.range[1]);
      if (text === String(value.value)) return;
      problems.push(problem('number-id', { key, text, value: String(value.value) }, { file, ...where(value, at) }));
    },
  });
  return problems;
}

/** Two criteria with one name (as headers are matched: without case or diacritics), named at the second. */
function duplicateNames(doc: ReturnType<typeof parseDocument>, at: At, file: string): Problem[] {
  const root = doc.contents;
  const criteria = isMap(root) ? root.get('criteria', true) : undefined;
  if (!isSeq(criteria)) return [];
  const seen = new Map<string, { line?: number; id: string }>();
  const problems: Problem[] = [];
  for (const item of criteria.items) {
    if (!isMap(item)) continue;
    const nameNode = item.get('name', true) as Node | undefined;
    if (!isScalar(nameNode)) continue;
    const name = String(nameNode.value);
    const id = String(item.get('id') ?? '');
    const prior = seen.get(foldKey(name));
    const here = where(nameNode, at);
    if (prior) {
      problems.push(problem('duplicate-name', { name, id, other: prior.id, first: prior.line }, { file, ...here }));
    } else seen.set(foldKey(name), { line: here.line, id });
  }
  return problems;
}

/** A `by_region` or `by_year` map with nothing in it: a threshold that gives no value anywhere. */
function emptyMaps(doc: ReturnType<typeof parseDocument>, at: At, file: string): Problem[] {
  const problems: Problem[] = [];
  visit(doc, {
    Pair: (_, pair) => {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!key.startsWith('by_') || !isMap(pair.value) || pair.value.items.length > 0) return;
      problems.push(problem('empty-map', { key }, { file, ...where(pair.key as Node, at) }));
    },
  });
  return problems;
}

const MAX_ALIASES = 50;
const MAX_PROBLEMS = 50;

const byLine = (ps: Problem[]) =>
  [...ps].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || Number(a.column ?? 0) - Number(b.column ?? 0));

/** A criterion id twice in a set, or an indicator id twice in a criterion, named at the second one. */
function duplicateIds(
  doc: ReturnType<typeof parseDocument>,
  at: (o: number) => { line: number; col: number },
  file: string,
): Problem[] {
  const problems: Problem[] = [];
  const check = (seq: unknown, what: (id: string) => ProblemParams, inner?: (item: Node, id: string) => void) => {
    if (!isSeq(seq)) return;
    const seen = new Map<string, number>();
    for (const item of seq.items) {
      if (!isMap(item)) continue;
      const idNode = item.get('id', true) as Node | undefined;
      const id = String((idNode as { value?: unknown } | undefined)?.value ?? '');
      const where: { line?: number; column?: number } = idNode?.range ? position(at(idNode.range[0])) : {};
      const prior = seen.get(id);
      if (prior !== undefined) {
        problems.push(problem('duplicate-id', { ...what(id), first: prior }, { file, ...where }));
      } else if (where.line !== undefined) seen.set(id, where.line);
      inner?.(item, id);
    }
  };
  const root = doc.contents;
  const setId = isMap(root) ? String(root.get('id') ?? '') : '';
  // An indicator id names one indicator in the whole set: a column "5.1" must mean one thing.
  const indicators = new Map<string, { criterion: string; line?: number }>();
  const acrossCriteria = (item: Node, cid: string) => {
    const list = (item as YAMLMap).get('indicators', true);
    if (!isSeq(list)) return;
    for (const ind of list.items) {
      if (!isMap(ind)) continue;
      const idNode = ind.get('id', true) as Node | undefined;
      const id = String(isScalar(idNode) ? idNode.value : '');
      const prior = indicators.get(id);
      const here = where(idNode, at);
      if (prior && prior.criterion !== cid) {
        const params = { what: 'indicator-elsewhere', id, criterion: cid, other: prior.criterion, first: prior.line };
        problems.push(problem('duplicate-id', params, { file, ...here }));
      } else if (!prior) indicators.set(id, { criterion: cid, line: here.line });
    }
  };
  if (isMap(root)) {
    check(
      root.get('criteria', true),
      (id) => ({ what: 'criterion', id, set: setId }),
      (item, cid) => {
        check((item as YAMLMap).get('indicators', true), (id) => ({ what: 'indicator', id, criterion: cid }));
        acrossCriteria(item, cid);
      },
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
  doc: Doc,
  at: At,
  file: string,
  format: YamlFormat<z.ZodType>,
): Problem {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  const keyName = path.length
    ? path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('')
    : '(top level)';
  let node = nodeAt(doc.contents, path);
  let params: ProblemParams;

  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const keyNode = keyNodeOf(node, key);
    if (keyNode) node = keyNode;
    const allowed = allowedKeys(path, format.schema);
    const guess = closest(key, allowed);
    params = { issue: 'unknown-key', key, at: path.length ? keyName : undefined, guess, allowed: allowed.join(', ') };
  } else if (issue.code === 'invalid_type') {
    // zod does not report the input; the document has it.
    const input = valueAt(doc, path);
    params =
      input === undefined
        ? { issue: 'missing-key', key: keyName, expected: issue.expected }
        : { issue: 'wrong-type', key: keyName, expected: issue.expected, ...found(input) };
  } else if (issue.code === 'invalid_value') {
    params = { issue: 'not-one-of', key: keyName, values: issue.values.map((v) => JSON.stringify(v)).join(', ') };
  } else if (issue.code === 'invalid_union') {
    params = { issue: 'invalid', key: keyName, ...found(valueAt(doc, path)) };
  } else {
    params = { issue: 'other', key: keyName, detail: issue.message };
  }
  const range = node?.range;
  return problem(format.kind, params, { file, ...(range ? position(at(range[0])) : {}) });
}

function nodeAt(root: unknown, path: (string | number)[]): Node | undefined {
  let node = root as Node | undefined;
  let last = node;
  for (const key of path) {
    if (isMap(node))
      node = node.items.find((p) => (p.key as { value?: unknown })?.value === key)?.value as Node | undefined;
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

function allowedKeys(path: (string | number)[], root: z.ZodType): string[] {
  // The schema one level down the path, without its zod internals.
  let schema: unknown = root;
  for (const p of path) {
    const def = (
      schema as { def?: { type?: string; shape?: Record<string, unknown>; element?: unknown; innerType?: unknown } }
    ).def;
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
const found = (v: unknown): ProblemParams => ({
  found: v === null ? 'null' : Array.isArray(v) ? 'list' : typeof v === 'object' ? 'mapping' : typeof v,
  value: v !== null && typeof v !== 'object' ? JSON.stringify(v) : undefined,
});
