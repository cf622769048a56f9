import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

const answers = (app: Page) =>
  app.getByRole('log').getByRole('article', { name: 'Assistant message' });
const sidebar = (app: Page) => app.getByRole('complementary', { name: 'Conversations sidebar' });

async function send(app: Page, prompt: string): Promise<void> {
  await app.getByRole('textbox', { name: 'Message' }).fill(prompt);
  await app.getByRole('button', { name: 'Send' }).click();
}

function chatCalls(emulator: { requests: { path: string; body: unknown }[] }) {
  return emulator.requests
    .filter((r) => r.path.endsWith('/chat/completions'))
    .map((r) => r.body as { messages: { role: string; content: string }[] })
    .filter((body) => !JSON.stringify(body).includes('You name conversations'));
}

test('search finds a renamed chat by its title', async ({ app }) => {
  await send(app, 'Hello there');
  await expect(answers(app).first()).toContainText('emu-1');
  const row = sidebar(app).getByRole('listitem').first();
  await row.hover();
  await row.getByRole('button', { name: 'Rename' }).click();
  await sidebar(app).getByRole('textbox', { name: 'Conversation title' }).fill('Quarterly budget');
  await sidebar(app).getByRole('textbox', { name: 'Conversation title' }).press('Enter');
  await app.getByRole('button', { name: 'New conversation' }).click();

  // No message says "budget": only the title does.
  await app.getByRole('searchbox', { name: 'Search conversations' }).fill('budget');
  const results = sidebar(app).getByRole('list', { name: 'Search results' }).getByRole('button');
  await expect(results).toHaveCount(1);
  await expect(results.first()).toContainText('Found in the title');
  await expect(results.first().locator('mark')).toHaveText('budget');
  await results.first().click();
  await expect(app.getByRole('article', { name: 'User message' })).toHaveText('Hello there');
});

test('a 429 being retried says so with the wait and the attempt, then the answer comes', async ({
  app,
}) => {
  await send(app, 'Busy now [fault=429 times=1 retry_after=4]');
  const waiting = answers(app).first().getByRole('status');
  await expect(waiting).toHaveText(/^Rate limited, retrying in [1-4] s \(attempt 2 of 3\)$/);
  await expect(answers(app).first()).not.toContainText('Waiting for the first token');
  await expect(answers(app).first()).toContainText('You said: Busy now.', { timeout: 15_000 });
  await expect(answers(app).first()).toContainText('emu-1');
});

test('an auth failure states its HTTP status once and opens the profile in Settings', async ({
  app,
}) => {
  await send(app, 'Who am I [fault=401]');
  const alert = answers(app).first().getByRole('alert');
  await expect(alert).toContainText('HTTP 401');
  expect((await alert.innerText()).match(/HTTP 401/g)).toHaveLength(1);
  await alert.getByRole('button', { name: 'Open the profile in Settings' }).click();
  const dialog = app.getByRole('dialog', { name: 'Settings' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading', { name: /^Edit / })).toBeVisible();
});

test('a question resent after a failed answer replaces it: never two user turns in a row', async ({
  app,
  emulator,
}) => {
  await send(app, 'Broken [fault=400]');
  await expect(answers(app).first().getByRole('alert')).toBeVisible();
  await send(app, 'Working now');
  await expect(answers(app)).toHaveCount(1);
  await expect(answers(app).first()).toContainText('You said: Working now.');
  await expect(answers(app).first()).toContainText('emu-1');
  await expect(app.getByRole('article', { name: 'User message' })).toHaveCount(1);
  const last = chatCalls(emulator).at(-1)!;
  expect(last.messages.map((m) => m.role)).toEqual(['user']);
  expect(last.messages[0]!.content).toBe('Working now');
  // The failed question is kept as an earlier version, not lost; after a reload the same.
  await app.reload();
  await expect(app.getByRole('article', { name: 'User message' })).toHaveCount(1);
  await expect(app.getByRole('article', { name: 'User message' })).toContainText('Working now');
});

test('a plain (non-streamed) answer shows its response time, not a first token', async ({
  app,
}) => {
  await send(app, 'Streamed [tokens=20]');
  await expect(answers(app).first()).toContainText('first token');
  await app.getByRole('checkbox', { name: 'Stream' }).uncheck();
  await send(app, 'Plain [tokens=20]');
  await expect(answers(app).nth(1)).toContainText('emu-1');
  await expect(answers(app).nth(1)).toContainText('answered in');
  await expect(answers(app).nth(1)).not.toContainText('first token');
  await expect(answers(app).nth(1)).not.toContainText('tok/s');
});

test('after Continue the footer shows the whole answer, not only the continuation', async ({
  app,
}) => {
  await send(app, 'Long [tokens=50 rate=0 finish=length]');
  const answer = answers(app).first();
  const tokens = answer.getByTitle(/^Tokens:/);
  await expect(tokens).toBeVisible();
  const outOf = async () =>
    Number(/(\d+) out/.exec((await tokens.getAttribute('title')) ?? '')![1]);
  const before = await outOf();
  expect(before).toBeGreaterThan(0);
  await answer.getByRole('button', { name: 'Continue' }).click();
  await expect(answer.getByRole('button', { name: 'Continue' })).toHaveCount(0);
  await expect(answer).toContainText('emu-1');
  // Both calls' output: more than the first part alone.
  await expect.poll(outOf).toBeGreaterThan(before);
});

test('the message editor has a visible border', async ({ app }) => {
  await send(app, 'Edit me');
  await expect(answers(app).first()).toContainText('emu-1');
  const user = app.getByRole('article', { name: 'User message' });
  await user.hover();
  await user.getByRole('button', { name: 'Edit' }).click();
  const editor = app.getByRole('textbox', { name: 'Edit message' });
  const width = await editor.evaluate((el) => getComputedStyle(el).borderTopWidth);
  expect(parseFloat(width)).toBeGreaterThanOrEqual(1);
});
