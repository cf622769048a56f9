import { test, expect } from './fixtures';

test('a refusal shows as a refusal, calmly, and is still one after reopening', async ({ app }) => {
  await app.getByRole('textbox', { name: 'Message' }).fill('Do the thing [tokens=8 refusal=1]');
  await app.getByRole('button', { name: 'Send' }).click();
  const answer = app.getByRole('log').getByRole('article', { name: 'Assistant message' });
  const refusal = answer.getByRole('region', { name: 'Refusal' });
  await expect(refusal).toContainText('Declined to answer');
  await expect(refusal).toContainText('You said: Do the thing.');
  // Nothing failed: no alert, no error notice, and no empty answer waiting for a token.
  await expect(answer.getByRole('alert')).toHaveCount(0);
  await expect(answer).not.toContainText('Waiting for the first token');
  await expect(app.getByRole('button', { name: 'Send' })).toBeVisible();

  await app.reload();
  await app
    .getByRole('list', { name: 'Conversations' })
    .getByRole('button', { name: 'Do the thing [tokens=8 refusal=1]' })
    .click();
  await expect(app.getByRole('log').getByRole('region', { name: 'Refusal' })).toContainText(
    'You said: Do the thing.',
  );
});

test('the temperature control shows the range of the provider that will answer', async ({
  app,
}) => {
  const toggle = app.getByRole('button', { name: 'Parameters' });
  await toggle.click();
  const field = app.getByRole('spinbutton', { name: 'Temperature (0–2)' });
  await expect(field).toHaveAttribute('max', '2');
  const switched = await app.evaluate(async () => {
    const api = (window as unknown as { api: Record<string, (r: object) => Promise<unknown>> }).api;
    return api.setDefaultProfile!({ id: 'anthropic' });
  });
  expect(switched).toMatchObject({ ok: true });
  await app.reload();
  // The panel remembers being open in wide windows; open it only if the reload closed it.
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(app.getByRole('spinbutton', { name: 'Temperature (0–1)' })).toHaveAttribute(
    'max',
    '1',
  );
});
