// Entry of `npm run chat`: builds the browser client when its build is missing or stale, then
// starts the chat server CLI, which serves that build at `/`. One process, so an up-to-date start
// pays for one Node and TypeScript loader startup, not two. It sits above chat/client and
// chat/server because neither of them imports the other.

import { detectLanguage } from '../shared/i18n.ts';
import { ensureClientBuild, CLIENT_DIST } from './client/build.ts';
import { parseCli } from './server/config.ts';
import { startMessagesFor } from './start.messages.ts';

// `--help` and usage errors need no client build, so main.ts prints them without waiting for one.
const argv = process.argv.slice(2);
const language = detectLanguage(argv, process.env);
if (parseCli(argv, process.env, language).kind === 'run') {
  const text = startMessagesFor(language);
  try {
    if (await ensureClientBuild()) process.stderr.write(text.clientBuilt(CLIENT_DIST) + '\n');
  } catch (error) {
    // The server still starts and serves its small inline page, so a broken build does not take
    // the chat down.
    process.stderr.write(text.clientBuildFailed((error as Error).message.split('\n')[0]!) + '\n');
  }
}

await import('./server/main.ts');
