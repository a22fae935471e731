// Entry of `npm run chat`: builds the browser client when its build is missing or stale, then
// starts the chat server CLI, which serves that build at `/`. One process, so an up-to-date start
// pays for one Node and TypeScript loader startup, not two. It sits above chat/client and
// chat/server because neither of them imports the other.

import { ensureClientBuild, CLIENT_DIST } from './client/build.ts';

try {
  if (await ensureClientBuild())
    process.stderr.write(`built the browser client into ${CLIENT_DIST}\n`);
} catch (error) {
  // The server still starts and serves its small inline page, so a broken build does not take
  // the chat down.
  process.stderr.write(`failed to build the browser client: ${(error as Error).message}\n`);
}

await import('./server/main.ts');
