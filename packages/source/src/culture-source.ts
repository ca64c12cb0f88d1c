import { defineElement } from '@culture-widgets/ui';
import { CultureSource } from './source.js';

defineElement('culture-source', CultureSource);

declare global {
  interface HTMLElementTagNameMap {
    'culture-source': CultureSource;
  }
}
