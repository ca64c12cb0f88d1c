export { CultureSource } from './source.js';
export { CultureFilter, isFilterHost, type FilterHost } from './filter.js';
export {
  chooseControl,
  facetQuery,
  toFacets,
  selectedValues,
  valuesClauses,
  rangeClauses,
  rangeValues,
  searchClauses,
  type ControlType,
  type Facet,
} from './controls.js';
export {
  withFilter,
  flatten,
  byColumn,
  clausesFromValues,
  readHashFilter,
  writeHashFilter,
  chipsOf,
  withoutChip,
  type Chip,
  type LiveFilters,
} from './filters.js';
export { filterMessages, type FilterMessages } from './messages.js';
