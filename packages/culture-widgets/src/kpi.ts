/** Registers <culture-kpi> and <culture-kpi-row> alone: what the CDN serves as dist/culture-kpi.js. */
import '@culture-widgets/kpi/culture-kpi.js';

export { CultureKpi, CultureKpiRow } from '@culture-widgets/kpi';
