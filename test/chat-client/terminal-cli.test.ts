// Tests of the terminal chat client: neutralising received text, flag parsing, and the real
// client as a child process against an in-process chat server on 127.0.0.1.

import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { parseCliArgs } from '../../chat/cli/args.ts';
import { neutraliseTerminalText } from '../../chat/cli/terminal-text.ts';
import type { ChatServer } from '../../chat/server/server.ts';
import { HubDownOnce, startTestServer, TestClient, chatUrl } from '../chat-server/helpers.ts';
import { WebSocket } from 'ws';
import { PROTOCOL_V1 } from '../../shared/protocol.ts';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(REPO_ROOT, 'chat/cli/main.ts');

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the terminal client with `input` on stdin; resolves when it exits (killed after 20 s). */
function runCli(args: string[], input: string, env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'C', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const killer = setTimeout(() => child.kill(), 20_000);
    child.on('close', (code) => {
      clearTimeout(killer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(input);
  });
}

describe('neutraliseTerminalText', () => {
  it.each([
    ['ESC and CSI', 'a\x1b[2Jb', 'a\\x1b[2Jb'],
    ['OSC title', '\x1b]0;pwned\x07', '\\x1b]0;pwned\\x07'],
    ['one-byte CSI', 'a\u009b31mb', 'a\\x9b31mb'],
    ['newline and carriage return', 'a\r\nb', 'a\\x0d\\x0ab'],
    ['DEL and NUL', 'a\x7f\x00', 'a\\x7f\\x00'],
    ['right-to-left override', 'abc\u202Edef', 'abc\\u202edef'],
    ['isolate and mark', '\u2066x\u2069\u200F', '\\u2066x\\u2069\\u200f'],
    ['line separator', 'a\u2028b', 'a\\u2028b'],
    ['lone surrogate', 'a\uD800b', 'a\uFFFDb'],
    ['Japanese and emoji', 'こんにちは 👩‍💻', 'こんにちは 👩‍💻'],
  ])('neutralises %s', (_name, input, expected) => {
    expect(neutraliseTerminalText(input)).toBe(expected);
  });
});

describe('parseCliArgs', () => {
  it('parses name, url and language', () => {
    expect(
      parseCliArgs(['--name', ' bot ', '--url', 'ws://127.0.0.1:4000/chat', '--lang', 'ja'], {}),
    ).toEqual({
      kind: 'run',
      name: 'bot',
      url: 'ws://127.0.0.1:4000/chat',
      deliveryTimeoutMs: 30_000,
      language: 'ja',
    });
  });

  it('reads --timeout in seconds', () => {
    expect(parseCliArgs(['--name', 'bot', '--timeout', '2.5'], {})).toMatchObject({
      deliveryTimeoutMs: 2_500,
    });
  });

  it('picks Japanese from LANG', () => {
    expect(parseCliArgs(['--name', 'bot'], { LANG: 'ja_JP.UTF-8' })).toMatchObject({
      language: 'ja',
    });
  });

  it.each<[string[], string]>([
    [[], 'missing --name; give your username, e.g. --name alice'],
    [
      ['--name', 'x'.repeat(21)],
      'invalid --name "xxxxxxxxxxxxxxxxxxxxx": the name is longer than 20 characters',
    ],
    [
      ['--name', 'a\u202Eb'],
      'invalid --name "a\\u202eb": the name contains control or text-direction characters',
    ],
    [
      ['--name', 'bot', '--url', 'ftp://x'],
      'invalid --url "ftp://x": use a WebSocket URL such as ws://127.0.0.1:3000/chat',
    ],
    [
      ['--name', 'bot', '--lang', 'fr'],
      'invalid --lang "fr": use ja or en / --lang "fr" は使えません。ja か en を指定してください',
    ],
    ...['0', '-1', 'abc', '', '1e3', '90000'].map((timeout): [string[], string] => [
      ['--name', 'bot', `--timeout=${timeout}`],
      `invalid --timeout "${timeout}": give seconds as a number above 0 and at most 86400, e.g. --timeout 10`,
    ]),
    [['--name', 'bot', '--port', '1'], 'unknown option "--port": see npm run chat:cli -- --help'],
    [['--name'], 'option --name needs a value, e.g. --name alice'],
    [
      ['--name', 'bot', 'extra'],
      'unexpected argument "extra": this command takes options only, see npm run chat:cli -- --help',
    ],
  ])('rejects %j', (argv, message) => {
    expect(parseCliArgs(argv, {})).toEqual({ kind: 'error', message, language: 'en' });
  });
});

describe('chat:cli', () => {
  let server: ChatServer;
  let url: string;

  beforeAll(async () => {
    server = await startTestServer();
    url = `${server.url.replace('http', 'ws')}/chat`;
  });

  afterAll(async () => {
    await server.close();
  });

  it('exits 2 with one line for a bad flag', async () => {
    const run = await runCli(['--name', 'bot', '--colour', 'red'], '');

    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'loopchat chat:cli: unknown option "--colour": see npm run chat:cli -- --help\n',
    );
    expect(run.stdout).toBe('');
  });

  it('writes the usage error in Japanese', async () => {
    const run = await runCli([], '', { LANG: 'ja_JP.UTF-8' });

    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'loopchat chat:cli: --name がありません。ユーザー名を指定してください（例: --name alice）\n',
    );
  });

  it('sends piped lines once and exits after the confirmation', async () => {
    const listener = new TestClient(
      new WebSocket(chatUrl(server, { username: 'listener' }), [PROTOCOL_V1]),
    );
    await listener.next('history');

    const run = await runCli(['--name', 'bot', '--url', url], 'hello from a pipe\nsecond line\n');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('bot (you): hello from a pipe');
    expect(run.stdout).toContain('bot (you): second line');

    const first = await listener.next(
      (event) => event.type === 'message' && event.message === 'hello from a pipe',
    );
    const second = await listener.next('message');
    expect(first.username).toBe('bot');
    expect(second.message).toBe('second line');
    expect(listener.events.filter((event) => event.type === 'message')).toHaveLength(2);
    listener.socket.close();
  });

  it('reports a send the hub holds back', async () => {
    const flaky = await startTestServer({
      hub: new HubDownOnce(),
    });
    try {
      const run = await runCli(
        ['--name', 'bot', '--url', `${flaky.url.replace('http', 'ws')}/chat`],
        'held once\n',
      );
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(
        'Not sent yet: the server cannot broadcast right now; retrying.',
      );
      expect(run.stdout).toContain('bot (you): held once');
    } finally {
      await flaky.close();
    }
  });

  it('prints escape sequences in received text as visible escapes', async () => {
    const sender = new TestClient(
      new WebSocket(chatUrl(server, { username: 'mallory' }), [PROTOCOL_V1]),
    );
    await sender.next('history');
    sender.socket.send(
      JSON.stringify({ type: 'message', message: 'hi\x1b]0;owned\x07\x1b[2J\u202Eevil' }),
    );
    await sender.next('message');

    // The client prints the replayed history, which now contains that message, then sends its own.
    const run = await runCli(['--name', 'reader', '--url', url], 'done\n');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('mallory: hi\\x1b]0;owned\\x07\\x1b[2J\\u202eevil');
    expect(run.stdout).not.toContain('\x1b');
    expect(run.stdout).not.toContain('\u202E');
    sender.socket.close();
  });

  it('prints the user list for a piped /who before exiting', async () => {
    const run = await runCli(['--name', 'asker', '--url', url], '/who\n');

    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\* Online \(\d+\):\n( {2}.+\n)* {2}asker\n/);
  });

  it('delivers piped lines before a piped /quit', async () => {
    const run = await runCli(
      ['--name', 'scripted', '--url', url],
      'before quit\n/quit\nafter quit\n',
    );

    expect(run.code).toBe(0);
    expect(run.stdout).toContain('scripted (you): before quit');
    expect(run.stdout).not.toContain('after quit');
  });

  it('gives up after --timeout when the server is down', async () => {
    // A port that was free a moment ago: the client's connection attempts are refused.
    const probe = await startTestServer();
    const downUrl = `${probe.url.replace('http', 'ws')}/chat`;
    await probe.close();

    const run = await runCli(['--name', 'bot', '--url', downUrl, '--timeout', '1'], 'lost?\n');

    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Not connected (the server cannot be reached). Retrying in');
    expect(run.stdout).not.toContain('Disconnected');
    expect(run.stdout).toContain(
      'Timed out after 1 s waiting for the server: 1 message(s) not delivered.',
    );
  });

  it('leaves at once on /quit', async () => {
    const run = await runCli(['--name', 'quitter', '--url', url], '/quit\n');

    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
  });
});
