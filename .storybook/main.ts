import type { StorybookConfig } from '@storybook/web-components-vite';
import { defaultClientConditions, type Plugin } from 'vite';

/** `npm run storybook` starts the sample portal the stories read from (port 4790), unless it runs already. */
const samplePortal = (): Plugin => ({
  name: 'culture-sample-portal',
  apply: 'serve',
  async configureServer() {
    // @ts-expect-error plain ESM module without types
    const { startPortal } = await import('../test/portal/server.mjs');
    try {
      await startPortal({ port: 4790 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    }
  },
});

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(config) {
    // @culture-widgets/* resolve to their TypeScript sources (package.json "exports" → "source")
    config.resolve ??= {};
    config.resolve.conditions = ['source', ...defaultClientConditions];
    config.plugins = [...(config.plugins ?? []), samplePortal()];
    return config;
  },
};
export default config;
