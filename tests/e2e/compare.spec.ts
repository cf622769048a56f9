import { test, expect } from './fixtures';

test('Compare asks two profile/model pairs at once, side by side, and a column goes on as a conversation', async ({
  app,
  emulator,
}, testInfo) => {
  // Two profiles on the emulator, in two dialects; session-only keys keep the keychain out of it.
  const saved = await app.evaluate(
    async ({ url, origin }) => {
      const api = (
        window as unknown as { api: { saveProfile(r: unknown): Promise<{ ok: boolean }> } }
      ).api;
      const a = await api.saveProfile({
        profile: {
          name: 'Emulator OpenAI',
          type: 'openai',
          baseUrl: url,
          defaultModel: 'gpt-4o-mini',
        },
        apiKey: 'sk-e2e-compare-a-0001',
        keyStorage: 'session',
        makeDefault: true,
      });
      const b = await api.saveProfile({
        profile: {
          name: 'Emulator Anthropic',
          type: 'anthropic',
          baseUrl: origin,
          defaultModel: 'claude-emu-1',
        },
        apiKey: 'sk-ant-e2e-compare-b-0002',
        keyStorage: 'session',
      });
      return [a.ok, b.ok];
    },
    { url: emulator.url, origin: emulator.origin },
  );
  expect(saved).toEqual([true, true]);

  await app.getByRole('button', { name: 'Compare' }).click();
  const dialog = app.getByRole('dialog', { name: 'Compare' });
  await expect(dialog.getByLabel('Profile 1')).toHaveValue(/.+/);
  await dialog.getByLabel('Profile 2').selectOption({ label: 'Emulator Anthropic' });
  await dialog.getByLabel('Model name 2').fill('claude-emu-1');
  await dialog.getByLabel('Compare prompt').fill('Which of you is faster? [tokens=60 rate=30]');
  await dialog.getByRole('button', { name: 'Run' }).click();

  const first = dialog.getByRole('article', { name: 'Answer from Emulator OpenAI · gpt-4o-mini' });
  const second = dialog.getByRole('article', {
    name: 'Answer from Emulator Anthropic · claude-emu-1',
  });
  // Both stream at the same time: each has text while the other is still running.
  await expect(first).toContainText('You said: Which of you is faster?');
  await expect(second).toContainText('You said: Which of you is faster?');
  await expect(dialog.getByRole('button', { name: 'Stop' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Run' })).toBeVisible({ timeout: 10_000 });

  const figures = first.getByRole('definition');
  await expect(figures.nth(0)).toHaveText(/^\d+ ms$/);
  await expect(figures.nth(1)).toHaveText(/^\d+\.\d$/);
  await expect(figures.nth(3)).toHaveText('60');
  await expect(figures.nth(4)).toHaveText(/^\$0\.\d+$/);
  await expect(second.getByRole('definition').nth(3)).toHaveText('60');
  await expect(second.getByRole('definition').nth(4)).toHaveText('—');
  await app.screenshot({ path: testInfo.outputPath('compare.png') });

  const calls = emulator.requests.filter((r) => JSON.stringify(r.body).includes('Which of you'));
  expect(calls.map((c) => c.path).sort()).toEqual(['/v1/chat/completions', '/v1/messages']);

  // The Anthropic column goes on as a conversation, answered by its own profile.
  await second.getByRole('button', { name: 'Continue as conversation' }).click();
  await expect(dialog).toBeHidden();
  const answers = app.getByRole('log').getByRole('article', { name: 'Assistant message' });
  await expect(answers).toHaveCount(1);
  await expect(answers.first()).toContainText('You said: Which of you is faster?');
  await app.getByRole('textbox', { name: 'Message' }).fill('And now? [tokens=5]');
  await app.getByRole('button', { name: 'Send' }).click();
  await expect(answers).toHaveCount(2);
  await expect(answers.nth(1)).toContainText('You said: And now?');
  const followUp = emulator.requests.filter((r) => JSON.stringify(r.body).includes('And now?'));
  expect(followUp.map((r) => r.path)).toEqual(['/v1/messages']);
  expect((followUp[0]!.body as { model: string }).model).toBe('claude-emu-1');
});
