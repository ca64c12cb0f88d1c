// Registers <culture-map> (tolerating a second copy of the bundle on the page).
import { defineElement } from '@culture-widgets/ui';
import { CultureMap } from './map.js';

defineElement('culture-map', CultureMap);

export { CultureMap };
