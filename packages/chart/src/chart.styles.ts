import { css } from 'lit';

export const chartStyles = css`
  :host {
    --_chart-min-height: var(--culture-chart-min-height, 12rem);
    --_tooltip-background: var(--culture-tooltip-background, var(--_text));
    --_tooltip-color: var(--culture-tooltip-color, var(--_background));
    position: relative;
  }
  figure {
    margin: 0;
  }
  .head {
    display: flex;
    align-items: flex-start;
    justify-content: space-between;
    gap: 0.5rem;
  }
  .head h2 {
    margin: 0 0 0.5rem;
    font-size: 1.125rem;
    line-height: 1.4;
    font-weight: 700;
  }
  .note {
    margin: 0.25rem 0 0;
    font-size: 0.875rem;
    color: var(--_muted);
  }
  .chart {
    position: relative;
    min-height: var(--_chart-min-height);
  }
  .chart:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  /* Around the mark the keyboard stands on: the focus colour, with a halo of the background so it
     reads on any mark colour, in both themes. */
  .focus-ring {
    position: absolute;
    z-index: 1;
    box-sizing: border-box;
    border: 2px solid var(--_focus);
    border-radius: 3px;
    box-shadow: 0 0 0 2px var(--_background);
    pointer-events: none;
  }
  .focus-ring[hidden] {
    display: none;
  }
  .view svg {
    display: block;
    max-width: 100%;
    height: auto;
  }
  .tooltip {
    position: absolute;
    z-index: 2;
    max-width: min(20rem, 90%);
    padding: 0.375rem 0.5rem;
    border-radius: var(--_radius);
    background: var(--_tooltip-background);
    color: var(--_tooltip-color);
    font-size: 0.8125rem;
    line-height: 1.35;
    white-space: pre-line;
    overflow-wrap: anywhere;
    pointer-events: none;
  }
  .data-table {
    margin-top: 0.75rem;
    max-height: 24rem;
    overflow: auto;
  }
  .draw-error {
    min-height: auto;
  }
  @media print {
    :host {
      width: 100% !important;
      max-width: none;
      break-inside: avoid;
    }
    .tooltip,
    .focus-ring {
      display: none !important;
    }
    .view svg {
      width: 100% !important;
      height: auto !important;
    }
    .data-table {
      max-height: none;
      overflow: visible;
    }
  }
`;
