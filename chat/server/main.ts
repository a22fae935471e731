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

// The handlers go in before the server starts: without a listener, a SIGTERM that arrives while
// the server logs its start would end the process at once. A signal during start-up stops the
// server as soon as it has started.
let signalDuringStart: NodeJS.Signals | undefined;
let stopping = false;
const stopOnSignal = (signal: NodeJS.Signals) => {
  if (server) stop(signal);
  else signalDuringStart ??= signal;
};
process.on('SIGINT', stopOnSignal);
process.on('SIGTERM', stopOnSignal);

let server: Awaited<ReturnType<typeof startChatServer>> | undefined;
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
if (signalDuringStart) stop(signalDuringStart);

function stop(signal: NodeJS.Signals): void {
  const running = server!;
  // A second Ctrl+C means the operator does not want to wait for the graceful close.
  if (stopping) {
    running.logger.warn({ signal }, 'second signal received; exiting without waiting');
    process.exit(1);
  }
  stopping = true;
  running.logger.info({ signal }, 'signal received');

  // The graceful path needs the stagger window plus the close grace; past that, something hangs.
  const forceExit = setTimeout(
    () => {
      running.logger.error('shutdown timed out; exiting');
      process.exit(1);
    },
    config.shutdownStaggerMs + CLOSE_GRACE_MS + 3_000,
  );
  forceExit.unref();

  running.close().then(
    () => process.exit(0),
    (error: Error) => {
      running.logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    },
  );
}
