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
  const toggle = app.getByRole('button', { name: 'Parameters', exact: true });
  // Wide windows show the panel from the start; open it only where they do not.
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  const panel = app.getByRole('complementary', { name: 'Chat settings' });
  await expect(panel.getByRole('spinbutton', { name: 'Temperature (0–2)' })).toHaveAttribute(
    'max',
    '2',
  );
  // Picking an Anthropic model in the header: the panel now shows Anthropic's range.
  await app.getByRole('button', { name: /^Model:/ }).click();
  await app.getByRole('combobox', { name: 'Search models' }).fill('anthropic');
  await app
    .getByRole('option', { name: / · anthropic$/ })
    .first()
    .click();
  await expect(app.getByRole('button', { name: /^Model: .* · anthropic$/ })).toBeVisible();
  await expect(panel.getByRole('spinbutton', { name: 'Temperature (0–1)' })).toHaveAttribute(
    'max',
    '1',
  );
  await expect(panel.getByRole('spinbutton', { name: 'Temperature (0–2)' })).toHaveCount(0);
});
