import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHarnessProcess } from '../support/harnessProcess';
import { test, expect } from './fixtures';

// kill -9 in mid-stream, start again on the same data dir: the partial answer is there, marked
// interrupted, with at most about a second of text lost, and it can be continued.
test('an answer cut by kill -9 survives the restart and can be continued', async ({
  page,
  providerEnv,
}) => {
  test.skip(
    test.info().project.name === 'electron',
    'The crash is driven through the harness process.',
  );
  const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-crash-'));
  const first = await startHarnessProcess({ env: providerEnv, dataDir });
  let second: Awaited<ReturnType<typeof startHarnessProcess>> | null = null;
  try {
    await page.goto(first.url);
    // 20 tokens a second for 30 s: long enough to be cut in the middle.
    await page
      .getByRole('textbox', { name: 'Message' })
      .fill('Write at length [tokens=600 rate=20]');
    await page.getByRole('button', { name: 'Send' }).click();
    const answer = page.getByRole('article', { name: 'Assistant message' });
    await expect(answer).toContainText('You said: Write at length.');
    await page.waitForTimeout(3_000);
    const shownWords = (await answer.innerText()).split(/\s+/).length;
    await first.kill();

    second = await startHarnessProcess({ env: providerEnv, dataDir });
    await page.goto(second.url);
    // A new harness is a new origin (new port), so open the conversation from the sidebar.
    await page
      .getByRole('listitem')
      .filter({ hasText: 'Write at length' })
      .getByRole('button')
      .first()
      .click();
    await expect(answer).toContainText('Interrupted');
    const keptWords = (await answer.innerText()).split(/\s+/).length;
    // At 20 tokens (words) a second, a second of loss is about 20 words; allow the kill's latency.
    test
      .info()
      .annotations.push({
        type: 'words shown at kill / kept after restart',
        description: `${shownWords} / ${keptWords}`,
      });
    expect(keptWords).toBeGreaterThan(shownWords - 30);
    expect(keptWords).toBeGreaterThan(30);
    await expect(answer.getByRole('alert')).toContainText('closed while this answer was arriving');

    await answer.getByRole('button', { name: 'Continue' }).click();
    await expect(answer).toContainText('You said: Continue your previous answer');
    await expect(answer.getByRole('button', { name: 'Regenerate' })).toBeVisible({
      timeout: 20_000,
    });
    // The continued answer grew in place: the text from before the crash is still its start.
    expect((await answer.innerText()).startsWith('You said: Write at length.')).toBe(true);
  } finally {
    await first.kill();
    await second?.stop();
  }
});
