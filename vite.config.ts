import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

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
    // One vendor chunk keeps the app code small and cacheable across deploys.
    rollupOptions: {
      output: {
        manualChunks: (id) => (id.includes('node_modules') ? 'vendor' : undefined),
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
