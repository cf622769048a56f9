import { test, expect } from './fixtures';

test('a streamed answer appears as it arrives, and Stop keeps what came', async ({ app }) => {
  const message = app.getByRole('textbox', { name: 'Message' });
  const log = app.getByRole('log');

  // Slow enough (20 s in all) that Stop lands mid-answer even on a loaded machine.
  await message.fill('Tell me a long story [tokens=400 rate=20]');
  await app.getByRole('button', { name: 'Send' }).click();

  const user = log.getByRole('article', { name: 'User message' });
  const answer = log.getByRole('article', { name: 'Assistant message' });
  await expect(user).toHaveText('Tell me a long story [tokens=400 rate=20]');
  // It streams: part of the answer is there while the Stop button still is.
  await expect(answer).toContainText('Streaming lets the answer appear');
  await expect(app.getByRole('button', { name: 'Stop' })).toBeVisible();

  await app.getByRole('button', { name: 'Stop' }).click();
  await expect(app.getByRole('button', { name: 'Send' })).toBeVisible();
  await expect(answer).toContainText('Stopped');
  const kept = await answer.innerText();
  expect(kept).toContain('Streaming lets the answer appear');
  // Stop ended it at once: nothing more arrives afterwards.
  await app.waitForTimeout(500);
  expect(await answer.innerText()).toBe(kept);
  expect(kept.split(' ').length).toBeLessThan(300);
});

test('a short answer completes and a follow-up carries the conversation', async ({
  app,
  emulator,
}) => {
  const message = app.getByRole('textbox', { name: 'Message' });
  await message.fill('First question');
  await message.press('Enter');
  const answers = app.getByRole('log').getByRole('article', { name: 'Assistant message' });
  await expect(answers.first()).toContainText('emu-1');

  await message.fill('Second question');
  await message.press('Enter');
  await expect(answers).toHaveCount(2);
  await expect(answers.nth(1)).toContainText('You said: Second question.');
  await expect(answers.nth(1)).toContainText('emu-1');

  const last = emulator.requests.filter((r) => r.path.endsWith('/chat/completions')).at(-1);
  const body = last?.body as { messages: { role: string; content: string }[] };
  expect(body.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
  expect(last?.headers.authorization).toBe('Bearer sk-e2e-test-key-0000');
});

test('New conversation clears the log', async ({ app }) => {
  await app.getByRole('textbox', { name: 'Message' }).fill('Hello');
  await app.getByRole('button', { name: 'Send' }).click();
  await expect(app.getByRole('article', { name: 'Assistant message' })).toContainText('emu-1');
  await app.getByRole('button', { name: 'New conversation' }).click();
  await expect(app.getByRole('article')).toHaveCount(0);
});
