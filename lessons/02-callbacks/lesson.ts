/**
 * Lesson 02: callbacks.
 *
 * Run it:     npm run lesson 02
 * Stable:     npm run lesson 02 -- --deterministic     (hides times and the port)
 *
 * Watch for three things:
 * 1. The line printed right after http.get appears before the response: http.get only sends the
 *    request and returns, and its callback runs later, when the response has arrived.
 * 2. Node's callback APIs such as fs.readFile call back with (error, result): the error comes first,
 *    and it is null when the call succeeded.
 * 3. With Promises the same steps read top to bottom: await instead of nesting, try/catch instead of
 *    `if (error)`.
 */

import { readFile } from 'node:fs';
import { createServer, get, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { formatDuration, lessonLanguage, log, useMessages } from '../../shared/lesson.ts';
import { messages } from './messages.ts';

const t = useMessages(messages);

const RESPONSE_DELAY_MS = 100;
const LESSON_DIR = path.dirname(fileURLToPath(import.meta.url));
const LESSON_JSON = path.join(LESSON_DIR, 'lesson.json');
const MISSING_FILE_NAME = 'no-such-file.txt';
const MISSING_FILE = path.join(LESSON_DIR, MISSING_FILE_NAME);

/**
 * Responds to GET /greeting after a short delay, like a slow web service, and to any other path
 * with 404.
 */
function handleRequest(request: IncomingMessage, response: ServerResponse): void {
  if (request.url !== '/greeting') {
    response.writeHead(404, { 'content-type': 'text/plain' }).end(t.notFound);
    return;
  }
  setTimeout(() => {
    response.writeHead(200, { 'content-type': 'text/plain' }).end(t.greeting);
  }, RESPONSE_DELAY_MS);
}

function titleOf(lessonJson: string): string {
  return (JSON.parse(lessonJson) as { title: Record<string, string> }).title[lessonLanguage()]!;
}

const server = createServer(handleRequest);

// Even listen() takes a callback: it runs once the server is bound to a port.
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  log(t.listening(origin, RESPONSE_DELAY_MS));
  showCallback(`${origin}/greeting`);
});

// 1) http.get returns at once. Its callback runs later, when the response headers have arrived.
function showCallback(url: string): void {
  log(t.callbackHeading);
  const sentAt = performance.now();

  const request = get(url, (response) => {
    let body = '';
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => (body += chunk));
    response.on('end', () => {
      log(
        t.responseCallback(response.statusCode, body, formatDuration(performance.now() - sentAt)),
      );
      showErrorFirst(url);
    });
  });
  // http.get reports a failed connection as an 'error' event, not through its callback.
  request.on('error', (error: NodeJS.ErrnoException) => {
    log(t.requestFailed(url, error.code ?? error.message));
    process.exitCode = 1;
    server.close();
  });

  log(t.getReturned(url));
  log(t.afterGet);
}

// 2) Error-first: Node's callback-style APIs (fs, dns, crypto, zlib) call back with (error, result).
// Each step starts in the callback of the step before, so the code moves one level right per step.
function showErrorFirst(url: string): void {
  log(t.errorFirstHeading);

  log(t.readStarted(MISSING_FILE_NAME));
  readFile(MISSING_FILE, 'utf8', (error) => {
    if (error) log(t.readFailed(error.code));

    log(t.readStarted('lesson.json'));
    readFile(LESSON_JSON, 'utf8', (error, text) => {
      if (error) {
        log(t.readFailed(error.code));
        process.exitCode = 1;
        server.close();
        return;
      }
      log(t.readSucceeded(titleOf(text)));

      showPromises(url).catch((error: Error) => {
        log(t.stepFailed(error.message));
        process.exitCode = 1;
        server.close();
      });
    });
  });
}

// promisify turns any function whose last argument is an error-first callback into one that
// returns a Promise. node:fs/promises offers the same functions ready-made.
const readFileAsPromise = promisify(readFile);

// 3) The same steps with Promises: no nesting, and one try/catch for errors.
async function showPromises(url: string): Promise<void> {
  log(t.promiseHeading);

  const response = await fetch(url);
  log(t.fetched(response.status, await response.text()));

  try {
    await readFileAsPromise(MISSING_FILE, 'utf8');
  } catch (error) {
    log(t.readRejected(MISSING_FILE_NAME, (error as NodeJS.ErrnoException).code));
  }

  const text = await readFileAsPromise(LESSON_JSON, 'utf8');
  log(t.readResolved(titleOf(text)));

  server.close(() => log(t.serverClosed));
}
