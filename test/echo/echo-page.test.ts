// Lesson 08's echo page in a real Chromium: a message comes back as "Echo: …", markup in a
// message stays text and runs nothing, and the page switches to Japanese.
// Leaves a screenshot in test-results/echo-page.png for a person to look at.

import { mkdirSync } from 'node:fs';
import path from 'node:path';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startEchoServer, type EchoServer } from '../../lessons/08-echo-server/echo-server.ts';
import { browserAvailable, launchBrowser, type LaunchedBrowser } from '../support/browser.ts';
import { REPO_ROOT } from '../support/run-lesson.ts';

const SCREENSHOT = path.join(REPO_ROOT, 'test-results', 'echo-page.png');
const XSS_PAYLOAD = '<img src=x onerror="window.__xss=1">';

describe.skipIf(!browserAvailable)('echo page', () => {
  let server: EchoServer;
  let browser: LaunchedBrowser;
  let page: Page;

  beforeAll(async () => {
    server = await startEchoServer({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await page.goto(server.url);
    await page.locator('#state[data-state="open"]').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function send(text: string): Promise<void> {
    await page.fill('#message', text);
    await page.click('#send');
    await page.locator('#log li.received', { hasText: `Echo: ${text}` }).waitFor();
  }

  it('shows the connected state', async () => {
    expect(await page.textContent('#state')).toBe('connected');
    expect(await page.isEnabled('#send')).toBe(true);
  });

  it('shows the echo of a message', async () => {
    await send('hello from Chromium');
    const lines = await page.locator('#log li').allTextContents();
    expect(lines).toContain('hello from Chromium');
    expect(lines).toContain('Echo: hello from Chromium');
  });

  it('renders markup in a message as text', async () => {
    await send(XSS_PAYLOAD);
    const received = page.locator('#log li.received').last();
    expect(await received.textContent()).toBe(`Echo: ${XSS_PAYLOAD}`);
    expect(await page.locator('#log img').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  });

  it('switches to Japanese', async () => {
    await page.click('[data-language="ja"]');
    expect(await page.textContent('#state')).toBe('接続しました');
    expect(await page.textContent('#send')).toBe('送信');
    expect(await page.getAttribute('html', 'lang')).toBe('ja');

    await send('こんにちは');
    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
  });

  it('has the same page messages in both languages', async () => {
    const keys = await page.evaluate('[Object.keys(MESSAGES.en), Object.keys(MESSAGES.ja)]');
    const [en, ja] = keys as [string[], string[]];
    expect(ja).toEqual(en);
  });

  it('shows the close code when the server stops', async () => {
    await page.click('[data-language="en"]');
    await server.close();
    await page.locator('#state[data-state="closed"]').waitFor();
    expect(await page.textContent('#state')).toBe('closed (code 1001, server shutting down)');
    expect(await page.isDisabled('#send')).toBe(true);
    expect(await page.isVisible('#reconnect')).toBe(true);
  });
});
