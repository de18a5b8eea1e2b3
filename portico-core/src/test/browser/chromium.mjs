// Debian's headless Chromium for the browser tests, launched one way: a new, empty profile for every run (as
// Debian's Chromium needs on this kind of machine), no sandbox as root, and the flags that keep it off the network.
// Never a browser download: playwright-core drives /usr/bin/chromium (or $PORTICO_CHROMIUM).
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A browser context 1280 wide and `height` high, with playwright's other context `options`; `close` removes the profile too. */
export async function openChromium({ height = 900, ...options } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'portico-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.PORTICO_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    chromiumSandbox: false,
    viewport: { width: 1280, height },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    ...options,
  });
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, close };
}
