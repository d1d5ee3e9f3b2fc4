/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The bundle is served by Spring Boot at "/"; relative asset URLs keep it working under any path.
// During `npm run dev`, API, login and logout calls are proxied to the backend (BACKEND_URL).
const backend = process.env.BACKEND_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  base: './',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    // changeOrigin off: the backend sees the dev server's Host, so its redirects (after sign-in) come back
    // here and the browser's Origin matches (Spring refuses a cross-origin POST /login with 403)
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/login': { target: backend, changeOrigin: false },
      '/logout': { target: backend, changeOrigin: false },
    },
  },
  test: {
    environment: 'jsdom',
    environmentOptions: { jsdom: { url: 'http://localhost:8080/' } },
    include: ['test/**/*.test.{ts,tsx}'],
    setupFiles: ['test/setup.ts'],
    // rendering whole react-admin lists in jsdom takes seconds on a busy 2-core machine: not a speed test
    testTimeout: 20_000,
  },
});
