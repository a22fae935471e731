// Headless Chromium for browser tests, driven by playwright-core: one browser per test file,
// launched from /usr/bin/chromium (or CHROMIUM_PATH). Tests skip, with the printed reason, when
// the binary is missing, unless REQUIRE_BROWSER=1 makes that a failure.

import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Flags for a quiet, deterministic headless browser that talks to nothing but the test server. */
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Returns the Chromium binary to launch. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/**
 * Returns the reason to skip browser tests, or undefined when Chromium is installed. With
 * `REQUIRE_BROWSER=1` a missing binary throws instead, so that CI cannot skip them silently.
 */
export function browserSkipReason(): string | undefined {
  const executable = chromiumPath();
  if (existsSync(executable)) return undefined;

  const reason = `Chromium not found at ${executable} (apt-get install chromium, or set CHROMIUM_PATH)`;
  if (process.env.REQUIRE_BROWSER === '1') throw new Error(`REQUIRE_BROWSER=1 but ${reason}`);
  process.stdout.write(`skipping browser tests: ${reason}\n`);
  return reason;
}

/** Launches headless Chromium; close it in afterAll. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
}
