/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { cspCheck, dropRemoteFontFaces } from './build/csp.ts';
import { inlineDocuments } from './build/documents.ts';
import { deliveryCheck } from './build/delivery.ts';
import { dropUnusedNhsukRules, markupTexts, usedClasses } from './build/styles.ts';

export default defineConfig(({ command }) => ({
  // The build inlines each GraphQL document where it is used, precompresses dist/ (.br, .gz) and
  // fails when the start page or an area is over its budget (budget.json): see README "Delivery".
  plugins: [inlineDocuments(), react(), cspCheck(), deliveryCheck()],
  // No font from assets.nhs.uk (a licensed font we may not copy, and another origin): the NHS
  // fallback, Arial, is used. The build fails if anything in dist/ would call another origin.
  // The build keeps only the rules of nhsuk-frontend's CSS that the SPA's markup can match.
  css: {
    postcss: {
      plugins: [dropRemoteFontFaces(), ...(command === 'build' ? [dropUnusedNhsukRules(usedClasses(markupTexts(import.meta.dirname)))] : [])],
    },
  },
  server: {
    proxy: {
      '/graphql': 'http://127.0.0.1:8080',
      '/health': 'http://127.0.0.1:8080',
      '/exports': 'http://127.0.0.1:8080',
    },
  },
  // nhsuk-frontend's CSS is already minified and carries an old-IE hack that lightningcss rejects.
  // Source maps are written (for CONVENE_SERVE_SOURCEMAPS=1); the server refuses them otherwise.
  // The manifest (.vite/manifest.json, never served) tells the budget what each page loads.
  // The libraries every page needs are a chunk of their own, so that a deploy of our code leaves
  // them cached (their names change only when the libraries do).
  build: {
    outDir: 'dist',
    sourcemap: true,
    cssMinify: false,
    manifest: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: 'libraries', test: /node_modules[\\/](?:react|react-dom|scheduler|react-router|urql|@urql|wonka|@0no-co|graphql-ws)[\\/]/ }],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}', 'build/**/*.test.ts'],
    setupFiles: ['src/test/setup.ts'],
    css: false,
  },
}));
