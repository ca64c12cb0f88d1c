/**
 * The four helpers Vega-Lite imports from `vega` (all from vega-util). The build points Vega-Lite's
 * `vega` import here (`build/rollup-vega.mjs`, and the test server), so the compiler does not pull
 * the whole of Vega, every transform registered, back into the page.
 */
export { hasOwnProperty, isObject, isString, stringValue } from 'vega-util';
