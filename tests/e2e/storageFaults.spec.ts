import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startHarnessProcess, type HarnessProcess } from '../support/harnessProcess';
import {
  buildHistory,
  damagePages,
  fillDisk,
  freeDisk,
  mountSmallDisk,
  sha256,
  unmount,
} from '../support/storageFaults';
import { test, expect } from './fixtures';

const shots = join(import.meta.dirname, '../../test-results/screenshots');

// Root writes through any permission; these machines run tests as root. setpriv takes that power
// out of the harness's bounding set, so a read-only folder refuses it as it would refuse a person.
const dropRootBypass =
  process.getuid?.() === 0
    ? ['setpriv', '--bounding-set=-dac_override,-dac_read_search,-fowner', '--']
    : [];

async function downloadedExport(page: Page, button: string): Promise<string> {
  const download = page.waitForEvent('download');
  await page
    .getByRole('alert', { name: /· read-only$/ })
    .getByRole('button', { name: button })
    .click();
  const file = await (await download).path();
  return readFileSync(file, 'utf8');
}

function exportedTitles(json: string): string[] {
  const body = JSON.parse(json) as { conversations: { conversation: { title: string } }[] };
  return body.conversations.map((c) => c.conversation.title).sort();
}

test('a read-only data folder: the history opens read-only with a banner, reads and exports, and the files stay as they were', async ({
  page,
}) => {
  // prettier-ignore
  test.skip(test.info().project.name === 'electron', 'The folder is made read-only around a harness process.');
  const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-readonly-dir-'));
  buildHistory(dataDir, 3);
  const hashes = () => readdirSync(dataDir).map((name) => `${name}:${sha256(join(dataDir, name))}`);
  const before = hashes();
  chmodSync(join(dataDir, 'switchboard.db'), 0o444);
  chmodSync(dataDir, 0o555);
  let harness: HarnessProcess | null = null;
  try {
    harness = await startHarnessProcess({ dataDir, wrapper: dropRootBypass });
    await page.goto(harness.url);

    const banner = page.getByRole('alert', { name: /· read-only$/ });
    await expect(banner.getByRole('heading')).toHaveText(
      'Your history cannot be saved · read-only',
    );
    await expect(banner).toContainText(`cannot write to its data folder ${dataDir}`);
    await expect(banner).toContainText('Fix the folder');

    // Everything already there can be read…
    await page
      .getByRole('listitem')
      .filter({ hasText: 'Conversation 1' })
      .getByRole('button')
      .first()
      .click();
    await expect(page.getByRole('article', { name: 'User message' })).toContainText('Question 1');
    // …nothing new can be sent, and the box says why.
    const box = page.getByRole('textbox', { name: 'Message' });
    await expect(box).toBeDisabled();
    await expect(box).toHaveAttribute('placeholder', /read-only/);
    await page.screenshot({ path: join(shots, 'storage-read-only-folder.png') });

    expect(exportedTitles(await downloadedExport(page, 'Export all as JSON'))).toEqual([
      'Conversation 0',
      'Conversation 1',
      'Conversation 2',
    ]);
  } finally {
    await harness?.stop();
    chmodSync(dataDir, 0o755);
  }
  expect(hashes()).toEqual(before);
});

