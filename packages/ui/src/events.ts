import type { DataPath, FilterClause, ErrorCode, ResolvedSource, Row, ShapeStep, WarningCode } from '@culture-widgets/core';

/**
 * A typed `culture-*` event: its `detail`, and bubbling out of shadow roots (composed), so a page
 * listens once on `document`.
 */
function cultureEvent<Detail>(type: string) {
  return class extends Event {
    static readonly type = type;
    constructor(readonly detail: Detail) {
      super(type, { bubbles: true, composed: true });
    }
  };
}

/** Says something once per thing it is about (a settled load, a drawing): a re-render never repeats it. */
export class Once {
  private last?: unknown;
  /** Runs `say` unless it already ran for `about`; true when it ran. */
  run(about: unknown, say: () => void): boolean {
    if (about === this.last) return false;
    this.last = about;
    say();
    return true;
  }
}

export interface CultureLoadDetail {
  /** Rows (or groups) shown. */
  rows: number;
  /** Rows (or groups) matching, before paging. */
  total: number;
  source: ResolvedSource;
  /** Which path answered: the tabular API, its CSV finished here, or the file. */
  path: DataPath;
  /**
   * Which path ran each step (`groups` asked by group, `regroup` here, `rows` read, `spellings`
   * of `clean`, `join`), and why rows were needed (`reasons`).
   */
  steps: ShapeStep[];
  /** Keys of `join` without a match on the other side (also said in a note). */
  unmatched?: string[];
}

/** Data is shown. */
export class CultureLoadEvent extends cultureEvent<CultureLoadDetail>('culture-load') {}

export interface CultureErrorDetail {
  code: ErrorCode;
  message: string;
  /** The file's link when the page cannot show it but a person can open it (format, size, CORS). */
  download?: string;
}

/** Something failed; the same message is shown in the element (`role="alert"`). */
export class CultureErrorEvent extends cultureEvent<CultureErrorDetail>('culture-error') {}

export interface CultureWarningDetail {
  code: WarningCode;
  /** What the widget also shows under its title, in the reader's language. */
  message: string;
  /** For an attribute value ignored or clamped: the attribute, what it said, what is used instead. */
  attribute?: string;
  value?: string;
  accepted?: string;
}

/** An attribute value was ignored or clamped, or the data left a note (also shown, and logged). */
export class CultureWarningEvent extends cultureEvent<CultureWarningDetail>('culture-warning') {}

export interface CultureSelectDetail {
  /** The row behind the clicked row, mark or feature. */
  row: Row;
  /** Column → value pairs that identify it (a bar's category, a feature's code…), for click-to-filter. */
  values?: Record<string, string | number | boolean | null>;
}

/** A row, mark or feature was activated (click, Enter). */
export class CultureSelectEvent extends cultureEvent<CultureSelectDetail>('culture-select') {}

export interface CultureFilterChangeDetail {
  /** The live clauses of the source, after the change. */
  filters: FilterClause[];
}

/** The filters of a `<culture-source>` changed. */
export class CultureFilterChangeEvent extends cultureEvent<CultureFilterChangeDetail>('culture-filter-change') {}

declare global {
  interface HTMLElementEventMap {
    'culture-load': CultureLoadEvent;
    'culture-error': CultureErrorEvent;
    'culture-warning': CultureWarningEvent;
    'culture-select': CultureSelectEvent;
    'culture-filter-change': CultureFilterChangeEvent;
  }
}
