import type { Page } from '@playwright/test';
import { hostileShapes } from '../support/hostileMarkdown';
import { longestMainThreadTask } from '../support/mainThreadTasks';
import { test, expect } from './fixtures';

/** The longest main-thread task allowed while a hostile answer arrives or opens (CPU ms). */
const taskLimitMs = 200;

const lastAnswer = (app: Page) => app.getByRole('article', { name: 'Assistant message' }).last();
const sidebar = (app: Page) => app.getByRole('complementary', { name: 'Conversations sidebar' });

async function ask(app: Page, prompt: string) {
  await app.getByRole('textbox', { name: 'Message' }).fill(prompt);
  await app.getByRole('button', { name: 'Send' }).click();
}

function collectPageErrors(app: Page): string[] {
  const errors: string[] = [];
  app.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

test('a 2,500-deep quote answer shows as plain text, the window keeps working, after a reload too', async ({
  app,
}) => {
  const errors = collectPageErrors(app);
  await ask(app, 'Quote this [answer=deep-quote rate=0]');
  const answer = lastAnswer(app);
  await expect(answer.getByText('emu-1')).toBeVisible({ timeout: 30_000 });
  await expect(answer.locator('.plain-block')).toContainText('>'.repeat(2_500));
  await expect(answer).toContainText('nested too deeply to format');
  await expect(app.getByRole('textbox', { name: 'Message' })).toBeEditable();

  // The last conversation reopens at start: it must open, and Delete must be within reach.
  await app.reload();
  await expect(lastAnswer(app).locator('.plain-block')).toBeVisible();
  const row = sidebar(app).getByRole('listitem').first();
  await row.hover();
  await row.getByRole('button', { name: 'Delete' }).click();
  await expect(app.getByRole('article', { name: 'Assistant message' })).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('an answer that throws while rendering shows its text plainly with a note; the rest works', async ({
  app,
}) => {
  // A fault at the browser's edge: the markdown parser decodes `&name;` through innerHTML.
  await app.addInitScript(() => {
    const setter = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML')!.set!;
    Object.defineProperty(Element.prototype, 'innerHTML', {
      set(value: string) {
        if (value === '&renderfault;') throw new Error('injected render fault');
        setter.call(this, value);
      },
    });
  });
  await app.reload();
  await ask(app, 'Say &renderfault; now [tokens=3 rate=0]');
  const answer = lastAnswer(app);
  await expect(answer).toContainText('could not be formatted');
  await expect(answer.locator('.plain-block')).toContainText('&renderfault;');
  await expect(answer.getByRole('button', { name: 'Copy answer' })).toBeVisible();
  // The next answer renders as markdown again.
  await ask(app, 'Demo [answer=markdown-demo rate=0]');
  await expect(lastAnswer(app).getByRole('table')).toBeVisible();
});

for (const name of [
  'emphasis-storm',
  'emphasis-flood',
  'bracket-pit',
  'nested-list-600',
  'deep-quote',
]) {
  test(`streaming the ${name} answer: no main-thread task over ${taskLimitMs} ms`, async ({
    app,
    browser,
  }) => {
    test.setTimeout(120_000);
    const errors = collectPageErrors(app);
    await expect(app.getByRole('textbox', { name: 'Message' })).toBeEditable();
    const report = await longestMainThreadTask(browser, app, async () => {
      await ask(app, `Shape [answer=${name} rate=0]`);
      await expect(lastAnswer(app).getByText('emu-1')).toBeVisible({ timeout: 90_000 });
    });
    expect(report.tasks).toBeGreaterThan(10);
    expect(report.longestMs, `${name}: longest task`).toBeLessThanOrEqual(taskLimitMs);
    await expect(lastAnswer(app).locator('.plain-block')).toBeVisible();
    expect(errors).toEqual([]);
  });
}

test(`hostile markdown fuzz: opening each generated answer runs no task over ${taskLimitMs} ms`, async ({
  app,
  browser,
}) => {
  test.setTimeout(300_000);
  const errors = collectPageErrors(app);
  const seed = 22;
  const shapes = hostileShapes(12, seed);
  const at = 1_700_000_000_000;
  const conversations = shapes.map((shape, i) => {
    const id = `hostile-${i}`;
    const message = (n: number, role: 'user' | 'assistant', content: string) => ({
      id: `${id}-m${n}`,
      conversationId: id,
      parentId: n === 0 ? null : `${id}-m0`,
      role,
      content,
      reasoning: '',
      status: 'done',
      profileId: null,
      model: role === 'assistant' ? 'emu-1' : null,
      parameters: null,
      finishReason: role === 'assistant' ? 'stop' : null,
      providerFinishReason: null,
      providerMessageId: null,
      usage: null,
      timing: null,
      error: null,
      createdAt: at + i,
      updatedAt: at + i,
    });
    return {
      conversation: {
        id,
        title: `Hostile ${String(i).padStart(2, '0')}`,
        titleSource: 'user',
        pinned: false,
        createdAt: at + i,
        updatedAt: at + i,
        profileId: null,
        model: null,
        systemPrompt: null,
        parameters: {},
        currentLeafId: `${id}-m1`,
      },
      messages: [message(0, 'user', shape.description), message(1, 'assistant', shape.text)],
    };
  });
  const file = { format: 'switchboard.conversations', version: 1, exportedAt: at, conversations };
  await sidebar(app)
    .getByLabel('Import conversations file')
    .setInputFiles({
      name: 'hostile.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
  await expect(sidebar(app).getByRole('status')).toContainText(
    `Imported ${shapes.length} conversations`,
  );
  const slow: string[] = [];
  for (const [i, shape] of shapes.entries()) {
    const title = `Hostile ${String(i).padStart(2, '0')}`;
    const report = await longestMainThreadTask(browser, app, async () => {
      await sidebar(app)
        .getByRole('listitem')
        .filter({ hasText: title })
        .getByRole('button')
        .first()
        .click();
      await expect(app.getByRole('article', { name: 'User message' })).toContainText(
        shape.description.slice(0, 40),
      );
      await expect(lastAnswer(app)).toBeVisible();
      // Let progressive rendering finish its tasks.
      await app.waitForTimeout(1_500);
    });
    if (report.longestMs > taskLimitMs)
      slow.push(`${shape.description}: ${report.longestMs.toFixed(0)} ms (seed ${seed})`);
  }
  expect(slow).toEqual([]);
  expect(errors).toEqual([]);
});
