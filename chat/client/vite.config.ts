// Vite configuration of the browser chat client. `npm run chat:dev` serves it with hot reload and
// proxies the WebSocket endpoint /chat to the chat server at LOOPCHAT_SERVER_URL (default
// http://127.0.0.1:3000). `npm run build:client` writes chat/client/dist, which the server serves at /.

import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const clientRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const chatServerUrl = process.env.LOOPCHAT_SERVER_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: clientRoot,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
  server: {
    host: '127.0.0.1',
    // The client imports the protocol and the reconnecting client from shared/, outside this root.
    fs: { allow: [repoRoot] },
    proxy: {
      '/chat': { target: chatServerUrl, ws: true },
    },
  },
});
