// @culture-widgets/map — <culture-map> and the pure pieces it is made of. No side effects:
// import './culture-map.js' (or the CDN bundle) to register the tag.
export { CultureMap } from './map.js';
export { MapController, popupNode, type LayerModel, type PointsModel, type AreasModel, type DensityModel } from './map-controller.js';
export { detectCoordinates, locate, positionOf, pairOrder, coordColumns, type CoordSpec, type CoordOptions, type Place, type Located } from './coords.js';
export {
  breaks, classify, niceStep, sequentialColors, sequentialScale, categoryScale, sizeScale,
  type Binning, type SequentialScale, type CategoryScale, type SizeScale,
} from './scales.js';
export { shouldCluster, parseClusterSetting, densityGrid, AUTO_CLUSTER } from './cluster.js';
export { clusterIndex, type ClusterIndex } from './cluster-index.js';
export { foldByCode, featureCode, featureName, insetPosition, insetGeometry, type FeatureCollection } from './choropleth.js';
export { popupModel, detectLabelColumn, type PopupModel } from './popup.js';
export { autoMap, autoMapOf, buildPlan, mapQuery, chooseMode, VALUE, type MapAttributes, type MapMode, type Plan } from './plan.js';
export { boundariesUrl, loadBoundaries, DEFAULT_BOUNDARIES } from './boundaries.js';
export { tileSpec, TILE_PRESETS, type TileSpec } from './tiles.js';
export { mapMessages, mapErrors, type MapMessages } from './messages.js';
