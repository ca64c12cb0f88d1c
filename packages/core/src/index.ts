/**
 * @culture-widgets/core — from what a page author typed to typed rows.
 *
 *   dataset / resource / src ──resolveSource──▶ ResolvedSource (metadata, citation, path)
 *                                                 │
 *   filter="…" ──parseFilter──▶ Query ──runQuery──┤── tabular API (server filters, sort, paging, groupby)
 *                                                 ├── tabular /data/csv/ aggregated locally (groupby refused)
 *                                                 └── the file: stream ▶ decode ▶ sniff ▶ parse (worker) ▶ query locally
 *                                                 ▼
 *                                           QueryResult { rows, columns, total, path, source }
 *
 * Elements call `load` (or `resolveSource` + `loadColumns` + `runQuery`) and nothing else.
 * CONTRACT STUB: signatures are final, bodies land with the data core issue.
 */
export type * from './types.js';
import type {
  ColumnInfo, FilterClause, Lang, LoadOptions, Query, QueryResult, ResolvedSource, Row, SourceSpec, ErrorCode,
} from './types.js';

/** Typed failure with a stable `code`, and a message in French and English. */
export class CultureError extends Error {
  constructor(readonly code: ErrorCode, message: string, readonly details?: Record<string, unknown>) {
    super(message);
    this.name = 'CultureError';
  }
  /** The message for the user, in their language. */
  messageIn(_lang: Lang): string { return this.message; }
}

const todo = (): never => { throw new Error('core: not implemented yet'); };

/** Parses the filter grammar of DESIGN.md; throws `CultureError('bad-filter')`. */
export function parseFilter(_text: string): FilterClause[] { return todo(); }
/** Writes clauses back in the grammar (quoting where needed). */
export function formatFilter(_clauses: FilterClause[]): string { return todo(); }
/** Dataset / resource / src → the resource to read, with its citation. Cached per page. */
export async function resolveSource(_spec: SourceSpec, _options?: LoadOptions): Promise<ResolvedSource> { return todo(); }
/** Column profile (tabular `/profile/`, or inferred from the file). */
export async function loadColumns(_source: ResolvedSource, _options?: LoadOptions): Promise<ColumnInfo[]> { return todo(); }
/** Runs the query where it is cheapest; identical concurrent queries share one request. */
export async function runQuery(_source: ResolvedSource, _query: Query, _options?: LoadOptions): Promise<QueryResult> { return todo(); }
/** resolveSource + runQuery. */
export async function load(_spec: SourceSpec, _query: Query, _options?: LoadOptions): Promise<QueryResult> { return todo(); }
/** CSV for a download: `;`, UTF-8 BOM, RFC 4180 quoting, so it opens in French Excel. */
export function toCSV(_rows: Row[], _columns: string[]): string { return todo(); }
