// @vitest-environment jsdom
// Hook and component tests of the browser chat client in jsdom, with the fake WebSocket and a
// virtual clock: the join form, status and countdown, pending sends, counter, text rendering
// and the language switch.

import { act, cleanup, fireEvent, render, renderHook, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import { App } from '../../chat/client/src/App.tsx';
import { useChat, type ChatSession } from '../../chat/client/src/useChat.ts';
import { VirtualClock } from '../../shared/clock.ts';
import { createFakeWebSocket } from './fake-websocket.ts';
import { acceptConnection, chatMessage } from './helpers.ts';

afterEach(() => {
  cleanup();
  window.localStorage.clear();
});

const XSS_NAME = '<img src=x onerror=alert(1)>';
const XSS_MESSAGE = '<script>alert("x")</script><b>bold</b>';

function setupApp(language: 'en' | 'ja' = 'en') {
  const clock = new VirtualClock();
  const fake = createFakeWebSocket();
  let nextId = 1;
  const view = render(
    <App
      chatUrl="ws://127.0.0.1:3000/chat"
      initialLanguage={language}
      connectionOptions={{
        WebSocket: fake.WebSocket,
        clock,
        probeHandshake: null,
        backoff: { initialDelayMs: 2_000, maxDelayMs: 2_000, random: () => 1 },
        createClientMsgId: () => `m${nextId++}`,
      }}
    />,
  );
  const join = (name: string) => {
    fireEvent.change(screen.getByLabelText(language === 'en' ? 'Your name' : 'あなたの名前'), {
      target: { value: name },
    });
    fireEvent.click(screen.getByRole('button', { name: language === 'en' ? 'Join' : '参加' }));
  };
  const send = (text: string) => {
    const input = screen.getByLabelText(language === 'en' ? 'Message' : 'メッセージ');
    fireEvent.change(input, { target: { value: text } });
    fireEvent.keyDown(input, { key: 'Enter' });
  };
  return { clock, sockets: fake.sockets, view, join, send };
}

describe('useChat', () => {
  it('folds client events into state', () => {
    const clock = new VirtualClock();
    const fake = createFakeWebSocket();
    const session: ChatSession = {
      url: 'ws://127.0.0.1:3000/chat',
      username: 'alice',
      WebSocket: fake.WebSocket,
      clock,
      probeHandshake: null,
      createClientMsgId: () => 'm1',
    };
    const { result } = renderHook(() => useChat(session));

    act(() => acceptConnection(fake.sockets[0]!, { history: [chatMessage(1)] }));
    expect(result.current.state.connection.state).toBe('connected');
    expect(result.current.state.log.map((entry) => entry.kind)).toEqual(['message']);
    expect(result.current.state.users).toEqual(['alice']);

    act(() => void result.current.send('hi'));
    expect(result.current.state.outgoing.map((item) => item.status)).toEqual(['sent']);

    act(() =>
      fake.sockets[0]!.receive({
        type: 'ack',
        clientMsgId: 'm1',
        seq: 2,
        epoch: 'epoch-1',
        duplicate: false,
      }),
    );
    expect(result.current.state.outgoing).toEqual([]);
  });

  it('closes the client on unmount', () => {
    const fake = createFakeWebSocket();
    const session: ChatSession = {
      url: 'ws://127.0.0.1:3000/chat',
      username: 'alice',
      WebSocket: fake.WebSocket,
      clock: new VirtualClock(),
      probeHandshake: null,
    };
    const { unmount } = renderHook(() => useChat(session));
    unmount();

    expect(fake.sockets[0]!.closeCalls).toEqual([{ code: 1000, reason: 'client closed' }]);
  });
});

describe('App', () => {
  it('shows why a name is invalid without connecting', () => {
    const { join, sockets } = setupApp();
    join('x'.repeat(21));

    expect(screen.getByRole('alert').textContent).toBe(
      'Cannot join: the name is longer than 20 characters',
    );
    expect(sockets).toHaveLength(0);
  });

  it('asks for a name when it is empty', () => {
    const { join } = setupApp();
    join('   ');

    expect(screen.getByRole('alert').textContent).toBe('Enter a name.');
  });

  it('renders markup in names and messages as text', () => {
    const { join, sockets, view } = setupApp();
    join('alice');
    act(() => acceptConnection(sockets[0]!, { history: [chatMessage(1, XSS_NAME, XSS_MESSAGE)] }));

    const log = screen.getByRole('log');
    expect(log.textContent).toContain(XSS_NAME);
    expect(log.textContent).toContain(XSS_MESSAGE);
    expect(view.container.querySelector('img, script, b')).toBeNull();
  });

  it('marks own messages and shows the status', () => {
    const { join, send, sockets } = setupApp();
    join('alice');
    // The first message is history from an earlier "alice", not something this page sent.
    act(() =>
      acceptConnection(sockets[0]!, {
        history: [chatMessage(1, 'alice', 'earlier'), chatMessage(2, 'bob', 'theirs')],
      }),
    );
    send('mine');
    act(() => sockets[0]!.receive({ type: 'message', ...chatMessage(3, 'alice', 'mine') }));

    const items = screen.getByRole('log').querySelectorAll('li.message');
    expect(items[0]!.classList.contains('own')).toBe(false);
    expect(items[1]!.classList.contains('own')).toBe(false);
    expect(items[2]!.classList.contains('own')).toBe(true);
    expect(items[2]!.textContent).toContain('(you)');
    expect(screen.getByRole('status').textContent).toContain('Connected as alice');
    expect(screen.getByText('Online (1)')).toBeTruthy();
  });

  it('shows why a message waits while connected', () => {
    const { join, send, sockets } = setupApp();
    join('alice');
    act(() => acceptConnection(sockets[0]!));
    send('too fast');

    act(() =>
      sockets[0]!.receive({
        type: 'error',
        code: 'RATE_LIMITED',
        message: 'slow down',
        retryAfterMs: 500,
        clientMsgId: 'm1',
      }),
    );
    const pending = screen.getByText('too fast').closest('li')!;
    expect(pending.textContent).toContain('Waiting (rate limit)');

    act(() =>
      sockets[0]!.receive({
        type: 'error',
        code: 'HUB_UNAVAILABLE',
        message: 'no redis',
        retryAfterMs: 500,
        clientMsgId: 'm1',
      }),
    );
    expect(pending.textContent).toContain('Waiting for the server to accept messages again');
  });

  it('queues while offline, counts down and confirms after reconnect', () => {
    const { join, sockets, clock } = setupApp();
    join('alice');
    act(() => acceptConnection(sockets[0]!));
    act(() => sockets[0]!.serverClose(1001));

    expect(screen.getByRole('status').textContent).toContain('Reconnecting in 2 s');
    expect(screen.getByText('Online when last connected (1)')).toBeTruthy();
    const input = screen.getByLabelText('Message');
    expect((input as HTMLInputElement).disabled).toBe(false);
    fireEvent.change(input, { target: { value: 'typed offline' } });
    fireEvent.keyDown(input, { key: 'Enter' });

    const pending = screen.getByText('typed offline').closest('li')!;
    expect(pending.textContent).toContain('Waiting for the connection');
    expect(screen.getByRole('button', { name: 'Queue' })).toBeTruthy();

    act(() => clock.advanceBy(1_000));
    act(() => void fireEvent.click(screen.getByRole('button', { name: 'Reconnect now' })));
    act(() => acceptConnection(sockets[1]!));
    expect(sockets[1]!.commands()).toEqual([
      { type: 'message', message: 'typed offline', clientMsgId: 'm1' },
    ]);

    act(() => {
      sockets[1]!.receive({ type: 'message', ...chatMessage(1, 'alice', 'typed offline') });
      sockets[1]!.receive({
        type: 'ack',
        clientMsgId: 'm1',
        seq: 1,
        epoch: 'epoch-1',
        duplicate: false,
      });
    });
    expect(screen.getAllByText('typed offline')).toHaveLength(1);
    expect(screen.getByText('typed offline').closest('li')!.classList.contains('pending')).toBe(
      false,
    );
  });

  it('counts graphemes like the server and blocks too-long text', () => {
    const { join, sockets } = setupApp();
    join('alice');
    act(() => acceptConnection(sockets[0]!));
    const input = screen.getByLabelText('Message');

    fireEvent.change(input, { target: { value: '👩‍💻e\u0301' } });
    expect(screen.getByText('2/500')).toBeTruthy();

    fireEvent.change(input, { target: { value: 'x'.repeat(501) } });
    expect(screen.getByText('501/500').classList.contains('over')).toBe(true);
    expect((screen.getByRole('button', { name: 'Send' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows a rate-limit error inline', () => {
    const { join, sockets } = setupApp();
    join('alice');
    act(() => acceptConnection(sockets[0]!));
    act(() =>
      sockets[0]!.receive({
        type: 'error',
        code: 'RATE_LIMITED',
        message: 'slow down',
        retryAfterMs: 1500,
        clientMsgId: 'm9',
      }),
    );

    expect(screen.getByRole('log').textContent).toContain(
      'You are sending too fast. Your message will be sent again in 2 s.',
    );
  });

  it('shows a send the server rejected as failed', () => {
    const { join, send, sockets } = setupApp();
    join('alice');
    act(() => acceptConnection(sockets[0]!));
    send('hello');
    act(() =>
      sockets[0]!.receive({
        type: 'error',
        code: 'MESSAGE_TOO_LONG',
        message: 'too long',
        clientMsgId: 'm1',
      }),
    );

    expect(screen.getByText('hello').closest('li')!.textContent).toContain(
      'Not sent: The message is longer than 500 characters.',
    );
  });

  it('switches the language', () => {
    const { join, sockets } = setupApp('en');
    join('alice');
    act(() => acceptConnection(sockets[0]!));
    fireEvent.click(screen.getByRole('button', { name: 'Switch the language to Japanese' }));

    expect(screen.getByRole('status').textContent).toContain('alice として接続しました');
    expect(screen.getByText('接続中（1 人）')).toBeTruthy();
    expect(document.documentElement.lang).toBe('ja');
  });

  it('starts in Japanese', () => {
    setupApp('ja');
    expect(screen.getByRole('heading', { name: 'チャットに参加' })).toBeTruthy();
  });

  it('remembers the language and the last name', () => {
    const fake = createFakeWebSocket();
    const renderApp = () =>
      render(
        <App
          chatUrl="ws://127.0.0.1:3000/chat"
          connectionOptions={{ WebSocket: fake.WebSocket, probeHandshake: null }}
        />,
      );

    window.localStorage.setItem('loopchat.language', 'ja');
    renderApp();
    fireEvent.change(screen.getByLabelText('あなたの名前'), { target: { value: 'はなこ' } });
    fireEvent.click(screen.getByRole('button', { name: '参加' }));
    fireEvent.click(screen.getByRole('button', { name: '表示言語を英語に切り替えます' }));
    cleanup();

    renderApp();
    expect((screen.getByLabelText('Your name') as HTMLInputElement).value).toBe('はなこ');
    expect(window.localStorage.getItem('loopchat.language')).toBe('en');
  });
});
