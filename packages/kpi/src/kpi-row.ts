import { LitElement, css, html } from 'lit';

/**
 * Key figures side by side: as many tiles per row as fit (each at least `--culture-kpi-min-width`,
 * 13rem by default), one per row on a phone, every tile as tall as its row. A plain container:
 * the tiles keep their own meaning and order.
 *
 * ```html
 * <culture-kpi-row>
 *   <culture-kpi …></culture-kpi> <culture-kpi …></culture-kpi> <culture-kpi …></culture-kpi>
 * </culture-kpi-row>
 * ```
 *
 * @tag culture-kpi-row
 * @slot - the `<culture-kpi>` tiles (any element, in fact)
 * @cssproperty --culture-kpi-min-width - narrowest tile before the row wraps (default `13rem`)
 * @cssproperty --culture-kpi-gap - space between tiles (default `1rem`)
 */
export class CultureKpiRow extends LitElement {
  static override styles = css`
    :host {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, var(--culture-kpi-min-width, 13rem)), 1fr));
      gap: var(--culture-kpi-gap, 1rem);
      align-items: stretch;
    }
    :host([hidden]) {
      display: none;
    }
  `;

  override render() {
    return html`<slot></slot>`;
  }
}
