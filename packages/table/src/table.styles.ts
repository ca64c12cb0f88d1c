import { css } from 'lit';

/**
 * The table itself (shared by `<culture-table>` and `<culture-data-table>`). Reads only the
 * private `--_*` tokens of the ui base, plus its own `--culture-table-*` properties.
 */
export const tableStyles = css`
  :host {
    --_row-height: var(--culture-table-row-height, 2.5rem);
    --_header-background: var(--culture-table-header-background, var(--_surface));
    --_stripe: var(--culture-table-stripe, transparent);
    --_bar: var(--culture-table-bar-color, var(--_color-1));
  }
  .frame {
    /* On a phone the table scrolls inside its box: the page never scrolls sideways. */
    overflow: auto;
    max-width: 100%;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
  }
  table {
    /* Columns keep their natural width (long texts wrap past 18rem): a narrow screen scrolls the
       frame sideways instead of crushing every column into a word per line. */
    width: max-content;
    min-width: 100%;
    border-collapse: separate;
    border-spacing: 0;
    font-size: 0.875rem;
    font-variant-numeric: tabular-nums;
  }
  /* <culture-table>'s visible title, outside the scrolling frame: full width, wrapping. */
  .title {
    margin: 0 0 0.5rem;
    font-weight: 700;
    font-size: 1rem;
    overflow-wrap: anywhere;
  }
  .scroll-hint {
    margin: 0 0 0.5rem;
    font-size: 0.875rem;
    color: var(--_muted);
  }
  /* A shade on each edge that hides columns says the table scrolls sideways. */
  .frame-shadows {
    position: relative;
  }
  .frame-shadows::before,
  .frame-shadows::after {
    content: '';
    position: absolute;
    inset-block: 1px;
    width: 1.5rem;
    pointer-events: none;
    opacity: 0;
    transition: opacity 0.15s;
    z-index: 3;
  }
  .frame-shadows::before {
    inset-inline-start: 1px;
    background: linear-gradient(to right, rgb(0 0 0 / 0.18), transparent);
  }
  .frame-shadows::after {
    inset-inline-end: 1px;
    background: linear-gradient(to left, rgb(0 0 0 / 0.18), transparent);
  }
  .frame-shadows.more-start::before,
  .frame-shadows.more-end::after {
    opacity: 1;
  }
  caption {
    caption-side: top;
    text-align: start;
    padding: 0.625rem 0.75rem;
    font-weight: 700;
    font-size: 1rem;
  }
  th,
  td {
    padding: 0 0.75rem;
    height: var(--_row-height);
    text-align: start;
    vertical-align: middle;
    border-bottom: 1px solid var(--_border);
  }
  th {
    position: sticky;
    top: 0;
    z-index: 1;
    background: var(--_header-background);
    font-weight: 700;
    white-space: nowrap;
  }
  tbody tr[data-index]:nth-child(even) {
    background: var(--_stripe);
  }
  tbody tr[data-index] {
    cursor: pointer;
  }
  tbody tr[data-index]:hover {
    background: var(--_surface);
  }
  tbody tr:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }
  td {
    position: relative;
    max-width: 18rem;
  }
  .num {
    text-align: end;
    white-space: nowrap;
  }
  th.num .sort {
    flex-direction: row-reverse;
  }
  .sort {
    display: inline-flex;
    gap: 0.375rem;
    align-items: center;
    width: 100%;
    min-height: 2rem;
    margin: 0 -0.375rem;
    padding: 0 0.375rem;
    border: 0;
    border-radius: var(--_radius);
    background: none;
    color: inherit;
    font: inherit;
    text-align: inherit;
    cursor: pointer;
  }
  .sort:hover {
    background: var(--_background);
  }
  /* ▲▼ both faint when unsorted; the active direction alone, solid, when sorted */
  .sort-icon {
    display: inline-flex;
    flex: none;
    flex-direction: column;
    gap: 0.125rem;
  }
  .sort-icon::before,
  .sort-icon::after {
    content: '';
    border-inline: 0.3125rem solid transparent;
    opacity: 0.4;
  }
  .sort-icon::before {
    border-block-end: 0.3125rem solid currentColor;
  }
  .sort-icon::after {
    border-block-start: 0.3125rem solid currentColor;
  }
  .sort-ascending::before,
  .sort-descending::after {
    opacity: 1;
  }
  .sort-ascending::after,
  .sort-descending::before {
    display: none;
  }
  .empty {
    color: var(--_muted);
  }
  .bar-track {
    /* the cell's content box: bars line up with the numbers above them */
    position: absolute;
    inset-inline: 0.75rem;
    bottom: 0.25rem;
    height: 0.25rem;
    pointer-events: none;
  }
  td.has-bar {
    min-width: 7rem;
  }
  .bar {
    position: absolute;
    height: 100%;
    border-radius: 0.125rem;
    background: var(--_bar);
  }
  .spacer td {
    height: auto;
    padding: 0;
    border: 0;
  }
  .skeleton-cell {
    display: block;
    height: 0.75rem;
    border-radius: var(--_radius);
    background: var(--_skeleton);
  }
  .no-rows {
    height: 6rem;
    color: var(--_muted);
  }
  a {
    color: var(--_accent);
    overflow-wrap: anywhere;
  }
  @media print {
    .frame {
      overflow: visible;
      border: 0;
    }
    th {
      position: static;
    }
    .bar {
      print-color-adjust: exact;
    }
  }
`;

