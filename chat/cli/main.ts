// Terminal chat client (`npm run chat:cli -- --name NAME`): prints chat events as lines and sends
// each line read from stdin through the shared reconnecting client, so it reconnects, queues and
// resumes like the browser client. With piped input it exits once every message is confirmed:
// `echo hi | npm run chat:cli -- --name bot`.

import { createInterface } from 'node:readline';
import { WebSocket } from 'undici';

import {
  ChatClient,
  type ConnectionSnapshot,
  type ReceivedMessage,
} from '../../shared/chat-client.ts';
import {
  chatClientMessagesFor,
  describeReconnecting,
  describeError,
  describePresence,
  describeRejection,
} from '../../shared/chat-client.messages.ts';
import { MAX_MESSAGE_GRAPHEMES, MAX_USERNAME_GRAPHEMES } from '../../shared/text.ts';
import { formatHelp, parseCliArgs } from './args.ts';
import { cliMessagesFor } from './messages.ts';
import { neutraliseTerminalText as safe } from './terminal-text.ts';

/** Exit code for a usage error, as in most CLIs. */
const EXIT_USAGE = 2;
/** Exit code when the server rejected the name or a message could not be delivered. */
const EXIT_FAILED = 1;
const parsed = parseCliArgs(process.argv.slice(2), process.env);
if (parsed.kind === 'help') {
  process.stdout.write(formatHelp(parsed.language) + '\n');
  process.exit(0);
}
if (parsed.kind === 'error') {
  process.stderr.write(cliMessagesFor(parsed.language).errorPrefix + parsed.message + '\n');
  process.exit(EXIT_USAGE);
}

const { language } = parsed;
const text = chatClientMessagesFor(language);
const cliText = cliMessagesFor(language);
const timeFormat = new Intl.DateTimeFormat(language, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

const client = new ChatClient({ url: parsed.url, username: parsed.name, WebSocket });
let inputEnded = false;
let whoRequested = false;
let exitCode = 0;

function print(line: string): void {
  process.stdout.write(line + '\n');
}

function notice(line: string): void {
  print(`* ${line}`);
}

function maxGraphemes(): number {
  return client.limits?.maxMessageGraphemes ?? MAX_MESSAGE_GRAPHEMES;
}

function exit(code: number): void {
  client.close();
  process.stdout.write('', () => process.exit(code));
}

// Piped input ends long before the messages are confirmed; leave only when the outbox is empty
// and a piped /who has printed the user list.
function exitWhenDelivered(): void {
  if (inputEnded && client.pendingCount() === 0 && !whoRequested) exit(exitCode);
}

client.on('state', (snapshot: ConnectionSnapshot) => {
  switch (snapshot.state) {
    case 'connecting':
      if (snapshot.attempt === 0) notice(text.stateConnecting);
      return;
    case 'connected':
      notice(text.stateConnected(safe(snapshot.username ?? '')));
      return;
    case 'reconnecting': {
      const seconds = Math.max(1, Math.round((snapshot.retryDelayMs ?? 0) / 1000));
      notice(describeReconnecting(text, snapshot.disconnect?.reason ?? 'server-closed', seconds));
      return;
    }
    case 'rejected': {
      const rejection = snapshot.rejection;
      const reason = rejection
        ? describeRejection(text, rejection.code, MAX_USERNAME_GRAPHEMES)
        : '';
      notice(text.stateRejected(reason));
      notice(cliText.rejectedExit);
      exit(EXIT_FAILED);
      return;
    }
    case 'closed':
      return;
  }
});

client.on('welcome', ({ count }) => notice(text.online(count)));

client.on('message', (message: ReceivedMessage) => {
  const time = timeFormat.format(new Date(message.timestamp * 1000));
  const name = message.own
    ? `${safe(message.username)} (${text.ownMarker})`
    : safe(message.username);
  print(`[${time}] ${name}: ${safe(message.message)}`);
});

client.on('presence', (change) => {
  if (change.kind === 'summary') notice(describePresence(text, change));
  else notice(describePresence(text, { ...change, username: safe(change.username) }));
});

client.on('users', ({ users, count, truncated }) => {
  if (!whoRequested) return;
  whoRequested = false;
  notice(cliText.whoHeader(count));
  for (const user of users) print(`  ${safe(user)}`);
  if (truncated) notice(cliText.whoTruncated);
  exitWhenDelivered();
});

client.on('historyLost', ({ epochChanged, lost }) => {
  notice(epochChanged ? text.historyEpochChanged : text.historyTrimmed(lost));
});

client.on('serverError', (error) => {
  // A rejected send is reported once, by the `outgoing` event that marks it failed.
  if (error.clientMsgId !== undefined && error.code !== 'RATE_LIMITED') return;
  notice(describeError(text, error, maxGraphemes()));
});

// Messages whose wait for the server was already reported, so each is reported once.
const reportedHolds = new Set<string>();

client.on('outgoing', (message) => {
  if (message.heldBy === 'server-unavailable' && !reportedHolds.has(message.clientMsgId)) {
    reportedHolds.add(message.clientMsgId);
    notice(cliText.heldByServer);
  }
  if (message.status === 'confirmed' || message.status === 'failed')
    reportedHolds.delete(message.clientMsgId);

  if (message.status === 'failed') {
    exitCode = EXIT_FAILED;
    notice(
      text.sendFailed(
        describeError(text, message.failure ?? { code: 'INTERNAL_ERROR' }, maxGraphemes()),
      ),
    );
  }
  exitWhenDelivered();
});

const input = createInterface({ input: process.stdin, crlfDelay: Infinity });

input.on('line', (line) => {
  const command = line.trim();
  // readline still emits lines it had buffered when /quit closed it; they come after the quit.
  if (command === '' || inputEnded) return;

  if (command === '/quit') {
    // A script's /quit means "done": deliver what came before it, as at the end of the input.
    // A person at a terminal who types /quit leaves now.
    if (!process.stdin.isTTY) {
      inputEnded = true;
      input.close();
      return;
    }
    const pending = client.pendingCount();
    if (pending > 0) notice(cliText.pendingAtQuit(pending));
    exit(pending > 0 ? EXIT_FAILED : exitCode);
    return;
  }
  if (command === '/who') {
    // Offline, the `users` event that follows the next `welcome` prints the list.
    whoRequested = true;
    client.who();
    return;
  }
  if (/^\/[a-z]+$/.test(command)) {
    notice(cliText.unknownCommand(command));
    return;
  }

  const result = client.send(line);
  if (!result.ok && result.code !== 'NOT_CONNECTED')
    notice(describeError(text, result, maxGraphemes()));
  else if (result.ok && client.snapshot.state === 'reconnecting')
    notice(cliText.queuedOffline(client.pendingCount()));
});

input.on('close', () => {
  inputEnded = true;
  exitWhenDelivered();

  const deadline = setTimeout(() => {
    const pending = client.pendingCount();
    notice(cliText.deliveryTimedOut(pending, parsed.deliveryTimeoutMs / 1000));
    exit(pending > 0 ? EXIT_FAILED : exitCode);
  }, parsed.deliveryTimeoutMs);
  deadline.unref();
});

process.on('SIGINT', () => exit(client.pendingCount() > 0 ? EXIT_FAILED : exitCode));

client.connect();