test('a damaged history: found when read, the banner comes up, and the next start opens a read-only copy of every readable row', async ({
  page,
  providerEnv,
}) => {
  // prettier-ignore
  test.skip(test.info().project.name === 'electron', 'The history is damaged on disk before a harness process starts.');
  test.setTimeout(90_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-damaged-e2e-'));
  const file = join(dataDir, 'switchboard.db');
  buildHistory(dataDir, 60);
  damagePages(file, 0.55, 0.7);
  const hash = sha256(file);
  const banner = page.getByRole('alert', { name: /· read-only$/ });

  const first = await startHarnessProcess({ env: providerEnv, dataDir });
  try {
    await page.goto(first.url);
    // Export reads every conversation, so the damage turns up now if loading did not find it.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export all as JSON' }).first().click();
    const titles = exportedTitles(readFileSync(await (await download).path(), 'utf8'));
    expect(titles.length).toBeLessThan(60);
    await expect(banner.getByRole('heading')).toHaveText(
      'Your history file is damaged · read-only',
    );
    await expect(banner).toContainText('quit and reopen Switchboard');
    await expect(page.getByRole('textbox', { name: 'Message' })).toBeDisabled();
  } finally {
    await first.stop();
  }

  const second = await startHarnessProcess({ env: providerEnv, dataDir });
  try {
    await page.goto(second.url);
    await expect(banner).toContainText(
      /read-only copy of everything that could still be read \((\d+) conversations/,
    );
    const salvaged = Number(/\((\d+) conversations/.exec(await banner.innerText())?.[1]);
    expect(salvaged).toBeGreaterThan(0);
    await page
      .getByRole('listitem')
      .filter({ hasText: 'Conversation' })
      .first()
      .getByRole('button')
      .first()
      .click();
    await expect(page.getByRole('article', { name: 'User message' })).toContainText('Question');
    await page.screenshot({ path: join(shots, 'storage-damaged-history.png') });
    expect(exportedTitles(await downloadedExport(page, 'Export all as JSON'))).toHaveLength(
      salvaged,
    );
  } finally {
    await second.stop();
  }
  expect(sha256(file)).toBe(hash);
});

test('a full disk: the draft stays with the reason, an answer streaming meanwhile is saved once there is room', async ({
  page,
  providerEnv,
}) => {
  // prettier-ignore
  test.skip(test.info().project.name === 'electron', 'The disk is filled around a harness process.');
  test.setTimeout(120_000);
  const disk = mkdtempSync(join(tmpdir(), 'switchboard-fulldisk-e2e-'));
  const cannotMount = await mountSmallDisk(disk, 24);
  if (cannotMount) console.log(`[e2e storage] full-disk test skipped: ${cannotMount}`);
  // prettier-ignore
  test.skip(cannotMount !== null, 'Skipped because this machine cannot mount the small tmpfs a full disk needs (the reason is printed above).');
  const dataDir = join(disk, 'data');
  mkdirSync(dataDir);
  const harness = await startHarnessProcess({ env: providerEnv, dataDir });
  try {
    await page.goto(harness.url);
    const box = page.getByRole('textbox', { name: 'Message' });
    const answers = page.getByRole('article', { name: 'Assistant message' });
    await box.fill('Saved before the disk filled');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(answers.first()).toContainText('You said: Saved before the disk filled');
    await expect(page.getByRole('button', { name: 'Send' })).toBeVisible();

    // A long answer starts; the disk fills while it streams.
    await box.fill('Stream while the disk fills [tokens=3000 rate=600]');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(answers.nth(1)).toContainText('You said: Stream while the disk fills');
    const filler = fillDisk(disk);
    await expect(page.getByRole('button', { name: 'Send' })).toBeVisible({ timeout: 30_000 });
    await expect(
      page.getByRole('alert').filter({
        hasText:
          'The disk is full: the answer stays on screen and is saved as soon as there is room',
      }),
    ).toBeVisible();

    // Sending now is refused with the reason, and the draft stays in the box.
    const draft = `A question that needs room${' to be written down'.repeat(20_000)}`;
    await box.fill(draft);
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.locator('form').getByRole('alert')).toContainText('The disk is full');
    // Compared whole, reported short: the draft is 380 kB.
    expect((await box.inputValue()) === draft, 'the draft is back in the box, unchanged').toBe(
      true,
    );
    await page.screenshot({ path: join(shots, 'storage-disk-full.png') });

    // Room again: the waiting answer is written, and a reload shows it whole.
    freeDisk(filler);
    await expect(page.getByText(/Saved after all/)).toBeVisible({ timeout: 20_000 });
    const streamedWords = (await answers.nth(1).innerText()).split(/\s+/).length;
    await page.reload();
    await page
      .getByRole('listitem')
      .filter({ hasText: 'Saved before the disk filled' })
      .getByRole('button')
      .first()
      .click();
    await expect(answers.nth(1)).toContainText('You said: Stream while the disk fills');
    expect((await answers.nth(1).innerText()).split(/\s+/).length).toBe(streamedWords);
  } finally {
    await harness.stop();
    await unmount(disk);
  }
});
