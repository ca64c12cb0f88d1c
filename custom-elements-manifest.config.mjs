// Custom Elements Manifest: the element APIs (attributes, properties, events, parts, CSS
// properties) read from the JSDoc headers and the property declarations; everything else about the
// API (the builder's options, README tables, story controls) is generated from it (scripts/api.mjs).
import { elementApiPlugin } from './scripts/cem-plugin.mjs';

export default {
  globs: ['packages/*/src/**/*.ts'],
  exclude: ['packages/*/src/**/*.test.ts', 'packages/*/src/**/*.d.ts', 'packages/*/src/**/*.worker.ts'],
  outdir: '.',
  litelement: true,
  plugins: [elementApiPlugin()],
};
