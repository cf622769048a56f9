import { expect, test } from './fixtures';

test('the chat warns near the composer when the provider says a budget is nearly spent', async ({
  app,
}) => {
  const message = app.getByRole('textbox', { name: 'Message' });
  // Every try is refused with exhausted rate-limit headers (0 requests left), retries included.
  await message.fill('Hit the limit [fault=429 times=20 retry_after_ms=1]');
  await app.getByRole('button', { name: 'Send' }).click();
  const warning = app.getByRole('status').filter({ hasText: 'Close to the rate limit' });
  await expect(warning).toContainText('0 of 10,000 requests left');
  await expect(app.getByRole('button', { name: 'Send' })).toBeVisible();

  // A later answer with headroom clears it.
  await message.fill('Fine again');
  await app.getByRole('button', { name: 'Send' }).click();
  await expect(app.getByRole('article', { name: 'Assistant message' }).last()).toContainText(
    'You said: Fine again',
  );
  await expect(warning).toHaveCount(0);
});
