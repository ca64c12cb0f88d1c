export * from './schema.js';
export { optionWords, type OptionWords } from './option-messages.js';
export * from './snippet.js';
export { defaultsFromProfile, elementFor } from './defaults.js';
export { createWidget, mountEmbed, reportHeight, HEIGHT_MESSAGE, type HeightMessage, type MountedEmbed } from './embed.js';
export { openDataset, searchCatalogue, cultureFirst, readableResources, type OpenedDataset } from './catalog.js';
export { builderMessages, type BuilderMessages } from './messages.js';
export { CultureBuilder } from './builder.js';
