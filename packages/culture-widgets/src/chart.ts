/** Registers <culture-chart> alone: what the CDN serves as dist/culture-chart.js. */
import '@culture-widgets/chart/culture-chart.js';

export { CultureChart } from '@culture-widgets/chart';
