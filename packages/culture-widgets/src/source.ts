/** Registers <culture-source> and <culture-filter>: what the CDN serves as dist/culture-source.js. */
import '@culture-widgets/source/culture-source.js';
import '@culture-widgets/source/culture-filter.js';

export { CultureSource, CultureFilter } from '@culture-widgets/source';
