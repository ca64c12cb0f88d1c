// Page code of bench/table-size.mjs: the smallest element the shared base allows, one that loads
// rows like a table (resolver, columns, a first page on the tabular path, every state, the source
// line) and draws none of them. Its first load is what any data element pays before its own code.
import { html, type TemplateResult } from 'lit';
import { CultureDataElement, defineElement } from '../packages/ui/src/index.js';
import type { ColumnInfo, FilterClause, Query } from '../packages/core/src/index.js';

class BareElement extends CultureDataElement {
  protected buildQuery(_columns: ColumnInfo[], filters: FilterClause[]): Query {
    return { filters, offset: 0, limit: 20 };
  }

  protected renderReady(): TemplateResult {
    return html``;
  }

  override render(): TemplateResult {
    return this.renderData();
  }
}

defineElement('bare-element', BareElement);
