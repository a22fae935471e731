// Check of exercise 09: broadcasts to sets of fake sockets in every readyState, in several
// mixes, and checks who received what and the returned count. The fakes behave like ws sockets:
// sending on a CONNECTING socket throws, and a CLOSING or CLOSED socket drops the message.

import { pick } from '../../../shared/i18n.ts';
import type { Check } from '../../../exercises/check-api.ts';
import { messages } from './messages.ts';

type BroadcastModule = typeof import('./pristine/broadcast.ts');

const STATE_NAMES = ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED'];

class FakeSocket {
  readonly received: string[] = [];
  /** Send attempts, including the ones a real socket would reject or drop. */
  attempts = 0;

  constructor(
    readonly name: string,
    readonly readyState: number,
  ) {}

  send(data: string): void {
    this.attempts++;
    if (this.readyState === 0) throw new Error('WebSocket is not open: readyState 0 (CONNECTING)');
    if (this.readyState === 1) this.received.push(data);
  }
}

// Each mix lists the readyState of every socket in the set, in order.
const MIXES = [[1, 1, 1], [0, 1, 2, 3, 1], [3, 3, 1], [2, 0], []];

const check: Check = async (context) => {
  const t = pick(messages, context.language);
  const { broadcast } = await context.importFile<BroadcastModule>('broadcast.ts');

  for (const [mixIndex, states] of MIXES.entries()) {
    const sockets = states.map((state, index) => new FakeSocket(`#${index + 1}`, state));
    // The payload differs per mix, so a hard-coded message cannot pass.
    const data = JSON.stringify({
      type: 'message',
      seq: 100 + mixIndex,
      text: `こんにちは ${mixIndex}`,
    });

    // A closed socket that the student's code tries to use is reported before its exception.
    let count: number;
    try {
      count = broadcast(new Set(sockets), data);
    } catch (error) {
      const offender = sockets.find((socket) => socket.readyState !== 1 && socket.attempts > 0);
      if (offender)
        return {
          ok: false,
          problem: t.sentToClosed(offender.name, STATE_NAMES[offender.readyState]!),
        };
      throw error;
    }

    for (const socket of sockets) {
      if (socket.readyState !== 1 && socket.attempts > 0)
        return { ok: false, problem: t.sentToClosed(socket.name, STATE_NAMES[socket.readyState]!) };
      if (socket.readyState === 1 && socket.received.length === 0)
        return { ok: false, problem: t.missedOpen(socket.name) };
      if (
        socket.readyState === 1 &&
        (socket.received.length !== 1 || socket.received[0] !== data)
      ) {
        return {
          ok: false,
          problem: t.wrongData(
            socket.name,
            JSON.stringify(socket.received),
            JSON.stringify([data]),
          ),
        };
      }
    }

    const open = sockets.filter((socket) => socket.readyState === 1).length;
    if (count !== open) return { ok: false, problem: t.wrongCount(String(count), open) };
  }
  return { ok: true };
};

export default check;
