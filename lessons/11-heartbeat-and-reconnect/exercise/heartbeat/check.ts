// Check of exercise 11/heartbeat: runs the student's heartbeat on a virtual clock against fake
// clients (one that always answers pings, one that never does, one that stops answering after
// two pings) and compares the transcript of pings and terminations with a correct heartbeat's.

import { VirtualClock } from '../../../../shared/clock.ts';
import { pick } from '../../../../shared/i18n.ts';
import { compareOutput, type Check } from '../../../../exercises/check-api.ts';
import { messages } from './messages.ts';

type HeartbeatModule = typeof import('./pristine/heartbeat.ts');

const INTERVAL_MS = 30_000;
const PONG_DELAY_MS = 40;
const SWEEPS = 6;

/** A server-side socket whose peer answers `answeredPings` pings, then goes silent. */
class FakeClient {
  isAlive = true;
  #pings = 0;

  constructor(
    readonly name: string,
    readonly answeredPings: number,
    readonly clock: VirtualClock,
    readonly clients: Set<FakeClient>,
    readonly log: (event: 'ping' | 'terminate', name: string) => void,
  ) {}

  ping(): void {
    this.log('ping', this.name);
    if (++this.#pings > this.answeredPings) return;
    // The pong arrives a little later, as from a real peer; the server's pong handler sets isAlive.
    this.clock.setTimeout(() => (this.isAlive = true), PONG_DELAY_MS);
  }

  terminate(): void {
    this.log('terminate', this.name);
    // ws emits `close` on a later tick; the server's close handler removes the socket from the set.
    this.clock.setTimeout(() => this.clients.delete(this), 1);
  }
}

/** The heartbeat round the exercise asks for, used to produce the expected transcript. */
function referenceSweep(clients: Set<FakeClient>): void {
  for (const client of clients) {
    if (!client.isAlive) {
      client.terminate();
      continue;
    }
    client.isAlive = false;
    client.ping();
  }
}

function runScenario(
  start: (clients: Set<FakeClient>, clock: VirtualClock) => { cancel(): void },
  t: typeof messages.en,
): string[] {
  const clock = new VirtualClock();
  const clients = new Set<FakeClient>();
  const lines: string[] = [];
  const log = (event: 'ping' | 'terminate', name: string) =>
    lines.push(event === 'ping' ? t.ping(clock.now(), name) : t.terminate(clock.now(), name));
  clients.add(new FakeClient('alice', Infinity, clock, clients, log));
  clients.add(new FakeClient('bob', 0, clock, clients, log));
  clients.add(new FakeClient('carol', 2, clock, clients, log));

  const heartbeat = start(clients, clock);
  clock.advanceBy(INTERVAL_MS * SWEEPS);
  heartbeat.cancel();
  lines.push(t.stopped(clock.now()));
  // After cancel no sweep may run: more time passes without a line.
  clock.advanceBy(INTERVAL_MS * 2);

  const names = [...clients].map((client) => client.name).join(', ');
  lines.push(t.connected(names === '' ? t.nobody : names));
  return lines;
}

const check: Check = async (context) => {
  const t = pick(messages, context.language);
  const { startHeartbeat } = await context.importFile<HeartbeatModule>('heartbeat.ts');

  const expected = runScenario(
    (clients, clock) => clock.setInterval(() => referenceSweep(clients), INTERVAL_MS),
    t,
  );
  const actual = runScenario((clients, clock) => startHeartbeat(clients, clock, INTERVAL_MS), t);
  return compareOutput(expected, actual);
};

export default check;
