// The browser harness's rule for a missing Chromium: skip with a printed reason, or fail when
// REQUIRE_BROWSER=1 so that CI cannot pass by skipping every browser test.

import { afterEach, describe, expect, it, vi } from 'vitest';

import { findBrowser } from '../support/browser.ts';

describe('findBrowser', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('returns undefined and warns when Chromium is missing', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(findBrowser({ CHROMIUM_PATH: '/nonexistent/chromium' })).toBeUndefined();
    expect(warn).toHaveBeenCalledWith(
      'skipping browser tests: Chromium not found at /nonexistent/chromium: install it (apt-get install chromium) or set CHROMIUM_PATH',
    );
  });

  it('throws when REQUIRE_BROWSER=1 and Chromium is missing', () => {
    expect(() =>
      findBrowser({ CHROMIUM_PATH: '/nonexistent/chromium', REQUIRE_BROWSER: '1' }),
    ).toThrow('Chromium not found at /nonexistent/chromium');
  });

  it('returns the path of an existing binary', () => {
    expect(findBrowser({ CHROMIUM_PATH: process.execPath })).toBe(process.execPath);
  });
});
