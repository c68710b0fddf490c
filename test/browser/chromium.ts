// Debian's Chromium, driven by playwright-core (which downloads no browser of its own).

import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM_PATH = "/usr/bin/chromium";

export const hasChromium = existsSync(CHROMIUM_PATH);

if (!hasChromium) {
  // Loud on purpose: .ci/run greps for this marker and fails, so a missing browser is never a pass.
  console.error(
    `\n${"!".repeat(72)}\nBROWSER TESTS SKIPPED: ${CHROMIUM_PATH} not found. Install it with:\n    apt-get install -y chromium\n${"!".repeat(72)}\n`,
  );
}

/** A fresh headless browser; playwright gives each launch a new temporary profile (user-data-dir). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
