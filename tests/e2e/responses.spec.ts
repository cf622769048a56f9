import { expect, test } from './fixtures';

test('an OpenAI profile set to the Responses API in Settings is tested, then streams an answer with its reasoning', async ({
  app,
  emulator,
}) => {
  // The built-in OpenAI profile, pointed at the emulator by OPENAI_BASE_URL: Chat Completions
  // by default there (not api.openai.com); the person switches it to the Responses API.
  const start = app.getByRole('button', { name: 'Start chatting' });
  if (await start.isVisible()) await start.click();
  await app.getByRole('button', { name: 'Settings' }).click();
  const dialog = app.getByRole('dialog', { name: 'Settings' });
  await dialog
    .getByRole('navigation', { name: 'Profiles' })
    .getByRole('button', { name: /^openai/ })
    .click();
  const api = dialog.getByRole('combobox', { name: 'API' });
  await expect(api).toHaveValue('');
  await expect(api.locator('option')).toHaveText([
    'Automatic',
    'Chat Completions',
    'Responses API',
  ]);

  await dialog.getByRole('button', { name: 'Test connection' }).click();
  const result = dialog.getByRole('status', { name: 'Connection test result' });
  await expect(result).toContainText('the Chat Completions API answered');

  await api.selectOption('responses');
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(result).toContainText('Connection works');
  await expect(result).toContainText('the Responses API answered');
  await expect(result).toContainText(`POST ${emulator.url}/responses`);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('heading', { name: /^Edit openai/ })).toBeVisible();
  // A compatible server's form has no API choice: it speaks Chat Completions only.
  await dialog.getByRole('button', { name: '+ Add profile' }).click();
  await expect(dialog.getByRole('combobox', { name: 'Provider type' })).toHaveValue(
    'openai-compatible',
  );
  await expect(dialog.getByRole('combobox', { name: 'API' })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Close settings' }).click();

  await app
    .getByRole('textbox', { name: 'Message' })
    .fill('Think first [tokens=12 reasoning=8 cached=5]');
  await app.getByRole('button', { name: 'Send' }).click();
  const answer = app.getByRole('log').getByRole('article', { name: 'Assistant message' });
  await expect(answer).toContainText('You said: Think first.');
  await expect(app.getByRole('button', { name: 'Send' })).toBeVisible();
  const reasoning = answer.locator('details.reasoning');
  await expect(reasoning).toHaveCount(1);
  await reasoning.locator('summary').click();
  await expect(reasoning).toContainText('First I consider what was asked');

  const chat = emulator.requests.filter((r) => r.method === 'POST' && r.path === '/v1/responses');
  const sent = chat.find((r) => JSON.stringify(r.body).includes('Think first'));
  expect(sent?.body).toMatchObject({ stream: true, store: false });
  expect(sent?.response).toContain('event: response.reasoning_summary_text.delta');
  expect(sent?.response).toContain('"reasoning_tokens":8');
});
