/**
 * A parsed file, column by column. Columns are stored so a worker can hand them over cheaply:
 * numbers in a Float64Array (NaN = empty), booleans in a Uint8Array (2 = empty), text as one
 * string plus offsets (an empty slice = empty). Only the main thread's results become rows.
 */
import type { Cell, ColumnInfo, Row } from './types.js';

export type ColumnData =
  | { kind: 'number'; values: Float64Array }
  | { kind: 'boolean'; values: Uint8Array }
  | { kind: 'text'; text: string; offsets: Uint32Array }
  /** Few distinct texts: codes into `dict` (code 0 = empty). */
  | { kind: 'dict'; dict: string[]; codes: Uint32Array }
  | { kind: 'cells'; values: Cell[] };

/** The column a GeoJSON feature's geometry is kept in, as GeoJSON text (for the map). */
export const GEOMETRY_COLUMN = '__geometry';

export interface Table {
  columns: ColumnInfo[];
  data: ColumnData[];
  length: number;
}

/** A fast reader of one column's cells by row index. */
export type Getter = (row: number) => Cell;

export function getter(data: ColumnData): Getter {
  switch (data.kind) {
    case 'number': { const v = data.values; return (i) => { const x = v[i]!; return x === x ? x : null; }; }
    case 'boolean': { const v = data.values; return (i) => { const x = v[i]!; return x === 2 ? null : x === 1; }; }
    case 'text': {
      const { text, offsets } = data;
      return (i) => { const a = offsets[i]!, b = offsets[i + 1]!; return a === b ? null : text.slice(a, b); };
    }
    case 'dict': { const { dict, codes } = data; return (i) => { const x = codes[i]!; return x === 0 ? null : dict[x]!; }; }
    case 'cells': { const v = data.values; return (i) => v[i] ?? null; }
  }
}

/** Packs strings ('' or null = empty) into one text + offsets. */
export function packText(values: ArrayLike<string | null>): ColumnData {
  const offsets = new Uint32Array(values.length + 1);
  let at = 0;
  for (let i = 0; i < values.length; i++) { at += values[i]?.length ?? 0; offsets[i + 1] = at; }
  // join writes null as '': no copy of the array needed
  return { kind: 'text', text: Array.prototype.join.call(values, ''), offsets };
}

/** The buffers a worker transfers instead of copying. */
export function transferables(table: Table): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const d of table.data) {
    if (d.kind === 'number' || d.kind === 'boolean') out.push(d.values.buffer as ArrayBuffer);
    if (d.kind === 'text') out.push(d.offsets.buffer as ArrayBuffer);
    if (d.kind === 'dict') out.push(d.codes.buffer as ArrayBuffer);
  }
  return out;
}

/** Whole columns as plain arrays (for arquero), cached per table. */
const arrays = new WeakMap<ColumnData, Cell[]>();
export function columnArray(data: ColumnData, length: number): Cell[] {
  if (data.kind === 'cells') return data.values;
  let out = arrays.get(data);
  if (!out) {
    const get = getter(data);
    out = new Array<Cell>(length);
    for (let i = 0; i < length; i++) out[i] = get(i);
    arrays.set(data, out);
  }
  return out;
}

/** Rows (objects) for the given indices and column names. */
export function materialize(table: Table, indices: ArrayLike<number>, names: string[]): Row[] {
  const position = new Map(table.columns.map((c, i) => [c.name, i]));
  const getters = names.map((n) => getter(table.data[position.get(n)!]!));
  const rows: Row[] = new Array(indices.length);
  for (let r = 0; r < indices.length; r++) {
    const row: Row = {};
    const i = indices[r]!;
    for (let c = 0; c < names.length; c++) row[names[c]!] = getters[c]!(i);
    rows[r] = row;
  }
  return rows;
}

/** A table from row objects (tabular `/data/` pages, small results). */
export function tableFromRows(rows: Row[], columns: ColumnInfo[]): Table {
  return {
    columns,
    length: rows.length,
    data: columns.map((c) => ({ kind: 'cells', values: rows.map((r) => r[c.name] ?? null) })),
  };
}
