// Custom Elements Manifest: the element APIs (attributes, properties, events, parts, CSS
// properties) read from the JSDoc headers; it feeds Storybook and editors.
export default {
  globs: ['packages/*/src/**/*.ts'],
  exclude: ['packages/*/src/**/*.test.ts', 'packages/*/src/**/*.d.ts', 'packages/*/src/**/*.worker.ts'],
  outdir: '.',
  litelement: true,
};
