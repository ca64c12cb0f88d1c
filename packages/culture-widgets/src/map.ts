/** Registers <culture-map> alone: what the CDN serves as dist/culture-map.js. */
import '@culture-widgets/map/culture-map.js';

export { CultureMap } from '@culture-widgets/map';
