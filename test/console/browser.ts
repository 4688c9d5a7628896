/**
 * Real Chromium for the console tests: Debian's `/usr/bin/chromium` driven by
 * playwright-core (no downloaded browsers), headless, with a fresh profile per launch.
 * `CHROMIUM_SKIP_REASON` is set when there is no browser: the tests then skip, saying so.
 * Screenshots for people (the visible part of the page) go to `test-output/console/` (gitignored).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Why the browser tests skip, or `undefined` when Chromium is there. */
export const CHROMIUM_SKIP_REASON = existsSync(CHROMIUM_PATH) ? undefined : `no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH)`;

export const SCREENSHOT_DIR = fileURLToPath(new URL('../../test-output/console/', import.meta.url));

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** What the page logged as errors (console errors and uncaught exceptions), for "no console errors". */
export interface PageErrors {
  all: string[];
  /** Errors other than the browser's own reports of failed connections (expected during an outage). */
  unexpected(): string[];
}

const NETWORK_ERROR = /WebSocket connection to .* failed|Failed to load resource|net::ERR_/;

export function watchErrors(page: Page): PageErrors {
  const all: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') all.push(message.text());
  });
  page.on('pageerror', (error) => all.push(`uncaught: ${error.message}`));
  return { all, unexpected: () => all.filter((text) => !NETWORK_ERROR.test(text)) };
}

/** Saves a screenshot under test-output/console/ and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = `${SCREENSHOT_DIR}${name}.png`;
  await page.screenshot({ path });
  return path;
}
