import { defineElement } from '@culture-widgets/ui';
import { CultureFilter } from './filter.js';

defineElement('culture-filter', CultureFilter);

declare global {
  interface HTMLElementTagNameMap {
    'culture-filter': CultureFilter;
  }
}
