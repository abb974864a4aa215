import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Served under /console/ beside the gateway (libs/deployment serveConsole); `vite` (dev) forwards
// /graphql to a platform started by `npm start` on its default port.
export default defineConfig({
  base: '/console/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1024 },
  server: { proxy: { '/graphql': 'http://127.0.0.1:4000' } },
});
