// The shared browser harness for tests that drive a real page: finds Chromium, launches it
// headless with a fresh profile, and reports whether a browser test can run at all.
// Set CHROMIUM_PATH to use another binary, and REQUIRE_BROWSER=1 (e.g. in CI) to turn a
// missing browser into a failure instead of a skipped test.

import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { chromium, type Browser, type BrowserContext } from 'playwright-core';

const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

// Headless, no sandbox (tests run as root in containers), and no traffic to any host but the
// ones a test opens: no QUIC, sync, component updates or background requests.
const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Returns the Chromium binary to use, or undefined after printing why there is none.
 * Throws instead when REQUIRE_BROWSER=1, so that CI cannot pass by skipping every browser test.
 */
export function findBrowser(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const executablePath = env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
  if (existsSync(executablePath)) return executablePath;

  const reason = `Chromium not found at ${executablePath}: install it (apt-get install chromium) or set CHROMIUM_PATH`;
  if (env.REQUIRE_BROWSER === '1')
    throw new Error(`${reason}; REQUIRE_BROWSER=1 makes this an error`);
  console.warn(`skipping browser tests: ${reason}`);
  return undefined;
}

/** True when a browser test can run; use it as `describe.skipIf(!browserAvailable)`. */
export const browserAvailable = findBrowser() !== undefined;

export interface LaunchedBrowser {
  context: BrowserContext;
  /** Closes the browser and deletes its profile directory. */
  close(): Promise<void>;
}

/** Launches Chromium with a new, empty profile; throws when no browser is available. */
export async function launchBrowser(): Promise<LaunchedBrowser> {
  const executablePath = findBrowser();
  if (!executablePath)
    throw new Error(
      'launchBrowser() called without a browser: guard the test with browserAvailable',
    );

  const userDataDir = await mkdtemp(path.join(tmpdir(), 'loopchat-chromium-'));
  // `headless: false` keeps Playwright from adding its own --headless flag; CHROMIUM_ARGS has the new one.
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: false,
    args: CHROMIUM_ARGS,
    locale: 'en-US',
  });

  return {
    context,
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Launches Chromium for tests that need several isolated contexts (one per chat user); each
 * `browser.newContext()` starts with an empty profile. Throws when no browser is available.
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = findBrowser();
  if (!executablePath)
    throw new Error(
      'launchChromium() called without a browser: guard the test with browserAvailable',
    );
  return chromium.launch({ executablePath, headless: false, args: CHROMIUM_ARGS });
}
