// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  // A separate output directory lets parallel builds (tests, benchmarks) not clobber dist/.
  outDir: process.env.TURVARADA_OUT_DIR || './dist',
  site: process.env.PUBLIC_ORIGIN || 'http://127.0.0.1:4321',
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // The CSP forbids inline styles and scripts: everything is emitted as files.
    inlineStylesheets: 'never',
  },
  integrations: [mdx()],
  markdown: {
    // Shiki writes inline style attributes, which the CSP blocks; code blocks are styled by CSS.
    syntaxHighlight: false,
  },
  devToolbar: { enabled: false },
  vite: {
    build: { assetsInlineLimit: 0 },
  },
});
