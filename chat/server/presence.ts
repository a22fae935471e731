// Presence coalescing: joins and leaves are queued and flushed at most once per interval, so a
// connection storm of N clients costs O(N) deliveries instead of one event per join per client.
// The interval also stretches with the cost of the last flush, so that in a storm on a big server
// the presence fan-out cannot take over the event loop that is busy accepting the newcomers.
import type { Language } from '../../shared/i18n.ts';
import type { PlainServerEvent, V1ServerEvent } from '../../shared/protocol.ts';
import type { BroadcastEvents } from './broadcast.ts';
import { messagesFor } from './messages.ts';

/** A flush with at most this many changes sends one plain-compatible join/leave event per change. */
export const INDIVIDUAL_PRESENCE_MAX = 3;

/** Names listed in a v1 `presence` summary per direction. */
export const PRESENCE_NAMES_MAX = 20;

/**
 * The next flush waits at least this many times as long as the last flush took, so presence
 * fan-out uses at most about 1/11 of the event loop. With 10,000 clients a flush takes about
 * 100 ms on a 2-core machine (measured with `npm run bench`), so flushes come about once a second.
 */
export const PRESENCE_FLUSH_COST_FACTOR = 10;

export interface PresenceChange {
  change: 'join' | 'leave';
  username: string;
  /** Connected clients right after this change. */
  count: number;
}

export class PresenceCoalescer {
  #pending: PresenceChange[] = [];
  #timer: NodeJS.Timeout | undefined;
  readonly #flushMs: number;
  readonly #deliver: (events: BroadcastEvents[]) => void;
  /** Wall time of the last flush's fan-out in milliseconds. */
  #lastFlushMs = 0;
  /** `performance.now()` when the last flush started. */
  #lastFlushAt = -Infinity;

  /** `deliver` receives the events of one flush, in order, each to broadcast once. */
  constructor(flushMs: number, deliver: (events: BroadcastEvents[]) => void) {
    this.#flushMs = flushMs;
    this.#deliver = deliver;
  }

  add(change: PresenceChange): void {
    this.#pending.push(change);
    this.#timer ??= setTimeout(
      () => this.flush(),
      Math.max(this.#flushMs, this.#lastFlushMs * PRESENCE_FLUSH_COST_FACTOR),
    );
  }

  flush(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const changes = this.#pending;
    this.#pending = [];
    if (changes.length === 0) return;

    const startedAt = performance.now();
    this.#lastFlushAt = startedAt;
    this.#deliver(summarisePresence(changes));
    this.#lastFlushMs = performance.now() - startedAt;
  }

  /**
   * Flushes pending changes before a chat message is broadcast, so that a user's join reaches
   * everyone before that user's first message. It waits as a timed flush would when the last
   * flush was less than one interval ago, so a busy room still gets one flush per interval.
   */
  flushBeforeMessage(): void {
    if (this.#pending.length === 0) return;
    if (performance.now() - this.#lastFlushAt < this.#flushMs) return;
    this.flush();
  }

  /** Drops pending changes and the timer: on shutdown everyone is leaving anyway. */
  close(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#pending = [];
  }
}

/**
 * Returns the net change per name, in the order the names first changed. A leave and a join of
 * the same name within one flush (a quick reconnect) cancel out, and a name is listed once.
 * The last change keeps the flush's final count.
 */
export function netPresence(changes: readonly PresenceChange[]): PresenceChange[] {
  const balances = new Map<string, { balance: number; count: number }>();
  for (const { change, username, count } of changes) {
    const entry = balances.get(username) ?? { balance: 0, count };
    entry.balance += change === 'join' ? 1 : -1;
    entry.count = count;
    balances.set(username, entry);
  }

  const net: PresenceChange[] = [];
  for (const [username, { balance, count }] of balances) {
    if (balance === 0) continue;
    net.push({ change: balance > 0 ? 'join' : 'leave', username, count });
  }
  const last = net.at(-1);
  if (last) last.count = changes.at(-1)!.count;
  return net;
}

/**
 * Turns the changes of one flush into events, after netting them. A small flush gives one
 * join/leave per change. A larger one gives plain clients at most one `join` and one `leave`
 * summary, in English and in Japanese, and v1 clients one `presence` event.
 */
export function summarisePresence(allChanges: readonly PresenceChange[]): BroadcastEvents[] {
  const changes = netPresence(allChanges);
  if (changes.length === 0) return [];
  if (changes.length <= INDIVIDUAL_PRESENCE_MAX) {
    return changes.map(({ change, username, count }) => {
      const event = { type: change, username, count } as const;
      return { plain: event, v1: event };
    });
  }

  const joined = changes
    .filter((change) => change.change === 'join')
    .map((change) => change.username);
  const left = changes
    .filter((change) => change.change === 'leave')
    .map((change) => change.username);
  const count = changes[changes.length - 1]!.count;

  const plainSummaries = (language: Language): PlainServerEvent[] => {
    const summaries: PlainServerEvent[] = [];
    if (joined.length > 0)
      summaries.push({ type: 'join', username: summariseNames(joined, language), count });
    if (left.length > 0)
      summaries.push({ type: 'leave', username: summariseNames(left, language), count });
    return summaries;
  };
  const english = plainSummaries('en');
  const japanese = plainSummaries('ja');

  const presence: V1ServerEvent = {
    type: 'presence',
    joined: joined.slice(0, PRESENCE_NAMES_MAX),
    left: left.slice(0, PRESENCE_NAMES_MAX),
    joinedCount: joined.length,
    leftCount: left.length,
    count,
  };

  const events: BroadcastEvents[] = [{ plain: english[0], plainJa: japanese[0], v1: presence }];
  if (english[1]) events.push({ plain: english[1], plainJa: japanese[1] });
  return events;
}

/**
 * Returns `alice`, `alice and bob`, `alice, bob and carol` or `alice, bob and 98 others`, and in
 * Japanese `alice と bob`, `alice、bob と carol` or `alice、bob ほか 98 人`.
 */
export function summariseNames(names: readonly string[], language: Language = 'en'): string {
  const text = messagesFor(language);
  const [first = '', second = '', third = ''] = names;

  if (names.length === 1) return first;
  if (names.length === 2) return text.presenceTwoNames(first, second);
  if (names.length === 3) return text.presenceThreeNames(first, second, third);
  return text.presenceManyNames(first, second, names.length - 2);
}
