import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
export const benchPageOutDir = resolve(here, '../../../out/bench-render');

/** Builds the render bench page (production React, minified, like the shipped renderer). */
export default defineConfig({
  root: resolve(here, 'page'),
  base: './',
  logLevel: 'warn',
  plugins: [react(), tailwindcss()],
  build: {
    outDir: benchPageOutDir,
    emptyOutDir: true,
    chunkSizeWarningLimit: 10_000,
    // RENDER_BENCH_MINIFY=0 keeps names readable in CPU profiles.
    ...(process.env.RENDER_BENCH_MINIFY === '0' ? { minify: false } : {}),
  },
});
