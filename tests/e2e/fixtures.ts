import { resolve } from 'node:path';
import { test as base, _electron, type Page } from '@playwright/test';
import { startEmulator, type Emulator } from '../emulator/server';
import { startHarnessProcess, type HarnessProcess } from '../support/harnessProcess';
import { installedElectronPath } from '../../scripts/electron-binary.mjs';

const root = resolve(import.meta.dirname, '../..');

/** Where Electron's binary would be, or why there is none (it is not downloadable everywhere). */
function electronBinary(): { path: string } | { reason: string } {
  const path = installedElectronPath();
  if (path) return { path };
  return {
    reason:
      'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD); these specs ran through the harness instead.',
  };
}

/** Electron's launcher takes only string values. */
function definedOnly(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

interface Fixtures {
  electronGate: void;
  emulator: Emulator;
  providerEnv: NodeJS.ProcessEnv;
  harness: HarnessProcess;
  app: Page;
}

export const test = base.extend<Fixtures>({
  // Runs before every other fixture: on the electron project without a binary, skip with the reason.
  electronGate: [
    async ({}, use, testInfo) => {
      if (testInfo.project.name === 'electron') {
        const binary = electronBinary();
        if ('reason' in binary) {
          console.log(`[e2e electron] skipped "${testInfo.title}": ${binary.reason}`);
          testInfo.skip(true, binary.reason);
        }
      }
      await use();
    },
    { auto: true },
  ],

  emulator: async ({}, use) => {
    const emulator = await startEmulator({ defaultRate: 200 });
    await use(emulator);
    await emulator.close();
  },
  providerEnv: async ({ emulator }, use) => {
    await use({
      OPENAI_BASE_URL: emulator.url,
      OPENAI_API_KEY: 'sk-e2e-test-key-0000',
      SWITCHBOARD_MODEL: 'emu-1',
    });
  },
  harness: async ({ providerEnv }, use, testInfo) => {
    const harness = await startHarnessProcess({ env: providerEnv });
    await use(harness);
    await harness.stop();
    if (testInfo.status !== testInfo.expectedStatus)
      await testInfo.attach('harness output', { body: harness.output() });
  },
  app: async ({ page, providerEnv, harness }, use, testInfo) => {
    if (testInfo.project.name === 'electron') {
      const binary = electronBinary();
      if (!('path' in binary)) throw new Error(binary.reason);
      const electronApp = await _electron.launch({
        executablePath: binary.path,
        // --lang: the page follows the system's language, and the specs look for English.
        args: [
          resolve(root, 'out/main/index.js'),
          `--user-data-dir=${harness.dataDir}`,
          '--lang=en-US',
        ],
        env: definedOnly({ ...process.env, ...providerEnv }),
      });
      await use(await electronApp.firstWindow());
      await electronApp.close();
      return;
    }
    await page.goto(harness.url);
    await use(page);
  },
});

export { expect } from '@playwright/test';
