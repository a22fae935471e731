// End-to-end tests of the browser chat client in headless Chromium against the real chat server,
// in-process on 127.0.0.1. They cover chatting between two browsers, markup rendered as text,
// resume after a dropped connection, reconnect after a server restart, a message typed while
// offline, the terminal client, both languages and a phone-width layout. Screenshots go to
// test-results/.

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ensureClientBuild } from '../../chat/client/build.ts';
import type { ChatServer } from '../../chat/server/server.ts';
import { connect, startTestServer, type TestClient } from '../chat-server/helpers.ts';
import { browserAvailable, launchChromium } from '../support/browser.ts';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const RESULTS = path.join(REPO_ROOT, 'test-results');
const CLI = path.join(REPO_ROOT, 'chat/cli/main.ts');

/** Upper bound for any wait on the page; the happy path takes a fraction of it. */
const WAIT_MS = 10_000;

/** The raw TCP socket and request URL of every WebSocket upgrade, to cut one connection. */
interface Upgrade {
  url: URL;
  socket: Duplex;
}

describe.skipIf(!browserAvailable)('browser chat client', () => {
  let browser: Browser;
  let server: ChatServer;
  let port = 0;
  const upgrades: Upgrade[] = [];
  const contexts: BrowserContext[] = [];

  async function startServer(): Promise<void> {
    // A generous rate limit lets one scripted client fill the log quickly.
    server = await startTestServer({ port, rateBurst: 200, ratePerSecond: 200 });
    port = server.port;
    server.httpServer.on('upgrade', (request: IncomingMessage, socket: Duplex) => {
      upgrades.push({ url: new URL(request.url ?? '/', server.url), socket });
    });
  }

  async function openPage(options: { locale?: string; width?: number } = {}): Promise<Page> {
    const context = await browser.newContext({
      locale: options.locale ?? 'en-US',
      viewport: { width: options.width ?? 900, height: 640 },
    });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(server.url);
    return page;
  }

  /**
   * Records every text the connection status shows from now on. A quick reconnect can show
   * "Reconnecting" for a few milliseconds only, less than a polling wait may notice.
   */
  async function recordStatuses(page: Page): Promise<() => Promise<string[]>> {
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seenStatuses: string[] }).seenStatuses = seen;
      new MutationObserver(() => {
        const status = document.querySelector('[role="status"]')?.textContent;
        if (status && seen.at(-1) !== status) seen.push(status);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    return () =>
      page.evaluate(() => (window as unknown as { seenStatuses: string[] }).seenStatuses);
  }

  /** Waits until a text field has the keyboard focus, as autofocus gives it after a render. */
  async function waitForFocusedTextField(page: Page): Promise<void> {
    await page.waitForFunction(
      () => ['INPUT', 'TEXTAREA'].includes(document.activeElement?.tagName ?? ''),
      undefined,
      { timeout: WAIT_MS },
    );
  }

  async function join(page: Page, name: string, language: 'en' | 'ja' = 'en'): Promise<void> {
    await page.getByLabel(language === 'en' ? 'Your name' : 'あなたの名前').fill(name);
    await page.getByRole('button', { name: language === 'en' ? 'Join' : '参加' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: language === 'en' ? 'Connected as' : 'として接続しました' })
      .waitFor({ timeout: WAIT_MS });
  }

  async function send(page: Page, text: string): Promise<void> {
    const input = page.getByRole('textbox', { name: /Message|メッセージ/ });
    await input.fill(text);
    await input.press('Enter');
  }

  /** Texts of the chat messages in the log, in order. */
  function messageTexts(page: Page): Promise<string[]> {
    return page.locator('ol.log li.message .text').allTextContents();
  }

  async function waitForMessage(page: Page, text: string): Promise<void> {
    await page
      .locator('ol.log li.message .text', { hasText: text })
      .first()
      .waitFor({ timeout: WAIT_MS });
  }

  async function waitForLogText(page: Page, text: string): Promise<void> {
    await page.locator('ol.log li', { hasText: text }).first().waitFor({ timeout: WAIT_MS });
  }

  async function screenshot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: path.join(RESULTS, name), fullPage: false });
  }

  function count(values: string[], value: string): number {
    return values.filter((entry) => entry === value).length;
  }

  /** Cuts the TCP connection of the newest upgrade with this username, as a network failure would. */
  function dropConnectionOf(username: string): void {
    const upgrade = upgrades.findLast(
      (entry) => entry.url.searchParams.get('username') === username,
    );
    if (!upgrade) throw new Error(`no upgrade seen for ${username}`);
    upgrade.socket.destroy();
  }

  beforeAll(async () => {
    mkdirSync(RESULTS, { recursive: true });
    await ensureClientBuild();
    await startServer();
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await server?.close();
  });

  it('serves the production build of React', async () => {
    const page = await (await fetch(`${server.url}/`)).text();
    const script = /<script[^>]+src="([^"]+\.js)"/.exec(page)?.[1];
    expect(script).toBeDefined();

    // React's development build prints a hint about its DevTools in the console; the production
    // build has no such text. vitest sets NODE_ENV=test, which must not leak into the build.
    const bundle = await (await fetch(new URL(script!, server.url))).text();
    expect(bundle.length).toBeGreaterThan(0);
    expect(bundle).not.toContain('React DevTools');
  });

  it('loads the page without errors or failed requests', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    contexts.push(context);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()} ${response.url()}`);
    });

    await page.goto(server.url);
    await waitForFocusedTextField(page);
    expect(problems).toEqual([]);
  });

  it('lets two browsers chat with joins, leaves and counts', async () => {
    const alice = await openPage();
    await join(alice, 'alice');
    const bob = await openPage();
    await join(bob, 'bob');

    await waitForLogText(alice, 'bob joined (2 online)');
    await alice.getByText('Online (2)').waitFor({ timeout: WAIT_MS });
    await send(alice, 'hello bob');
    await send(bob, 'hi alice, こんにちは');
    await waitForMessage(bob, 'hello bob');
    await waitForMessage(alice, 'hi alice, こんにちは');

    const own = alice.locator('ol.log li.message.own .text');
    expect(await own.allTextContents()).toEqual(['hello bob']);
    expect(await alice.locator('ol.log li.message time').count()).toBe(2);
    await screenshot(alice, 'chat-en.png');

    await bob.context().close();
    await waitForLogText(alice, 'bob left (1 online)');
    await alice.getByText('Online (1)').waitFor({ timeout: WAIT_MS });
    expect(count(await messageTexts(alice), 'hi alice, こんにちは')).toBe(1);
  });

  it('renders Japanese from the browser language and at phone width', async () => {
    const hanako = await openPage({ locale: 'ja-JP', width: 375 });
    await hanako.getByRole('heading', { name: 'チャットに参加' }).waitFor({ timeout: WAIT_MS });
    await join(hanako, 'はなこ', 'ja');
    const taro = await openPage({ locale: 'ja-JP' });
    await join(taro, 'たろう', 'ja');
    await send(taro, 'こんにちは、はなこさん。');
    await send(hanako, 'こんにちは！長いメッセージでも画面の幅で折り返されます。');
    await waitForMessage(taro, 'こんにちは！長いメッセージ');
    await waitForLogText(hanako, 'たろう さんが参加しました');

    expect(await hanako.getByRole('button', { name: '送信' }).count()).toBe(1);
    const overflow = await hanako.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(hanako, 'chat-ja-375.png');
    await screenshot(taro, 'chat-ja.png');

    await taro.getByRole('button', { name: '表示言語を英語に切り替えます' }).click();
    await taro
      .getByRole('status')
      .filter({ hasText: 'Connected as たろう' })
      .waitFor({ timeout: WAIT_MS });
    await hanako.context().close();
    await taro.context().close();
  });

  it('renders markup in names and messages as text', async () => {
    const name = '<svg/onload=alert()>';
    const payload = '<img src=x onerror="window.__xss=1">';
    const page = await openPage();
    await join(page, name);
    await send(page, payload);
    await waitForMessage(page, payload);

    expect(await page.locator('ol.log li.message .author').last().textContent()).toBe(name);
    expect(await page.locator('ol.log img, ol.log svg').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    await page.context().close();
  });

  it('resumes exactly the missed messages after a dropped connection', async () => {
    const page = await openPage();
    await join(page, 'carol');
    const other: TestClient = await connect(server, { username: 'dave', v1: true });
    other.send({ type: 'message', message: 'before the drop', clientMsgId: 'd1' });
    await waitForMessage(page, 'before the drop');
    const resumesBefore = upgrades.length;
    const statuses = await recordStatuses(page);

    dropConnectionOf('carol');
    for (let i = 1; i <= 3; i++)
      other.send({ type: 'message', message: `missed ${i}`, clientMsgId: `d-missed-${i}` });
    await page
      .getByRole('status')
      .filter({ hasText: 'Connected as' })
      .waitFor({ timeout: WAIT_MS });
    await waitForMessage(page, 'missed 3');
    expect((await statuses()).some((status) => status.includes('Reconnecting'))).toBe(true);

    const resume = upgrades
      .slice(resumesBefore)
      .find((entry) => entry.url.searchParams.get('username') === 'carol');
    expect(resume?.url.searchParams.get('after')).toMatch(/^\d+$/);
    const texts = await messageTexts(page);
    expect(texts.filter((text) => text.startsWith('missed'))).toEqual([
      'missed 1',
      'missed 2',
      'missed 3',
    ]);
    expect(count(texts, 'before the drop')).toBe(1);

    await other.close();
    await page.context().close();
  });

  it('reconnects after a server restart and delivers an offline message once', async () => {
    const page = await openPage();
    await join(page, 'erin');

    await server.close();
    await page
      .getByRole('status')
      .filter({ hasText: 'Reconnecting' })
      .waitFor({ timeout: WAIT_MS });
    await send(page, 'typed while offline');
    await page
      .locator('ul.outgoing li', { hasText: 'Waiting for the connection' })
      .waitFor({ timeout: WAIT_MS });
    await page.getByRole('button', { name: 'Queue' }).waitFor({ timeout: WAIT_MS });
    await screenshot(page, 'chat-offline-en.png');

    await startServer();
    const other = await connect(server, { username: 'frank', v1: true });
    await page
      .getByRole('status')
      .filter({ hasText: 'Connected as erin' })
      .waitFor({ timeout: WAIT_MS });
    await waitForMessage(page, 'typed while offline');
    await page.locator('ul.outgoing li').waitFor({ state: 'detached', timeout: WAIT_MS });
    await waitForLogText(page, 'The server was restarted');

    other.send({ type: 'message', message: 'after the restart 1', clientMsgId: 'f1' });
    other.send({ type: 'message', message: 'after the restart 2', clientMsgId: 'f2' });
    await waitForMessage(page, 'after the restart 2');

    const texts = await messageTexts(page);
    expect(count(texts, 'typed while offline')).toBe(1);
    expect(count(texts, 'after the restart 1')).toBe(1);
    expect(count(texts, 'after the restart 2')).toBe(1);
    const received = other.events.filter(
      (event) => event.type === 'message' && event.message === 'typed while offline',
    );
    expect(received.length).toBeLessThanOrEqual(1);

    await other.close();
    await page.context().close();
  });

  it('works with the keyboard alone', async () => {
    const page = await openPage();
    // React mounts after the load event, and keys typed before autofocus lands go nowhere.
    await waitForFocusedTextField(page);
    await page.keyboard.type('keyboard');
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: 'Connected as keyboard' })
      .waitFor({ timeout: WAIT_MS });

    await waitForFocusedTextField(page);
    await page.keyboard.type('sent without a mouse');
    await page.keyboard.press('Enter');
    await waitForMessage(page, 'sent without a mouse');
    expect(await page.getByRole('textbox', { name: 'Message' }).inputValue()).toBe('');
    await page.context().close();
  });

  it('keeps the view while the reader scrolls back', async () => {
    const page = await openPage({ width: 600 });
    await join(page, 'reader');
    const other = await connect(server, { username: 'talker', v1: true });
    for (let i = 1; i <= 40; i++)
      other.send({ type: 'message', message: `filler ${i}`, clientMsgId: `t${i}` });
    await waitForMessage(page, 'filler 40');

    const scroller = page.locator('.log-scroller');
    const distanceFromBottom = () =>
      scroller.evaluate(
        (element) => element.scrollHeight - element.scrollTop - element.clientHeight,
      );
    expect(await distanceFromBottom()).toBeLessThanOrEqual(1);

    await scroller.evaluate((element) => {
      element.scrollTop = 0;
      element.dispatchEvent(new Event('scroll'));
    });
    other.send({ type: 'message', message: 'while reading', clientMsgId: 't-reading' });
    await waitForMessage(page, 'while reading');
    const button = page.getByRole('button', { name: /New messages below/ });
    await button.waitFor({ timeout: WAIT_MS });
    expect(await scroller.evaluate((element) => element.scrollTop)).toBe(0);

    await button.click();
    expect(await distanceFromBottom()).toBeLessThanOrEqual(1);
    await other.close();
    await page.context().close();
  });

  it('talks with the terminal client', async () => {
    const page = await openPage();
    await join(page, 'grace');

    const cli: ChildProcessWithoutNullStreams = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        CLI,
        '--name',
        'terminal',
        '--url',
        `ws://127.0.0.1:${port}/chat`,
        '--lang',
        'en',
      ],
      { cwd: REPO_ROOT },
    );
    let output = '';
    cli.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => cli.on('close', resolve));
    const killer = setTimeout(() => cli.kill(), 30_000);

    try {
      cli.stdin.write('hello from the terminal\n');
      await waitForMessage(page, 'hello from the terminal');
      await send(page, 'hello from the browser');
      const started = Date.now();
      while (!output.includes('grace: hello from the browser') && Date.now() - started < WAIT_MS) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(output).toContain('grace: hello from the browser');
      cli.stdin.end();
      expect(await exited).toBe(0);
    } finally {
      clearTimeout(killer);
    }
    await page.context().close();
  });
});
