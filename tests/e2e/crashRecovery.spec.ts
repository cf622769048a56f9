import { mkdtempSync, readFileSync } from 'node:fs';
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
  // prettier-ignore
  test.skip(test.info().project.name === 'electron', 'The crash is driven through the harness process.');
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
    // What was saved, word for word, from the conversation's own JSON export.
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export as JSON' }).click();
    const exported = JSON.parse(readFileSync((await (await downloading).path())!, 'utf8')) as {
      conversations: {
        messages: { role: string; parts: { type: string; text: string }[]; finishReason: string }[];
      }[];
    };
    const saved = exported.conversations[0]!.messages.find((m) => m.role === 'assistant')!;
    expect(saved.finishReason).toBe('error');
    const savedText = saved.parts.map((p) => (p.type === 'text' ? p.text : '')).join('');
    const keptWords = savedText.trim().split(/\s+/).length;
    test.info().annotations.push({
      type: 'words shown at kill / saved after restart',
      description: `${shownWords} / ${keptWords}`,
    });
    // The emulator sends 20 words a second: at most about a second of what was shown is lost.
    expect(keptWords).toBeGreaterThanOrEqual(shownWords - 20);
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
