export { CultureDataElement, type DataState, type QueryContext } from './data-element.js';
export {
  CultureLoadEvent,
  CultureErrorEvent,
  CultureSelectEvent,
  CultureFilterChangeEvent,
  CultureWarningEvent,
  Once,
  type CultureWarningDetail,
  type CultureLoadDetail,
  type CultureErrorDetail,
  type CultureSelectDetail,
  type CultureFilterChangeDetail,
} from './events.js';
export { ThemeController, pageScheme, THEMES, type Scheme, type ThemeSetting } from './theme.js';
export { WarningController, SIZE_RANGES } from './warnings.js';
export { aggregateUnused } from './aggregate-unused.js';
export { MenuController, menuStyles, type MenuItem } from './menu.js';
export { baseStyles, hostStyles, tokens, readPalette, readToken } from './styles.js';
export { messages, resolveLang, uiErrors, type SharedMessages } from './messages.js';
export { renderCitation, safeUrl, formatDay } from './citation.js';
export { renderErrorState, errorDetailOf, worded } from './states.js';
export { SourceLink, findById, isSourceProvider, type SourceProvider } from './source-link.js';
export { defineElement } from './define.js';
export { styleProps } from './style-props.js';
export { ConnectionController, isAborted } from './connection.js';
export { saveFile, csvFile } from './save.js';
export { RowNavigation } from './row-navigation.js';
