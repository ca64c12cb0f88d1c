/**
 * Which columns the table shows, in which order, and how it is sorted. Pure: attribute text in,
 * plain values out, so the element stays thin and these rules are tested as tables.
 */
import { columnNamed, parseList, type ColumnInfo, type SortKey } from '@culture-widgets/core';

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
    const column = columnNamed(name, visible);
    if (!column) unknown.push(name);
    else if (!columns.includes(column)) columns.push(column);
  }
  return { columns: columns.length ? columns : visible, unknown };
}

/**
 * `<culture-table>`'s own choice over a profile, as attributes: none, since it shows every column
 * (technical ids aside) in the resource's order. What the builder proposes.
 */
export const autoTable = (_columns: readonly ColumnInfo[]): Record<string, string> => ({});

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
    const column = columnNamed(key.column, columns);
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
