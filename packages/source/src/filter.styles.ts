import { css } from 'lit';
import { baseStyles } from '@culture-widgets/ui';

export const filterStyles = [
  baseStyles,
  css`
    :host {
      --_state-height: 3rem;
      background: transparent;
      color-scheme: light;
    }
    /* native checkboxes, selects and date pickers follow the theme */
    :host([data-scheme='dark']) {
      color-scheme: dark;
    }
    fieldset {
      margin: 0;
      padding: 0;
      border: 0;
      min-width: 0;
    }
    legend,
    .label {
      display: block;
      padding: 0;
      margin-bottom: 0.25rem;
      font-weight: 700;
    }
    input,
    select,
    button {
      font: inherit;
      color: inherit;
    }
    input[type='search'],
    input[type='number'],
    input[type='date'],
    select {
      width: 100%;
      min-height: 2.5rem;
      padding: 0.375rem 0.5rem;
      border: 1px solid var(--_border);
      border-bottom: 2px solid var(--_text);
      border-radius: var(--_radius) var(--_radius) 0 0;
      background: var(--_surface);
    }
    select[multiple] {
      min-height: 8rem;
    }
    .range {
      display: flex;
      gap: 0.75rem;
      flex-wrap: wrap;
    }
    .range label {
      flex: 1 1 8rem;
      display: flex;
      flex-direction: column;
      font-size: 0.875rem;
    }
    .values {
      list-style: none;
      margin: 0.25rem 0 0;
      padding: 0;
      max-height: var(--culture-filter-list-height, 16rem);
      overflow-y: auto;
    }
    /* a long list scrolls in its own framed box, apart from the search box above it: a row
       half scrolled away reads as scrolled, not as hidden under the search box */
    .values.boxed {
      margin-top: 0.5rem;
      padding: 0.25rem 0.5rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      scroll-padding-block: 0.25rem;
    }
    .values li {
      display: flex;
      align-items: baseline;
      gap: 0.5rem;
      padding: 0.125rem 0;
    }
    .values input {
      accent-color: var(--_accent);
      width: 1.125rem;
      height: 1.125rem;
      flex: none;
    }
    .values label {
      flex: 1;
      overflow-wrap: anywhere;
    }
    .count {
      color: var(--_muted);
      font-variant-numeric: tabular-nums;
    }
    .none {
      color: var(--_muted);
      font-style: italic;
      margin: 0.25rem 0;
    }
    .summary {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
      margin-top: 0.5rem;
    }
    .summary:empty {
      display: none;
    }
    .chips {
      display: flex;
      flex-wrap: wrap;
      gap: 0.375rem;
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .chip {
      display: inline-flex;
      align-items: center;
      gap: 0.375rem;
      padding: 0.125rem 0.625rem;
      border: 1px solid var(--_accent);
      border-radius: 1rem;
      background: var(--_background);
      color: var(--_accent);
      font-size: 0.875rem;
      cursor: pointer;
      overflow-wrap: anywhere;
      text-align: start;
    }
    .chip:hover {
      background: var(--_surface);
    }
    .reset {
      padding: 0.25rem 0.5rem;
      border: 0;
      background: none;
      color: var(--_accent);
      text-decoration: underline;
      cursor: pointer;
      font-size: 0.875rem;
    }
    .busy {
      opacity: 0.6;
    }
  `,
];
