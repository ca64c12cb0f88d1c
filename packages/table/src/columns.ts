/**
 * Which columns the table shows, in which order, and how it is sorted. Pure: attribute text in,
 * plain values out, so the element stays thin and these rules are tested as tables.
 */
import type { ColumnInfo, SortKey } from '@culture-widgets/core';

/** Splits a comma list attribute (`columns`, `bars`); names may be quoted when they hold commas. */
export function parseList(text: string | null | undefined): string[] {
  if (!text) return [];
  const names: string[] = [];
  let current = '';
  let quote: string | null = null;
  for (const char of text) {
    if (quote) {
      if (char === quote) quote = null;
      else current += char;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === ',') {
      names.push(current.trim());
      current = '';
    } else {
      current += char;
    }
  }
  names.push(current.trim());
  return names.filter((name) => name !== '');
}

/** Matches a name the author typed to a real column: exact first, then ignoring case and accents. */
export function findColumn(name: string, columns: readonly ColumnInfo[]): ColumnInfo | undefined {
  const exact = columns.find((column) => column.name === name);
  if (exact) return exact;
  const key = looseKey(name);
  return columns.find((column) => looseKey(column.name) === key);
}

/**
 * The columns to show: those named in `columns`, in that order (unknown names are reported, not
 * shown); every column when the attribute is empty or names nothing that exists (a typo should
 * not leave an empty table). Technical ids like `__id` are never shown.
 */
export function selectColumns(
  requested: readonly string[],
  available: readonly ColumnInfo[],
): { columns: ColumnInfo[]; unknown: string[] } {
  const visible = available.filter((column) => !column.name.startsWith('__'));
  if (requested.length === 0) return { columns: visible, unknown: [] };
  const columns: ColumnInfo[] = [];
  const unknown: string[] = [];
  for (const name of requested) {
    const column = findColumn(name, visible);
    if (!column) unknown.push(name);
    else if (!columns.includes(column)) columns.push(column);
  }
  return { columns: columns.length ? columns : visible, unknown };
}

/** `-total` → descending on total; `annee, -total` → two keys. Names may be quoted. */
export function parseSort(text: string | null | undefined): SortKey[] {
  return parseList(text).map((part) =>
    part.startsWith('-')
      ? { column: part.slice(1).trim(), descending: true }
      : { column: part.replace(/^\+/, '').trim() },
  );
}

/** Keeps the sort keys whose column exists, with the real column name. */
export function resolveSort(keys: readonly SortKey[], columns: readonly ColumnInfo[]): SortKey[] {
  return keys.flatMap((key) => {
    const column = findColumn(key.column, columns);
    return column ? [{ column: column.name, descending: key.descending === true }] : [];
  });
}

/**
 * What a click on a header does: ascending, then descending, then back to no sort, like
 * spreadsheet and Datawrapper tables. A click on another column starts over on that column.
 */
export function nextSort(current: readonly SortKey[], column: string): SortKey[] {
  const key = current[0];
  if (!key || key.column !== column) return [{ column }];
  if (!key.descending) return [{ column, descending: true }];
  return [];
}

/** The value of `aria-sort` for a header. */
export function ariaSort(current: readonly SortKey[], column: string): 'ascending' | 'descending' | 'none' {
  const key = current[0];
  if (!key || key.column !== column) return 'none';
  return key.descending ? 'descending' : 'ascending';
}

/** Numbers are right-aligned so digits line up; everything else reads left to right. */
export function isNumeric(column: ColumnInfo): boolean {
  return column.type === 'number' || column.type === 'integer';
}

function looseKey(name: string): string {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').trim().toLowerCase();
}
