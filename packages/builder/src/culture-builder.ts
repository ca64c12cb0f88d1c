import { defineElement } from '@culture-widgets/ui';
import { CultureBuilder } from './builder.js';

defineElement('culture-builder', CultureBuilder);

declare global {
  interface HTMLElementTagNameMap {
    'culture-builder': CultureBuilder;
  }
}
