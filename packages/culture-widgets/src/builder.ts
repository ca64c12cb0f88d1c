/** Registers <culture-builder> and the elements it previews: what the CDN serves as dist/culture-builder.js. */
import '@culture-widgets/builder/culture-builder.js';

export { CultureBuilder } from '@culture-widgets/builder';
