import { cpSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { metaContentSecurityPolicy } from './src/shared/security/csp';

/**
 * The embedded training server opens its database with the server's SQL migrations, which a
 * bundle cannot import: they are copied next to it (out/main/server-migrations).
 */
const copyServerMigrations = {
  name: 'werkbank-copy-server-migrations',
  writeBundle(options: { dir?: string }) {
    if (options.dir) cpSync(resolve(__dirname, 'src/server/db/migrations'), join(options.dir, 'server-migrations'), { recursive: true });
  },
};

/**
 * The renderer's pages carry the CSP as a <meta> tag too (besides the header of src/main/protocol.ts
 * and the preview). Only in builds: the dev server's hot reload needs an inline script.
 */
export const cspMetaTag = {
  name: 'werkbank-csp-meta',
  apply: 'build' as const,
  transformIndexHtml: () => [{
    tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: metaContentSecurityPolicy() }, injectTo: 'head-prepend' as const,
  }],
};

/**
 * Three bundles: main (with the data host and the embedded training server as further entries,
 * each started as a utilityProcess),
 * the sandboxed preload (CommonJS, as sandboxed preloads must be) and the renderer.
 */
export default defineConfig({
  main: {
    plugins: [copyServerMigrations],
    build: {
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          host: resolve(__dirname, 'src/main/host/utility.ts'),
          'training-server': resolve(__dirname, 'src/server/embedded/utility.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react(), cspMetaTag],
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/renderer/index.html'),
          // The sandboxed PDF viewer frame (src/renderer/viewer): its own document, no app code.
          viewer: resolve(__dirname, 'src/renderer/viewer/index.html'),
        },
      },
    },
  },
});
