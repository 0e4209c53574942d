/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { cspCheck, dropRemoteFontFaces } from './build/csp.ts';

export default defineConfig({
  plugins: [react(), cspCheck()],
  // No font from assets.nhs.uk (a licensed font we may not copy, and another origin): the NHS
  // fallback, Arial, is used. The build fails if anything in dist/ would call another origin.
  css: { postcss: { plugins: [dropRemoteFontFaces()] } },
  server: {
    proxy: {
      '/graphql': 'http://127.0.0.1:8080',
      '/health': 'http://127.0.0.1:8080',
      '/exports': 'http://127.0.0.1:8080',
    },
  },
  // nhsuk-frontend's CSS is already minified and carries an old-IE hack that lightningcss rejects.
  build: { outDir: 'dist', sourcemap: true, cssMinify: false },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}', 'build/**/*.test.ts'],
    setupFiles: ['src/test/setup.ts'],
    css: false,
  },
});
