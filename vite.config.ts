import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The packages every page loads. */
const CORE =
  /node_modules\/(react|react-dom|scheduler|react-router|cookie|set-cookie-parser|@tanstack|@digdir|@floating-ui|@navikt|@radix-ui|i18next|react-i18next|html-parse-stringify|void-elements|tabbable|focus-trap)\//;

// The web app lives in src/web; the server serves the build from dist/web (SPA fallback).
export default defineConfig({
  root: here('./src/web'),
  plugins: [react()],
  build: {
    outDir: here('./dist/web'),
    emptyOutDir: true,
    sourcemap: true,
    // React, the router, TanStack Query and Designsystemet: ~180 kB gzipped, cached across deploys.
    chunkSizeWarningLimit: 800,
    // One vendor chunk for what every page needs keeps the app code small and cacheable across
    // deploys; the rest (the charts) stays in the lazily loaded chunks that use it.
    rollupOptions: {
      output: {
        manualChunks: (id) => (CORE.test(id) ? 'vendor' : undefined),
      },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: { '/api': 'http://localhost:3000' },
  },
  preview: { port: 4173 },
});
