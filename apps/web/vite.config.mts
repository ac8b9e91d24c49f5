import { defineConfig } from 'vite';

/**
 * The web UI: React 19 compiled by Vite's own (Oxc) JSX transform, no fast refresh.
 * `npm run build:web` writes apps/web/dist, which the API serves (WEB_DIST_DIR).
 * `npx vite apps/web` runs a dev server that proxies /api to the API on :3000.
 */
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      // react-router marks its modules "use client" (for React Server Components); harmless here.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/web-config.json': 'http://localhost:3000',
    },
  },
});
