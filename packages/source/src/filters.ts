/**
 * Pure helpers behind `<culture-source>`: the live filters keyed by the control that owns them,
 * their mirror in the page URL hash, and the chips that summarise them. No DOM, no lit.
 */
import { parseList, readableName, type FilterClause, type Row } from '@culture-widgets/core';
import type { FilterMessages } from './messages.js';

/** Live clauses, keyed by the control (a column name, `refine-on-click` uses the same keys). */
export type LiveFilters = ReadonlyMap<string, readonly FilterClause[]>;

/** A new map where `key` holds `clauses`; `null` or `[]` removes it. Order of keys is kept. */
export function withFilter(live: LiveFilters, key: string, clauses: readonly FilterClause[] | null): Map<string, readonly FilterClause[]> {
  const next = new Map(live);
  if (clauses && clauses.length > 0) next.set(key, clauses.map((c) => ({ ...c })));
  else next.delete(key);
  return next;
}

/** Every live clause, in the order the controls were first set. */
export const flatten = (live: LiveFilters): FilterClause[] => [...live.values()].flat();

/** Clauses grouped by column: the keys a restored URL gives back to the controls. */
export function byColumn(clauses: readonly FilterClause[]): Map<string, FilterClause[]> {
  const grouped = new Map<string, FilterClause[]>();
  for (const clause of clauses) grouped.set(clause.column, [...(grouped.get(clause.column) ?? []), clause]);
  return grouped;
}

/** What a click hands to `refine` (a `culture-select` detail's `values`). */
export type RefineValues = Record<string, string | number | boolean | null>;

/** The click values a widget's `refine-on-click` asks for (every `detail.values` when it names no column). */
export function pickValues(columns: string, detail: { row?: Row; values?: RefineValues }): RefineValues | undefined {
  const names = parseList(columns);
  if (names.length === 0) return detail.values && Object.keys(detail.values).length ? detail.values : undefined;
  const picked: RefineValues = {};
  for (const name of names) {
    if (detail.values && name in detail.values) picked[name] = detail.values[name]!;
    else if (detail.row && name in detail.row) picked[name] = detail.row[name]!;
  }
  return Object.keys(picked).length ? picked : undefined;
}

/** Refine-on-click values (a clicked bar, row or feature) → one `=` (or `is empty`) clause per column. */
export function clausesFromValues(values: Record<string, string | number | boolean | null | undefined>): Map<string, FilterClause[]> {
  const clauses = new Map<string, FilterClause[]>();
  for (const [column, value] of Object.entries(values)) {
    if (value === undefined) continue;
    clauses.set(column, [value === null || value === '' ? { column, op: 'is empty' } : { column, op: '=', value: String(value) }]);
  }
  return clauses;
}

// --- the URL hash: `#musees=region%20in%20Bretagne%7CNormandie&festivals=…` -------------------

const splitHash = (hash: string): string[] => hash.replace(/^#/, '').split('&').filter(Boolean);

const keyOf = (part: string): string | undefined => {
  const at = part.indexOf('=');
  if (at < 0) return undefined;
  try {
    return decodeURIComponent(part.slice(0, at));
  } catch {
    return undefined;
  }
};

/** The filter text stored for source `id` in a hash, if any. */
export function readHashFilter(hash: string, id: string): string | undefined {
  const part = splitHash(hash).find((p) => keyOf(p) === id);
  if (part === undefined) return undefined;
  try {
    return decodeURIComponent(part.slice(part.indexOf('=') + 1));
  } catch {
    return undefined;
  }
}

/**
 * The hash with source `id` set to `text` (removed when empty). Other sources' parts and a plain
 * anchor (`#carte`) are kept as they are.
 */
export function writeHashFilter(hash: string, id: string, text: string): string {
  const parts = splitHash(hash);
  const entry = `${encodeURIComponent(id)}=${encodeURIComponent(text)}`;
  const at = parts.findIndex((p) => keyOf(p) === id);
  if (text === '') {
    if (at >= 0) parts.splice(at, 1);
  } else if (at >= 0) {
    parts[at] = entry;
  } else {
    parts.push(entry);
  }
  return parts.length ? `#${parts.join('&')}` : '';
}

// --- chips ----------------------------------------------------------------------------------

/** One removable chip: a clause, or one of the values of an `in` clause. */
export interface Chip {
  key: string;
  clause: FilterClause;
  /** For `in` clauses: the value this chip stands for. */
  value?: string;
  text: string;
}

/**
 * `région : Bretagne`, `annee ≥ 2015`, `nom contient abbaye`, `ville est vide`; `name` is the
 * control's label when it has one (« Région » rather than « Région principale de déroulement »).
 */
export function chipText(clause: FilterClause, m: FilterMessages, value?: string, name = clause.column): string {
  const shown = value ?? clause.value ?? (clause.values ?? []).join(', ');
  if (clause.op === 'is empty' || clause.op === 'is not empty') return `${name} ${m.op(clause.op)}`;
  if (clause.op === '=' || clause.op === 'in') return `${name} : ${shown}`;
  return `${name} ${m.op(clause.op)} ${shown}`;
}

/** The chips for live filters: one per clause, one per value of an `in` clause. */
export function chipsOf(live: LiveFilters, m: FilterMessages, labels: ReadonlyMap<string, string> = new Map()): Chip[] {
  const chips: Chip[] = [];
  for (const [key, clauses] of live) {
    for (const clause of clauses) {
      const name = (clause.column === key && labels.get(key)) || readableName(clause.column);
      if (clause.op === 'in') {
        for (const value of clause.values ?? []) chips.push({ key, clause, value, text: chipText(clause, m, value, name) });
      } else {
        chips.push({ key, clause, text: chipText(clause, m, undefined, name) });
      }
    }
  }
  return chips;
}

/** The clauses of a key once `chip` is removed (`null` when nothing is left). */
export function withoutChip(clauses: readonly FilterClause[], chip: Chip): FilterClause[] | null {
  const left = clauses.flatMap((clause): FilterClause[] => {
    if (!sameClause(clause, chip.clause)) return [clause];
    if (chip.value === undefined || clause.op !== 'in') return [];
    const values = (clause.values ?? []).filter((v) => v !== chip.value);
    if (values.length === 0) return [];
    return [values.length === 1 ? { column: clause.column, op: '=', value: values[0]! } : { ...clause, values }];
  });
  return left.length ? left : null;
}

export const sameClause = (a: FilterClause, b: FilterClause): boolean =>
  a.column === b.column && a.op === b.op && a.value === b.value && (a.values ?? []).join('\u0000') === (b.values ?? []).join('\u0000');
