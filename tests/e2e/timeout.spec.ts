import { test, expect } from './fixtures';

test('a provider that hangs gives a clear timeout, loses nothing saved, and can be retried', async ({
  app,
  emulator,
}, testInfo) => {
  const message = app.getByRole('textbox', { name: 'Message' });
  const log = app.getByRole('log');
  const answers = log.getByRole('article', { name: 'Assistant message' });
  const questions = log.getByRole('article', { name: 'User message' });

  // A saved exchange first.
  await message.fill('First question');
  await message.press('Enter');
  await expect(answers.first()).toContainText('You said: First question.');
  await expect(app.getByRole('button', { name: 'Send' })).toBeVisible();

  // A short response timeout, set the way a person sets it: on the profile, in Settings.
  await app.getByRole('button', { name: 'Settings' }).click();
  const dialog = app.getByRole('dialog', { name: 'Settings' });
  await dialog.getByLabel('Response timeout (s)').fill('2');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('button', { name: 'Save' })).toBeEnabled();
  await expect(dialog.getByRole('form', { name: 'Profile openai' }).getByRole('alert')).toHaveCount(
    0,
  );
  await expect(dialog.getByLabel('Response timeout (s)')).toHaveValue('2');
  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // The next question hangs: the server accepts it and never sends a byte (once).
  const hanging = 'Second question [hang=1 times=1]';
  await message.fill(hanging);
  const sentAt = Date.now();
  await message.press('Enter');
  const failed = answers.nth(1);
  const notice = failed.getByRole('alert');
  await expect(notice).toContainText(
    'OpenAI sent nothing for 2 s, so Switchboard stopped waiting. Try again, or raise the response timeout in Settings › Profiles.',
  );
  expect(Date.now() - sentAt).toBeGreaterThanOrEqual(1900);
  await expect(failed).toContainText('Failed');
  await expect(app.getByRole('button', { name: 'Send' })).toBeVisible();
  // The request was really given up: the emulator saw its connection closed, unfinished.
  const hung = () => emulator.requests.find((r) => JSON.stringify(r.body).includes('hang=1'));
  await expect.poll(() => hung()?.closedAt).toBeDefined();
  expect(hung()?.completed).toBe(false);
  // Kept with the run's output, so a person can see how the message looks.
  await log.screenshot({ path: testInfo.outputPath('timeout-message.png') });

  // Nothing already saved is lost: after a reload, the first exchange, the question and the
  // failure are all still there.
  await app.reload();
  await expect(questions).toHaveCount(2);
  await expect(questions.nth(0)).toHaveText('First question');
  await expect(questions.nth(1)).toHaveText(hanging);
  await expect(answers.nth(0)).toContainText('You said: First question.');
  await expect(answers.nth(1).getByRole('alert')).toContainText('sent nothing for 2 s');

  // Retry: the server answers this time.
  await answers.nth(1).hover();
  await answers.nth(1).getByRole('button', { name: 'Regenerate' }).click();
  await expect(answers.nth(1)).toContainText('You said: Second question.');
  await expect(answers.nth(1).getByRole('alert')).toHaveCount(0);
  await expect(questions).toHaveCount(2);
});
