import { css } from 'lit';

export const mapStyles = css`
  :host {
    --_map-height: var(--culture-map-height, 26rem);
    --_state-height: var(--_map-height);
  }
  figure {
    margin: 0;
  }
  .frame {
    position: relative;
    container-type: inline-size;
  }
  .map {
    /* France is about as tall as wide: on a phone a full-height map left an empty band under it */
    height: min(var(--_map-height), max(15rem, 90cqw));
    width: 100%;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    /* a hint of blue: the sea, when there are no tiles */
    background: color-mix(in srgb, var(--_accent) 7%, var(--_surface));
    font: inherit;
    /* one finger scrolls the page on touch screens (Leaflet's drag is off there) */
    touch-action: pan-x pan-y;
  }
  .map:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .overlay {
    position: absolute;
    z-index: 1000;
    margin: 0;
    padding: 0.25rem 0.5rem;
    font-size: 0.8125rem;
    line-height: 1.4;
    color: var(--_text);
    background: color-mix(in srgb, var(--_background) 88%, transparent);
    border-radius: var(--_radius);
  }
  .attribution {
    right: 1px;
    bottom: 1px;
    font-size: 0.75rem;
  }
  .attribution a {
    color: inherit;
  }
  .tiles-failed {
    margin: 0.25rem 0 0;
    font-size: 0.8125rem;
    color: var(--_muted);
  }
  .hint {
    left: 50%;
    top: 50%;
    transform: translate(-50%, -50%);
    background: color-mix(in srgb, var(--_text) 80%, transparent);
    color: var(--_background);
    pointer-events: none;
  }
  .boundaries-loading {
    left: 0.5rem;
    bottom: 0.5rem;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 1rem;
    margin: 0.5rem 0 0;
    padding: 0;
    list-style: none;
    font-size: 0.875rem;
  }
  .legend-title {
    font-weight: 700;
  }
  .legend li {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
  }
  .swatch {
    display: inline-block;
    width: 1rem;
    height: 1rem;
    border: 1px solid var(--_border);
    border-radius: 2px;
    flex: none;
  }
  .swatch.dot {
    border-radius: 50%;
  }
  .swatch.circle {
    border-radius: 50%;
    background: transparent;
    border: 1.5px solid var(--_text);
  }
  .notes {
    margin: 0.25rem 0 0;
    font-size: 0.875rem;
    color: var(--_muted);
  }
  details.features {
    margin-top: 0.5rem;
    font-size: 0.875rem;
  }
  details.features summary {
    cursor: pointer;
    color: var(--_accent);
  }
  .features ul {
    max-height: 16rem;
    overflow: auto;
    margin: 0.25rem 0 0;
    padding: 0;
    list-style: none;
  }
  .features li button,
  .features td button {
    font: inherit;
    color: var(--_accent);
    background: none;
    border: 0;
    padding: 0.125rem 0;
    text-align: start;
    text-decoration: underline;
    cursor: pointer;
  }
  .features table {
    border-collapse: collapse;
    margin-top: 0.25rem;
  }
  .features .table-scroll {
    max-height: 16rem;
    overflow: auto;
  }
  .features th,
  .features td {
    padding: 0.125rem 0.75rem 0.125rem 0;
    text-align: start;
    border-bottom: 1px solid var(--_border);
  }
  .features td.number {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  /* Leaflet parts, themed */
  .leaflet-container {
    font: inherit;
    background: color-mix(in srgb, var(--_accent) 7%, var(--_surface));
  }
  .leaflet-bar a {
    background: var(--_background);
    color: var(--_text);
    border-bottom-color: var(--_border);
  }
  .leaflet-popup-content-wrapper,
  .leaflet-popup-tip {
    background: var(--_background);
    color: var(--_text);
  }
  .popup-title {
    margin: 0 0 0.25rem;
    font-weight: 700;
  }
  .popup dl {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0 0.5rem;
    margin: 0;
  }
  .popup dt {
    color: var(--_muted);
  }
  .popup dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .cluster {
    background: none;
    border: 0;
  }
  .cluster-badge {
    display: block;
    border-radius: 50%;
    text-align: center;
    font-weight: 700;
    font-size: 0.8125rem;
    color: var(--_accent-contrast);
    background: color-mix(in srgb, var(--_accent) 85%, transparent);
    box-shadow: 0 0 0 4px color-mix(in srgb, var(--_accent) 30%, transparent);
  }
  .leaflet-marker-icon:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .inset-label {
    background: none;
    border: 0;
    box-shadow: none;
    padding: 0;
    font-size: 0.6875rem;
    color: var(--_muted);
  }
  .inset-label::before {
    display: none;
  }
  @media print {
    .leaflet-control-container,
    details.features,
    .hint {
      display: none;
    }
  }
`;
