// CLI entry of the chat server (`npm run chat`): parses flags and environment variables, starts
// the server and shuts it down gracefully on SIGINT or SIGTERM.
import { detectLanguage } from '../../shared/i18n.ts';
import { formatHelp, parseCli } from './config.ts';
import { messagesFor } from './messages.ts';
import { startChatServer } from './server.ts';
import { CLOSE_GRACE_MS } from './shutdown.ts';

/** Exit code for a usage error, as in most CLIs. */
const EXIT_USAGE = 2;

const argv = process.argv.slice(2);
const language = detectLanguage(argv, process.env);
const parsed = parseCli(argv, process.env, language);
const text = messagesFor(parsed.language);

if (parsed.kind === 'help') {
  process.stdout.write(formatHelp(parsed.language) + '\n');
  process.exit(0);
}
if (parsed.kind === 'error') {
  process.stderr.write(text.cliErrorPrefix + parsed.message + '\n');
  process.exit(EXIT_USAGE);
}

const { config } = parsed;
let server: Awaited<ReturnType<typeof startChatServer>>;
try {
  server = await startChatServer(config);
} catch (error) {
  process.stderr.write(
    text.cliErrorPrefix +
      text.listenFailed(`${config.host}:${config.port}`, (error as Error).message) +
      '\n',
  );
  process.exit(1);
}

if (config.logFormat === 'pretty' && config.logLevel !== 'silent')
  process.stdout.write(text.listening(server.url) + '\n');

let stopping = false;
function stop(signal: NodeJS.Signals): void {
  // A second Ctrl+C means the operator does not want to wait for the graceful close.
  if (stopping) {
    server.logger.warn({ signal }, 'second signal received; exiting without waiting');
    process.exit(1);
  }
  stopping = true;
  server.logger.info({ signal }, 'signal received');

  // The graceful path needs the stagger window plus the close grace; past that, something hangs.
  const forceExit = setTimeout(
    () => {
      server.logger.error('shutdown timed out; exiting');
      process.exit(1);
    },
    config.shutdownStaggerMs + CLOSE_GRACE_MS + 3_000,
  );
  forceExit.unref();

  server.close().then(
    () => process.exit(0),
    (error: Error) => {
      server.logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    },
  );
}

process.on('SIGINT', stop);
process.on('SIGTERM', stop);
