import { css } from 'lit';

export const kpiStyles = css`
  /* The tile is the host: the figure and its citation in one box, the citation at the bottom
     (tiles of a row are as tall as the row). */
  :host {
    --_kpi-value-size: var(--culture-kpi-value-size, clamp(1.75rem, 6vw, 2.5rem));
    box-sizing: border-box;
    display: flex;
    flex-direction: column;
    padding: 1rem 1rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
  }
  :host([hidden]) {
    display: none;
  }
  figure {
    flex: 1;
    margin: 0 0 0.5rem;
  }
  .head {
    display: flex;
    align-items: flex-start;
    justify-content: space-between;
    gap: 0.5rem;
  }
  figcaption {
    font-size: 1rem;
    font-weight: 700;
    line-height: 1.4;
    overflow-wrap: anywhere;
  }
  .value {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    column-gap: 0.3em;
    margin: 0.25rem 0 0;
    font-size: var(--_kpi-value-size);
    font-weight: 700;
    line-height: 1.15;
    font-variant-numeric: tabular-nums;
    overflow-wrap: anywhere;
  }
  .unit {
    font-size: 0.45em;
    font-weight: 400;
    color: var(--_muted);
  }
  .change {
    margin: 0.25rem 0 0;
    font-size: 0.9375rem;
    line-height: 1.4;
    color: var(--_muted);
  }
  .change .arrow {
    font-size: 0.75em;
    color: var(--_text);
  }
  .trend {
    margin-top: 0.5rem;
  }
  .trend svg {
    display: block;
    width: 100%;
    height: 2.5rem;
    overflow: visible;
  }
  .trend .line {
    fill: none;
    stroke: var(--_accent);
    stroke-width: 2;
    stroke-linejoin: round;
    vector-effect: non-scaling-stroke;
  }
  .trend .dot {
    stroke: var(--_accent);
    stroke-width: 7;
    stroke-linecap: round;
    vector-effect: non-scaling-stroke;
  }
  .trend .dot.base {
    stroke: var(--_muted);
  }
  .ends {
    display: flex;
    justify-content: space-between;
    font-size: 0.75rem;
    color: var(--_muted);
  }
  /* the source line of a small tile: smaller than under a chart */
  .citation {
    font-size: 0.75rem;
  }
  @media print {
    :host {
      break-inside: avoid;
    }
  }
`;
