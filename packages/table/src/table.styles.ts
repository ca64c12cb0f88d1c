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
    width: 100%;
    border-collapse: separate;
    border-spacing: 0;
    font-size: 0.875rem;
    font-variant-numeric: tabular-nums;
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
  tbody tr:nth-child(even of :not(.spacer)) {
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
  .sort-icon {
    flex: none;
    width: 0;
    height: 0;
    border-inline: 0.3125rem solid transparent;
    opacity: 0.35;
    border-block-start: 0.375rem solid currentColor;
  }
  .sort-icon.sort-none {
    border-block-start-color: transparent;
    border-block-end: 0.375rem solid currentColor;
    transform: translateY(-0.1875rem);
  }
  .sort-icon.sort-ascending {
    opacity: 1;
    border-block-start: 0;
    border-block-end: 0.375rem solid currentColor;
  }
  .sort-icon.sort-descending {
    opacity: 1;
  }
  .empty {
    color: var(--_muted);
  }
  .bar {
    position: absolute;
    bottom: 0.25rem;
    height: 0.25rem;
    border-radius: 0.125rem;
    background: var(--_bar);
    pointer-events: none;
  }
  td:has(.bar) {
    background-clip: padding-box;
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
    text-align: center;
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
  .virtual td {
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    max-width: 24rem;
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
