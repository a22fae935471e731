/**
 * Lesson 05: the phases of Node's event loop.
 *
 * Run it:     npm run lesson 05
 * Stable:     npm run lesson 05 -- --deterministic     (hides times and the port)
 *
 * Every output line starts with the queue or phase it ran from. Watch for four things:
 * 1. Synchronous code runs to its end before any callback.
 * 2. At the top level of an ES module, promise callbacks run before process.nextTick, because the
 *    module itself is evaluated inside a promise job. Inside an ordinary callback (part 2) nextTick
 *    runs first, as it does at the top level of a CommonJS script.
 * 3. In the main module, setTimeout(0) and setImmediate run in either order. Inside an I/O callback
 *    setImmediate always runs first.
 * 4. A destroyed socket's 'close' event runs in the close callbacks phase, after the check phase.
 *
 * One loop iteration runs its phases in this order: timers, pending callbacks, poll (I/O), check
 * (setImmediate), close callbacks. The nextTick queue and the microtask queue are drained after
 * each callback, whatever phase it ran in.
 */

import { readFile } from 'node:fs';
import { connect, createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { log, logInEitherOrder, useMessages } from '../../shared/lesson.ts';
import { messages } from './messages.ts';

const t = useMessages(messages);

const LESSON_FILE = fileURLToPath(import.meta.url);

// 1) The main module. Everything below only queues callbacks, except the two sync lines.
log(t.scriptStarts);

// Node does not fix which of these two runs first. In a CommonJS script it depends on whether the
// 0 ms timer (really 1 ms) is due when the loop first checks its timers. An ES module is evaluated
// after the loader's asynchronous file reads, so on Node 20 setImmediate has come first in every
// run we tried, but that is a detail of the loader, not a rule.
const logRace = logInEitherOrder(2, () => {
  log(t.raceNote);
  showIoCallback();
});
setTimeout(() => logRace(t.mainTimeout), 0);
setImmediate(() => logRace(t.mainImmediate));

process.nextTick(() => log(t.mainNextTick));
Promise.resolve().then(() => log(t.mainPromise));
queueMicrotask(() => log(t.mainQueueMicrotask));

log(t.scriptEnds);

// 2) Inside an I/O callback, which runs in the poll phase, the order is fixed: the check phase
// comes right after poll, and the timers phase only in the next iteration.
function showIoCallback(): void {
  readFile(LESSON_FILE, () => {
    log(t.ioCallback(path.basename(LESSON_FILE)));

    setTimeout(() => {
      log(t.ioTimeout);
      showCloseCallback();
    }, 0);
    setImmediate(() => log(t.ioImmediate));
    Promise.resolve().then(() => log(t.ioPromise));
    process.nextTick(() => log(t.ioNextTick));
  });
}

// 3) Close callbacks: destroying a connected socket closes its handle, and Node emits 'close' from
// the handle's close callback, in the last phase of the same iteration.
function showCloseCallback(): void {
  const server = createServer((serverSide) => serverSide.resume());
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;

    const socket = connect(port, '127.0.0.1', () => {
      log(t.connected(`127.0.0.1:${port}`));
      setTimeout(() => log(t.connectTimeout), 0);
      setImmediate(() => log(t.connectImmediate));
      socket.destroy();
    });
    socket.on('close', () => {
      log(t.socketClosed);
      server.close();
    });
  });
}
