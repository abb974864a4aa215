import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// GraphiQL for the gateway's GET /graphql (development): every script, style, font and worker is
// bundled into apps/gateway/dist/graphiql and served by the gateway under /graphiql/.
export default defineConfig({
  root: __dirname,
  base: '/graphiql/',
  plugins: [react()],
  build: { outDir: path.resolve(__dirname, '../dist/graphiql'), emptyOutDir: true, chunkSizeWarningLimit: 8192, assetsInlineLimit: 0 },
  worker: { format: 'es' },
});
