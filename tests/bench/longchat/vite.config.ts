import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/** Where the page is served from the built folder (its path under the repository). */
export const longChatPagePath = 'tests/bench/longchat/page/index.html';

/**
 * Builds the long-chat bench page (production React, minified, like the shipped renderer). The
 * root is the repository's, so Tailwind finds the renderer's classes as in the app build (from
 * the page's own folder it found none: the app's layout had no heights).
 */
export default defineConfig({
  root: resolve(here, '../../..'),
  base: './',
  logLevel: 'warn',
  plugins: [react(), tailwindcss()],
  build: {
    outDir: resolve(here, '../../../out/bench-longchat'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 10_000,
    rollupOptions: { input: resolve(here, 'page/index.html') },
  },
});
