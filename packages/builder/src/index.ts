export * from './schema.js';
export * from './snippet.js';
export { defaultsFromProfile, TABLE_FIRST_COLUMNS } from './defaults.js';
