/**
 * The file path and the local engines, behind one lazy boundary: index.ts loads this chunk with
 * `import()` the first time a query needs a file or a local aggregation, so a page that only reads
 * the tabular API never downloads the CSV parser, type inference, the worker client or the engines.
 */
import type { ColumnInfo } from './types.js';
import type { NormalizedQuery } from './query.js';
import { type LocalResult, runLocal } from './local.js';
import { runArquero } from './arquero-engine.js';
import { DelimitedParser, sniff } from './csv.js';
import { type Table } from './table.js';
import { typeCell } from './tabular.js';
import type { ComputeContext } from './compute.js';
import type { Group, ShapePlan } from './shape.js';
import { shapeGroupsLocal, shapeRowsLocal } from './shape-local.js';
import { shapeGroupsArquero, shapeRowsArquero } from './shape-arquero.js';
import type { Row } from './types.js';

export { clearTables, loadTable } from './file.js';

/** Runs a query over a parsed file with the engine index.ts chose. */
export function runOnTable(table: Table, q: NormalizedQuery, engine: 'arquero' | 'eval-free'): Promise<LocalResult> | LocalResult {
  return engine === 'arquero' ? runArquero(table, q) : runLocal(table, q);
}

/**
 * The tabular CSV typed with the profile, as a Table for the local engine. The export writes `,`
 * and its header first: `delimiter` says so when the text is too narrow to sniff (one column of
 * `;`-separated values reads as `;`).
 */
export function tableFromCSV(text: string, columns: ColumnInfo[], delimiter?: string): Table {
  const { delimiter: sep, start } = delimiter ? { delimiter, start: 0 } : sniff(text);
  const parser = new DelimitedParser(text, sep, start);
  parser.step();
  const byName = new Map(columns.map((c) => [c.name, c]));
  const present = parser.header.map((name, i) => ({ name: name.replace(/^"+|"+$/g, ''), i })).filter((h) => byName.has(h.name));
  return {
    columns: present.map((h) => byName.get(h.name)!),
    length: parser.rows,
    data: present.map((h) => ({ kind: 'cells' as const, values: parser.columns[h.i]!.map((t) => typeCell(t, byName.get(h.name))) })),
  };
}

/** Finishes a query over the tabular `/data/csv/` export with the eval-free engine. */
export function runOnTabularCSV(text: string, columns: ColumnInfo[], q: NormalizedQuery): LocalResult {
  return runLocal(tableFromCSV(text, columns), q);
}

type Engine = 'arquero' | 'eval-free';

/** The groups of a shaped plan over rows, with the engine index.ts chose. */
export function shapeGroups(table: Table, plan: ShapePlan, ctx: ComputeContext, filtered: boolean, engine: Engine): Promise<Group[]> | Group[] {
  return engine === 'arquero' ? shapeGroupsArquero(table, plan, ctx, filtered) : shapeGroupsLocal(table, plan, ctx, filtered);
}

/** The rows of a shaped plan in row mode, with the engine index.ts chose. */
export function shapeRows(table: Table, plan: ShapePlan, ctx: ComputeContext, filtered: boolean, engine: Engine): Promise<Row[]> | Row[] {
  return engine === 'arquero' ? shapeRowsArquero(table, plan, ctx, filtered) : shapeRowsLocal(table, plan, ctx, filtered);
}