/** `<culture-table>` around the table: toolbar, virtual body, pager. */
export const cultureTableStyles = css`
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: end;
    justify-content: space-between;
    margin-bottom: 0.5rem;
  }
  .search {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    flex: 1 1 14rem;
    max-width: 24rem;
    font-size: 0.875rem;
  }
  input,
  select,
  .button {
    min-height: 2.5rem;
    padding: 0.375rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
    color: var(--_text);
    font: inherit;
    font-size: 0.875rem;
  }
  input {
    border-bottom: 2px solid var(--_text);
  }
  .button {
    display: inline-flex;
    gap: 0.375rem;
    align-items: center;
    cursor: pointer;
  }
  .button.primary {
    border-color: var(--_accent);
    color: var(--_accent);
  }
  .button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  .note {
    margin: 0.25rem 0 0;
    font-size: 0.8125rem;
    color: var(--_muted);
  }
  .busy table {
    opacity: 0.6;
    transition: opacity 0.2s 0.15s;
  }
  .virtual {
    overflow: auto;
    overscroll-behavior: contain;
  }
  /* Fixed columns: scrolling never makes them jump, and laying out a frame of new rows only
     reads the header, which keeps 500,000-row scrolling cheap. Long values end with an ellipsis. */
  .virtual {
    position: relative;
    /* the spacers change height as rows are recycled: scroll anchoring would chase them */
    overflow-anchor: none;
  }
  .virtual table {
    table-layout: fixed;
    width: max(100%, calc(var(--_columns, 6) * var(--culture-table-column-width, 10rem)));
  }
  .virtual td,
  .virtual th {
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    max-width: none;
  }
  .pager {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
    justify-content: space-between;
    margin-top: 0.5rem;
    font-size: 0.875rem;
  }
  .pager .pages {
    display: flex;
    gap: 0.25rem;
    align-items: center;
  }
  .pager .button {
    min-width: 2.5rem;
    justify-content: center;
  }
  .pager label {
    display: flex;
    gap: 0.5rem;
    align-items: center;
  }
  .count {
    margin: 0.5rem 0 0;
    font-size: 0.875rem;
    color: var(--_muted);
  }
  @media print {
    .toolbar,
    .pager {
      display: none;
    }
    .virtual {
      height: auto !important;
    }
  }
`;
