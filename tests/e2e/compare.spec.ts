import type { Page } from '@playwright/test';
import type { Emulator } from '../emulator/server';
import { test, expect } from './fixtures';

/** Picks a column's model in its selector: a listed one, or "Use …" for a typed id. */
async function pickLane(app: Page, lane: number, search: string, option: string): Promise<void> {
  const dialog = app.getByRole('dialog', { name: 'Compare' });
  await dialog.getByRole('button', { name: new RegExp(`^Model ${lane}:`) }).click();
  await app.getByRole('combobox', { name: 'Search models' }).fill(search);
  await app.getByRole('option', { name: option, exact: true }).click();
  const shown = option.replace(/^Use /, '');
  await expect(dialog.getByRole('button', { name: `Model ${lane}: ${shown}` })).toBeVisible();
}

/** One OpenAI-dialect profile on the emulator, the default; a session-only key. */
async function saveOneProfile(app: Page, emulator: Emulator): Promise<void> {
  const saved = await app.evaluate(async (url) => {
    const api = (
      window as unknown as { api: { saveProfile(r: unknown): Promise<{ ok: boolean }> } }
    ).api;
    const result = await api.saveProfile({
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
    return result.ok;
  }, emulator.url);
  expect(saved).toBe(true);
}

/** Opens Compare with `lanes` columns (all on the default pick) and runs `prompt` to its end. */
async function runCompare(app: Page, lanes: number, prompt: string): Promise<void> {
  await app.getByRole('button', { name: 'Compare' }).click();
  const dialog = app.getByRole('dialog', { name: 'Compare' });
  await expect(dialog.getByRole('button', { name: 'Add model' })).toBeVisible();
  await expect(dialog.locator('fieldset')).toHaveCount(2);
  for (let n = 2; n < lanes; n++) await dialog.getByRole('button', { name: 'Add model' }).click();
  await dialog.getByLabel('Compare prompt').fill(prompt);
  await dialog.getByRole('button', { name: 'Run' }).click();
  await expect(dialog.getByRole('article')).toHaveCount(lanes);
  await expect(dialog.getByRole('button', { name: 'Run' })).toBeVisible({ timeout: 20_000 });
}

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
  await expect(
    dialog.getByRole('button', { name: 'Model 1: gpt-4o-mini · Emulator OpenAI' }),
  ).toBeVisible();
  await pickLane(app, 2, 'claude-emu-1', 'claude-emu-1 · Emulator Anthropic');
  await dialog.getByLabel('Compare prompt').fill('Which of you is faster? [tokens=60 rate=30]');
  await dialog.getByRole('button', { name: 'Run' }).click();

  const first = dialog.getByRole('article', { name: 'Answer from gpt-4o-mini · Emulator OpenAI' });
  const second = dialog.getByRole('article', {
    name: 'Answer from claude-emu-1 · Emulator Anthropic',
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

test("Compare columns render markdown with the chat's renderer", async ({ app, emulator }) => {
  await saveOneProfile(app, emulator);
  await runCompare(app, 2, 'Show me a rate limiter [answer=markdown-demo rate=0]');
  const column = app.getByRole('dialog', { name: 'Compare' }).getByRole('article').first();
  await expect(
    column.getByRole('heading', { name: 'A rate limiter in TypeScript', level: 2 }),
  ).toBeVisible();
  await expect(column.locator('strong', { hasText: 'token bucket' })).toBeVisible();
  await expect(column.getByRole('table')).toContainText('Sliding window counter');
  await expect(column.getByRole('link', { name: 'the Wikipedia article' })).toBeVisible();
  // The chat's code block (highlighted, with its copy button), not a pre of raw text.
  await expect(column.locator('.markdown pre code')).toContainText('export class TokenBucket');
  await expect(column.getByRole('button', { name: /Copy/ }).first()).toBeVisible();
  // Nothing of the markdown source is left showing.
  await expect(column).not.toContainText('## A rate limiter');
  await expect(column).not.toContainText('**token bucket**');
  await expect(column).not.toContainText('|---|');
});

test("Compare prices each column with the person's own prices, as the usage ledger does", async ({
  app,
  emulator,
}) => {
  await saveOneProfile(app, emulator);
  // gpt-4o-mini has a shipped price; the person's own one must win.
  const set = await app.evaluate(async () => {
    const api = (
      window as unknown as { api: { setPriceOverride(r: unknown): Promise<{ ok: boolean }> } }
    ).api;
    const result = await api.setPriceOverride({
      model: 'gpt-4o-mini',
      provider: 'openai',
      inputPerMTok: 1000,
      cachedInputPerMTok: null,
      outputPerMTok: 2000,
    });
    return result.ok;
  });
  expect(set).toBe(true);
  await runCompare(app, 2, 'What does this cost? [tokens=40]');
  const figures = app
    .getByRole('dialog', { name: 'Compare' })
    .getByRole('article')
    .first()
    .getByRole('definition');
  const input = Number(await figures.nth(2).textContent());
  const output = Number(await figures.nth(3).textContent());
  expect(output).toBe(40);
  expect(input).toBeGreaterThan(0);
  const cost = (input * 1000 + output * 2000) / 1_000_000;
  await expect(figures.nth(4)).toHaveText(`$${cost.toFixed(4)}`);

  // The ledger rows of those calls carry the same cost (two columns, one price).
  const totals = await app.evaluate(async () => {
    const api = (
      window as unknown as {
        api: {
          getUsageReport(r: unknown): Promise<{
            ok: boolean;
            value: { byModel: { key: string; calls: number; cost: number | null }[] };
          }>;
        };
      }
    ).api;
    const report = await api.getUsageReport({ from: 0, to: Date.now() + 60_000 });
    return report.value.byModel.find((row) => row.key === 'gpt-4o-mini');
  });
  expect(totals?.calls).toBe(2);
  expect(totals?.cost).toBeCloseTo(2 * cost, 10);
});

/** Every figure's label and value inside its own cell, no two cells on top of each other. */
async function figureOverlaps(app: Page): Promise<string[]> {
  return app
    .getByRole('dialog', { name: 'Compare' })
    .locator('dl[aria-label="Figures"]')
    .evaluateAll((lists) => {
      const problems: string[] = [];
      const textBox = (element: Element) => {
        const range = document.createRange();
        range.selectNodeContents(element);
        return range.getBoundingClientRect();
      };
      lists.forEach((list, n) => {
        const row = list.getBoundingClientRect();
        const cells = [...list.children].map((cell) => cell.getBoundingClientRect());
        for (const element of list.querySelectorAll('dt, dd')) {
          const text = textBox(element);
          const cell = element.parentElement!.getBoundingClientRect();
          if (text.left < cell.left - 0.5 || text.right > cell.right + 0.5)
            problems.push(`column ${n + 1}: "${element.textContent}" runs out of its cell`);
          if (text.right > row.right + 0.5 || text.bottom > row.bottom + 0.5)
            problems.push(`column ${n + 1}: "${element.textContent}" runs out of the row`);
        }
        cells.forEach((a, i) =>
          cells.slice(i + 1).forEach((b, j) => {
            const apart =
              a.right <= b.left + 0.5 ||
              b.right <= a.left + 0.5 ||
              a.bottom <= b.top + 0.5 ||
              b.bottom <= a.top + 0.5;
            if (!apart) problems.push(`column ${n + 1}: cells ${i + 1} and ${i + j + 2} overlap`);
          }),
        );
      });
      return problems;
    });
}

test('Compare figures stay readable at 800 px with four columns, and at 1600 px', async ({
  app,
  emulator,
}, testInfo) => {
  await saveOneProfile(app, emulator);
  await app.setViewportSize({ width: 800, height: 600 });
  await runCompare(app, 4, 'Explain rate limiting [answer=markdown-demo rate=0]');
  const dialog = app.getByRole('dialog', { name: 'Compare' });
  await expect(dialog.locator('dl[aria-label="Figures"]')).toHaveCount(4);
  await expect(dialog.getByRole('definition').nth(4)).toHaveText(/^\$/);
  expect(await figureOverlaps(app)).toEqual([]);
  // The Continue button stays on screen, inside the dialog.
  const lastButton = dialog.getByRole('button', { name: 'Continue as conversation' }).last();
  const box = (await lastButton.boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(600);
  await app.screenshot({ path: testInfo.outputPath('compare-800x600.png') });

  await app.setViewportSize({ width: 1600, height: 1000 });
  expect(await figureOverlaps(app)).toEqual([]);
  await app.screenshot({ path: testInfo.outputPath('compare-1600x1000.png') });
  await app.emulateMedia({ colorScheme: 'dark' });
  await app.screenshot({ path: testInfo.outputPath('compare-1600x1000-dark.png') });
});

test('Compare picks each column from the known models of every profile, or a typed id', async ({
  app,
  emulator,
}) => {
  const saved = await app.evaluate(
    async ({ url, origin }) => {
      const api = (
        window as unknown as { api: { saveProfile(r: unknown): Promise<{ ok: boolean }> } }
      ).api;
      const a = await api.saveProfile({
        profile: { name: 'Emulator OpenAI', type: 'openai', baseUrl: url, defaultModel: 'emu-1' },
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
  await expect(dialog.getByRole('textbox', { name: /Model name/ })).toHaveCount(0);

  // The selector lists each server's models under its profile (fetched when it opens).
  await dialog.getByRole('button', { name: 'Model 2: emu-1 · Emulator OpenAI' }).click();
  const list = app.getByRole('listbox');
  await expect(
    list.getByRole('option', { name: 'claude-emu-2 · Emulator Anthropic' }),
  ).toBeVisible();
  await expect(list.getByRole('option', { name: 'emu-2 · Emulator OpenAI' })).toBeVisible();
  await expect(list.getByRole('group', { name: /Emulator Anthropic/ })).toBeVisible();
  await list.getByRole('option', { name: 'claude-emu-2 · Emulator Anthropic' }).click();
  await expect(
    dialog.getByRole('button', { name: 'Model 2: claude-emu-2 · Emulator Anthropic' }),
  ).toBeVisible();

  // A model id the server does not list can still be typed.
  await dialog.getByRole('button', { name: 'Add model' }).click();
  await pickLane(app, 3, 'emu-typed-7', 'Use emu-typed-7 · Emulator OpenAI');

  await dialog.getByLabel('Compare prompt').fill('Who answers? [tokens=8]');
  await dialog.getByRole('button', { name: 'Run' }).click();
  await expect(dialog.getByRole('article')).toHaveCount(3);
  await expect(
    dialog.getByRole('article', { name: 'Answer from claude-emu-2 · Emulator Anthropic' }),
  ).toContainText('You said: Who answers?');
  await expect(
    dialog.getByRole('article', { name: 'Answer from emu-typed-7 · Emulator OpenAI' }),
  ).toContainText('You said: Who answers?');
  const calls = emulator.requests.filter((r) => JSON.stringify(r.body).includes('Who answers?'));
  expect(calls.map((c) => `${c.path} ${(c.body as { model: string }).model}`).sort()).toEqual([
    '/v1/chat/completions emu-1',
    '/v1/chat/completions emu-typed-7',
    '/v1/messages claude-emu-2',
  ]);
});
