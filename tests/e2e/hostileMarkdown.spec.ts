import type { Browser, Page } from '@playwright/test';
import { exportFileOf } from '../support/exportFile';
import { hostileShapes, proseOfLength } from '../support/hostileMarkdown';
import { longestMainThreadTask } from '../support/mainThreadTasks';
import { test, expect } from './fixtures';

/**
 * A hostile answer may cost at most this many times what opening 200 KB of plain prose costs,
 * measured in the same run (longest main-thread task, CPU ms): a parser gone quadratic costs tens
 * of times more, while a slow or busy machine slows the baseline alike. Every shape here is at
 * most 200 KB, except the 600-deep list (about 360 KB) which is shown as plain text.
 */
const ratioLimit = 3;
/** Below this a task is not a long task (the browser's own threshold), whatever the ratio. */
const longTaskMs = 50;
const baselineTitle = 'Prose baseline';

function tooSlow(hostileMs: number, baselineMs: number): boolean {
  return hostileMs > longTaskMs && hostileMs > ratioLimit * baselineMs;
}

const lastAnswer = (app: Page) => app.getByRole('article', { name: 'Assistant message' }).last();
const sidebar = (app: Page) => app.getByRole('complementary', { name: 'Conversations sidebar' });

interface StoredAnswer {
  title: string;
  prompt: string;
  text: string;
}

/** A conversations file (the app's export format) of one prompt and its answer each. */
function conversationsFile(answers: StoredAnswer[]): Buffer {
  return exportFileOf(
    answers.map((answer, i) => ({
      id: `hostile-${i}`,
      title: answer.title,
      question: answer.prompt,
      answer: answer.text,
      at: 1_700_000_000_000 + i,
    })),
  );
}

async function importAnswers(app: Page, answers: StoredAnswer[]) {
  await sidebar(app)
    .getByLabel('Import conversations file')
    .setInputFiles({
      name: 'answers.json',
      mimeType: 'application/json',
      buffer: conversationsFile(answers),
    });
  await expect(sidebar(app).getByRole('status')).toContainText(
    `Imported ${answers.length} conversation`,
  );
}

/** The longest main-thread task while the conversation titled `answer.title` opens and settles. */
function openAnswer(browser: Browser, app: Page, answer: StoredAnswer) {
  return longestMainThreadTask(browser, app, async () => {
    await sidebar(app)
      .getByRole('listitem')
      .filter({ hasText: answer.title })
      .getByRole('button')
      .first()
      .click();
    await expect(app.getByRole('article', { name: 'User message' })).toContainText(
      answer.prompt.slice(0, 40),
    );
    await expect(lastAnswer(app)).toBeVisible();
    // Let progressive rendering finish its tasks.
    await app.waitForTimeout(1_500);
  });
}

const proseBaseline: StoredAnswer = {
  title: baselineTitle,
  prompt: 'Two hundred kilobytes of plain prose',
  text: proseOfLength(200_000),
};

/**
 * The baseline: the median over three openings of 200 KB of prose (already imported), each
 * from an empty new conversation, so every opening renders the answer afresh.
 */
async function proseOpeningMs(browser: Browser, app: Page): Promise<number> {
  const figures: number[] = [];
  for (let round = 0; round < 3; round++) {
    await app.getByRole('button', { name: 'New conversation' }).click();
    await expect(app.getByRole('article')).toHaveCount(0);
    const report = await openAnswer(browser, app, proseBaseline);
    expect(report.tasks).toBeGreaterThan(0);
    figures.push(report.longestMs);
  }
  return figures.sort((a, b) => a - b)[1]!;
}

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
  test(`streaming the ${name} answer: no main-thread task over ${ratioLimit}× opening 200 KB of prose`, async ({
    app,
    browser,
  }) => {
    test.setTimeout(150_000);
    const errors = collectPageErrors(app);
    await importAnswers(app, [proseBaseline]);
    const baselineMs = await proseOpeningMs(browser, app);
    await app.getByRole('button', { name: 'New conversation' }).click();
    await expect(app.getByRole('textbox', { name: 'Message' })).toBeEditable();
    const report = await longestMainThreadTask(browser, app, async () => {
      await ask(app, `Shape [answer=${name} rate=0]`);
      await expect(lastAnswer(app).getByText('emu-1')).toBeVisible({ timeout: 90_000 });
    });
    expect(report.tasks).toBeGreaterThan(10);
    const figures = `${name}: longest task ${report.longestMs.toFixed(0)} ms, opening 200 KB of prose ${baselineMs.toFixed(0)} ms`;
    expect(tooSlow(report.longestMs, baselineMs), figures).toBe(false);
    await expect(lastAnswer(app).locator('.plain-block')).toBeVisible();
    expect(errors).toEqual([]);
  });
}

test(`hostile markdown fuzz: opening each generated answer costs at most ${ratioLimit}× opening 200 KB of prose`, async ({
  app,
  browser,
}) => {
  test.setTimeout(300_000);
  const errors = collectPageErrors(app);
  const seed = 22;
  const shapes: StoredAnswer[] = hostileShapes(12, seed).map((shape, i) => ({
    title: `Hostile ${String(i).padStart(2, '0')}`,
    prompt: shape.description,
    text: shape.text,
  }));
  // The baseline last, so it is the newest conversation: at the top of the sidebar.
  await importAnswers(app, [...shapes, proseBaseline]);
  const baselineMs = await proseOpeningMs(browser, app);
  const slow: string[] = [];
  for (const shape of shapes) {
    const report = await openAnswer(browser, app, shape);
    if (tooSlow(report.longestMs, baselineMs))
      slow.push(
        `${shape.prompt}: ${report.longestMs.toFixed(0)} ms, opening 200 KB of prose ${baselineMs.toFixed(0)} ms (seed ${seed})`,
      );
  }
  expect(slow).toEqual([]);
  expect(errors).toEqual([]);
});
