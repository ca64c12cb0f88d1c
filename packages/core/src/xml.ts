/**
 * XML files as tables, with the browser's DOMParser. Workers have no DOMParser, so XML is parsed
 * on the main thread: the parse itself is one native call (tens of MB/s), and walking the records
 * and typing the columns run in slices that yield, like the main-thread CSV fallback. A JavaScript
 * XML parser in the worker would be a second grammar to keep right (entities, CDATA, namespaces,
 * encodings) for files that are rarely large.
 *
 * The records are the element that repeats most under one parent (or `record="…"`, by local
 * name or qualified name). Each record's attributes, its children's text and their attributes
 * (`entrees.annee`), and the leaves of nested children (`domaines.domaine`, repeated values
 * joined with `;`) become columns. Namespace prefixes are dropped from column names.
 */
import { throwIfAborted } from './errors.js';
import { fileErrors } from './file-messages.js';
import { type Inferred, type Steps, inferColumnSteps } from './infer.js';
import type { Table } from './table.js';

/** Pauses between slices (see worker-client.ts `pause`). */
type Yield = () => Promise<void>;

const elements = (parent: Element): Element[] => Array.from(parent.children);

/** The element name that repeats most among siblings, shallower first on ties. */
function findRecords(root: Element, wanted?: string): Element[] {
  if (wanted) {
    const match = (e: Element) => e.localName === wanted || e.tagName === wanted || e.tagName.toLowerCase() === wanted.toLowerCase();
    const found: Element[] = [];
    const walk = (e: Element) => { if (match(e)) found.push(e); else elements(e).forEach(walk); };
    walk(root);
    return found;
  }
  let best: Element[] = [];
  const queue: Element[] = [root];
  while (queue.length) {
    const parent = queue.shift()!;
    const groups = new Map<string, Element[]>();
    for (const child of elements(parent)) {
      const key = `${child.namespaceURI ?? ''} ${child.localName}`;
      (groups.get(key) ?? groups.set(key, []).get(key)!).push(child);
      queue.push(child);
    }
    for (const group of groups.values()) if (group.length > best.length && group.length >= 2) best = group;
  }
  return best;
}

/** Column → value for one record. */
function readRecord(record: Element): Map<string, string> {
  const out = new Map<string, string>();
  const add = (name: string, value: string) => {
    const v = value.trim();
    const had = out.get(name);
    out.set(name, had === undefined || had === '' ? v : v === '' ? had : `${had};${v}`);
  };
  for (const attr of Array.from(record.attributes)) if (!attr.name.startsWith('xmlns')) add(attr.localName, attr.value);
  const walk = (element: Element, path: string) => {
    const kids = elements(element);
    for (const attr of Array.from(element.attributes)) if (!attr.name.startsWith('xmlns')) add(`${path}.${attr.localName}`, attr.value);
    if (!kids.length) add(path, element.textContent ?? '');
    for (const kid of kids) walk(kid, `${path}.${kid.localName}`);
  };
  for (const child of elements(record)) walk(child, child.localName);
  return out;
}

/** XML text → a Table, in slices separated by `pause()`. */
export async function parseXMLTable(text: string, { record, pause, signal, budget = 12 }: { record?: string; pause: Yield; signal?: AbortSignal; budget?: number }): Promise<Table> {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw fileErrors.error('parse', { format: 'xml', cause: (error.textContent ?? '').trim().split('\n')[0] }, 'bad-xml');
  const records = findRecords(doc.documentElement, record?.trim() || undefined);
  if (records.length === 0 || (!record && records.length < 2)) throw fileErrors.error('parse', { format: 'xml', record }, record ? 'unknown-record' : 'no-records');
  await pause();
  throwIfAborted(signal);
  const names: string[] = [];
  const seen = new Set<string>();
  const values: Map<string, string>[] = [];
  let t0 = performance.now();
  for (const element of records) {
    const row = readRecord(element);
    for (const name of row.keys()) if (!seen.has(name)) { seen.add(name); names.push(name); }
    values.push(row);
    if (performance.now() - t0 > budget) { await pause(); throwIfAborted(signal); t0 = performance.now(); }
  }
  const table: Table = { columns: [], data: [], length: records.length };
  for (const name of names) {
    const steps: Steps<Inferred> = inferColumnSteps(name, values.map((row) => row.get(name) ?? ''));
    for (;;) {
      const step = steps.next();
      if (step.done) { table.columns.push(step.value.info); table.data.push(step.value.data); break; }
      if (performance.now() - t0 > budget) { await pause(); throwIfAborted(signal); t0 = performance.now(); }
    }
  }
  return table;
}
