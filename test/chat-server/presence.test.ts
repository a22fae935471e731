// Presence coalescing: joins and leaves of one flush become one summary per client when there
// are many, and stay individual plain-compatible events when there are few.
import { afterEach, describe, expect, it, test } from 'vitest';

import {
  summariseNames,
  summarisePresence,
  type PresenceChange,
} from '../../chat/server/presence.ts';
import type { ChatServer } from '../../chat/server/server.ts';
import { connect, startTestServer, until, type TestClient } from './helpers.ts';

let server: ChatServer | undefined;
const clients: TestClient[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  await server?.close();
  server = undefined;
});

/** A flush interval no test waits for: flushes happen only through `flushPresence()`. */
const MANUAL_FLUSH_MS = 60_000;

describe('presence coalescing', () => {
  describe('summariseNames', () => {
    test.each([
      [['alice'], 'alice'],
      [['alice', 'bob'], 'alice and bob'],
      [['alice', 'bob', 'carol'], 'alice, bob and carol'],
      [['alice', 'bob', 'carol', 'dave'], 'alice, bob and 2 others'],
      [Array.from({ length: 100 }, (_, i) => `u${i}`), 'u0, u1 and 98 others'],
    ])('summarises %j as %s', (names, expected) => {
      expect(summariseNames(names)).toBe(expected);
    });

    test.each([
      [['alice'], 'alice'],
      [['alice', 'bob'], 'alice と bob'],
      [['alice', 'bob', 'carol'], 'alice、bob と carol'],
      [Array.from({ length: 100 }, (_, i) => `u${i}`), 'u0、u1 ほか 98 人'],
    ])('summarises %j in Japanese as %s', (names, expected) => {
      expect(summariseNames(names, 'ja')).toBe(expected);
    });
  });

  describe('summarisePresence', () => {
    const join = (username: string, count: number): PresenceChange => ({
      change: 'join',
      username,
      count,
    });
    const leave = (username: string, count: number): PresenceChange => ({
      change: 'leave',
      username,
      count,
    });

    it('keeps three changes individual', () => {
      const events = summarisePresence([join('a', 2), join('b', 3), leave('z', 2)]);
      expect(events).toEqual([
        {
          plain: { type: 'join', username: 'a', count: 2 },
          v1: { type: 'join', username: 'a', count: 2 },
        },
        {
          plain: { type: 'join', username: 'b', count: 3 },
          v1: { type: 'join', username: 'b', count: 3 },
        },
        {
          plain: { type: 'leave', username: 'z', count: 2 },
          v1: { type: 'leave', username: 'z', count: 2 },
        },
      ]);
    });

    it('drops a leave and join that cancel', () => {
      const events = summarisePresence([leave('ann', 1), join('bob', 2), join('ann', 3)]);
      expect(events).toEqual([
        {
          plain: { type: 'join', username: 'bob', count: 3 },
          v1: { type: 'join', username: 'bob', count: 3 },
        },
      ]);
    });

    it('lists each name once in a summary', () => {
      const changes = [
        join('carol', 2),
        join('ann', 3),
        leave('carol', 2),
        leave('ann', 1),
        join('ann', 2),
        join('ann', 3),
        join('dave', 4),
        join('erin', 5),
        join('fred', 6),
      ];
      const [event] = summarisePresence(changes);
      expect(event!.v1).toEqual({
        type: 'presence',
        joined: ['ann', 'dave', 'erin', 'fred'],
        left: [],
        joinedCount: 4,
        leftCount: 0,
        count: 6,
      });
    });

    it('sends nothing when every change cancels', () => {
      expect(summarisePresence([join('ann', 2), leave('ann', 1)])).toEqual([]);
    });

    it('summarises four changes', () => {
      const events = summarisePresence([join('a', 1), join('b', 2), join('c', 3), leave('z', 2)]);
      expect(events).toEqual([
        {
          plain: { type: 'join', username: 'a, b and c', count: 2 },
          plainJa: { type: 'join', username: 'a、b と c', count: 2 },
          v1: {
            type: 'presence',
            joined: ['a', 'b', 'c'],
            left: ['z'],
            joinedCount: 3,
            leftCount: 1,
            count: 2,
          },
        },
        {
          plain: { type: 'leave', username: 'z', count: 2 },
          plainJa: { type: 'leave', username: 'z', count: 2 },
        },
      ]);
    });

    it('caps the names of a v1 summary at 20', () => {
      const changes = Array.from({ length: 50 }, (_, i) => join(`u${i}`, i + 1));
      const [event] = summarisePresence(changes);
      expect(event!.v1).toMatchObject({ joinedCount: 50, count: 50 });
      expect((event!.v1 as { joined: string[] }).joined).toHaveLength(20);
    });
  });

  describe('chat server', () => {
    it('sends one summary per client for a connection storm', async () => {
      server = await startTestServer({ presenceFlushMs: MANUAL_FLUSH_MS });
      const names = Array.from({ length: 12 }, (_, i) => `user${String(i).padStart(2, '0')}`);
      for (const [i, username] of names.entries()) {
        clients.push(await connect(server, { username, v1: i % 2 === 1 }));
      }

      server.flushPresence();
      await Promise.all(
        clients.map((client) =>
          client.next((event) => event.type === 'join' || event.type === 'presence'),
        ),
      );
      await say(clients[0]!, 'marker');

      for (const [i, client] of clients.entries()) {
        const presence = client.events.filter((event) =>
          ['join', 'leave', 'presence'].includes(event.type),
        );
        if (i % 2 === 1) {
          expect(presence).toEqual([
            { type: 'presence', joined: names, left: [], joinedCount: 12, leftCount: 0, count: 12 },
          ]);
        } else {
          expect(presence).toEqual([
            { type: 'join', username: 'user00, user01 and 10 others', count: 12 },
          ]);
        }
      }
    });

    it('summarises a mixed flush for plain clients', async () => {
      server = await startTestServer({ presenceFlushMs: MANUAL_FLUSH_MS });
      const watcher = await connect(server, { username: 'watcher' });
      clients.push(watcher);
      const leaving = [];
      for (const username of ['a', 'b', 'c', 'd'])
        leaving.push(await connect(server, { username }));
      server.flushPresence();
      await watcher.next('join');

      for (const client of leaving) await client.close();
      await until(() => server!.connectionCount() === 1, 'four clients to leave');
      clients.push(await connect(server, { username: 'e' }));
      server.flushPresence();

      expect(await watcher.next()).toEqual({ type: 'join', username: 'e', count: 2 });
      expect(await watcher.next()).toEqual({
        type: 'leave',
        username: 'a, b and 2 others',
        count: 2,
      });
    });

    it('flushes joins before a chat message', async () => {
      server = await startTestServer({ presenceFlushMs: MANUAL_FLUSH_MS });
      const watcher = await connect(server, { username: 'watcher' });
      const ann = await connect(server, { username: 'ann' });
      clients.push(watcher, ann);
      await say(ann, 'hi');

      const seen = watcher.events.map((event) =>
        event.type === 'message' ? `message ${event.message}` : `${event.type} ${event.username}`,
      );
      expect(seen).toEqual(['join watcher', 'join ann', 'message hi']);

      // The last flush was just now, so the next message does not flush again before its time.
      const bob = await connect(server, { username: 'bob' });
      clients.push(bob);
      await say(bob, 'yo');
      expect(watcher.events.at(-1)).toMatchObject({ type: 'message', message: 'yo' });
      expect(
        watcher.events.some((event) => event.username === 'bob' && event.type === 'join'),
      ).toBe(false);
    });

    it('summarises in Japanese for ja clients', async () => {
      server = await startTestServer({ presenceFlushMs: MANUAL_FLUSH_MS });
      const japanese = await connect(server, {
        username: 'watcher-ja',
        headers: { 'Accept-Language': 'ja,en;q=0.8' },
      });
      const english = await connect(server, { username: 'watcher-en' });
      clients.push(japanese, english);
      for (const username of ['a', 'b', 'c', 'd'])
        clients.push(await connect(server, { username }));
      server.flushPresence();

      expect(await japanese.next('join')).toEqual({
        type: 'join',
        username: 'watcher-ja、watcher-en ほか 4 人',
        count: 6,
      });
      expect(await english.next('join')).toEqual({
        type: 'join',
        username: 'watcher-ja, watcher-en and 4 others',
        count: 6,
      });
    });
  });
});

async function say(client: TestClient, message: string): Promise<void> {
  client.send(message);
  await client.next((event) => event.type === 'message' && event.message === message);
}
