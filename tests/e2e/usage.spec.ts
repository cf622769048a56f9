import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { cacheSavingsOf, costOf, findPrice } from '../../src/shared/pricing';
import { startHarnessProcess } from '../support/harnessProcess';
import { expect, test } from './fixtures';
import { reportedUsage, type Reported } from './reportedUsage';

const shots = join(import.meta.dirname, '../../test-results/screenshots');
const sidebar = (app: Page) => app.getByRole('complementary', { name: 'Conversations sidebar' });

async function chat(app: Page, prompt: string): Promise<void> {
  await app.getByRole('button', { name: 'New conversation' }).click();
  await app.getByRole('textbox', { name: 'Message' }).fill(prompt);
  await app.getByRole('button', { name: 'Send' }).click();
  await expect(app.getByRole('article', { name: 'Assistant message' }).last()).toContainText(
    'You said',
  );
  await expect(app.getByRole('button', { name: 'Send' })).toBeVisible();
}

test('usage: two profiles, a deleted chat still counted, totals equal what the emulator reported', async ({
  page,
  emulator,
}, testInfo) => {
  testInfo.setTimeout(90_000);
  // Two profiles that need no key (the emulator takes none), so no keychain is involved.
  const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-usage-e2e-'));
  writeFileSync(
    join(dataDir, 'config.json'),
    JSON.stringify({
      firstRunDone: true,
      defaultProfileId: 'oa',
      profiles: [
        {
          id: 'oa',
          name: 'OpenAI emu',
          type: 'openai',
          baseUrl: emulator.url,
          defaultModel: 'gpt-4o-mini',
          headers: [],
          authMethod: 'none',
        },
        {
          id: 'an',
          name: 'Anthropic emu',
          type: 'anthropic',
          baseUrl: emulator.origin,
          defaultModel: 'claude-haiku-4-5',
          headers: [],
          authMethod: 'none',
        },
      ],
    }),
  );
  const harness = await startHarnessProcess({
    dataDir,
    env: { SWITCHBOARD_KEYCHAIN_SERVICE: `Switchboard-e2e-${randomBytes(4).toString('hex')}` },
  });
  try {
    await page.setViewportSize({ width: 1200, height: 860 });
    await page.goto(harness.url);

    await chat(
      page,
      'Tell me everything you know about apples, their history and their uses [tokens=1]',
    );
    await chat(
      page,
      'Tell me everything you know about bananas, their history and their uses [tokens=1 cached=120]',
    );
    await page.getByRole('button', { name: 'Settings' }).click();
    await page
      .getByRole('navigation', { name: 'Profiles' })
      .getByRole('button', { name: /Anthropic emu/ })
      .click();
    await page.getByRole('button', { name: 'Set as default' }).click();
    await page.getByRole('button', { name: 'Close settings' }).click();
    // A new chat on the new default: what the header shows is what the person sends with.
    await page.getByRole('button', { name: 'New conversation' }).click();
    await expect(page.getByRole('button', { name: /^Model: claude-haiku-4-5/ })).toBeVisible();
    await chat(
      page,
      'Tell me everything you know about cherries, their history and their uses [tokens=1 cached=300 cache_write=200]',
    );

    // Three answers and three background titles, every one finished.
    const calls = () => emulator.requests.filter((r) => r.method === 'POST');
    await expect.poll(() => calls().filter((r) => r.closedAt !== undefined).length).toBe(6);
    await expect(sidebar(page).getByRole('listitem')).toHaveCount(3);

    // Delete the first conversation (apples): its calls stay counted.
    const apples = sidebar(page).getByRole('listitem').last();
    await apples.hover();
    await apples.getByRole('button', { name: 'Delete' }).click();
    await expect(sidebar(page).getByRole('listitem')).toHaveCount(2);

    // `tokens=1` answers are one line (an echo of the prompt's first 60 characters), for the
    // title calls too (the directive rides along in the title prompt, whose first 60 characters
    // are the question): no title is stopped at its first line before the emulator sends usage,
    // so every figure is the provider's and the sums must match to the token and the cent.
    const whole = calls().filter((r) => r.completed);
    expect(whole).toHaveLength(6);
    const reported = whole.map(reportedUsage);
    const sum = (pick: (r: Reported) => number) => reported.reduce((n, r) => n + pick(r), 0);
    const usageOf = (r: Reported) => ({
      inputTokens: r.input,
      cachedInputTokens: r.cached,
      cacheWriteTokens: r.written,
      outputTokens: r.output,
    });
    const reportedCost = reported.reduce(
      (n, r) => n + (costOf(usageOf(r), findPrice(r.model)) ?? 0),
      0,
    );
    const reportedSavings = reported.reduce(
      (n, r) => n + (cacheSavingsOf(usageOf(r), findPrice(r.model)) ?? 0),
      0,
    );
    expect(new Set(reported.map((r) => r.model))).toEqual(
      new Set(['gpt-4o-mini', 'claude-haiku-4-5']),
    );

    await page.getByRole('button', { name: 'Usage', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Usage' });
    await expect(dialog.getByTestId('total-Calls')).toHaveText('6');
    const number = async (testId: string) =>
      Number((await dialog.getByTestId(testId).innerText()).replace(/,/g, ''));
    const estimatedIn = async () =>
      Number(
        /([\d,]+) estimated/
          .exec(await dialog.getByText(/cached/).innerText())?.[1]
          ?.replace(/,/g, '') ?? 0,
      );
    const estimatedOut = async () =>
      Number(
        /([\d,]+) estimated/
          .exec(
            await dialog
              .getByText(/reasoning/)
              .first()
              .innerText(),
          )?.[1]
          ?.replace(/,/g, '') ?? 0,
      );
    expect((await number('total-Input tokens')) - (await estimatedIn())).toBe(sum((r) => r.input));
    expect((await number('total-Output tokens')) - (await estimatedOut())).toBe(
      sum((r) => r.output),
    );
    await expect(
      dialog.getByText(`${sum((r) => r.cached).toLocaleString('en-US')} cached`),
    ).toBeVisible();
    expect(await estimatedIn()).toBe(0);
    await expect(dialog.getByTestId('total-Cost')).toHaveText(`$${reportedCost.toFixed(4)}`);
    // Prompt caching: reads, writes (the Anthropic chat and its title wrote 200 each) and savings.
    expect(sum((r) => r.written)).toBe(400);
    await expect(dialog.getByTestId('cache-savings')).toHaveText(
      `Prompt caching: ${sum((r) => r.cached).toLocaleString('en-US')} tokens read from a cache, ` +
        `400 written to one; saved $${reportedSavings.toFixed(reportedSavings < 0.01 ? 4 : 2)}.`,
    );
    const shownCost = reportedCost;

    const table = dialog.getByRole('table', { name: 'Usage by model' });
    await expect(table.getByRole('row')).toHaveCount(3);
    await expect(table).toContainText('gpt-4o-mini');
    await expect(table).toContainText('claude-haiku-4-5');
    // Headroom from the last rate-limit headers of each profile's provider.
    const limits = dialog.getByRole('list', { name: 'Rate limits' });
    await expect(limits).toContainText('OpenAI emu');
    await expect(limits).toContainText('Requests: 9,999 of 10,000 left');
    await expect(limits).toContainText('Anthropic emu');
    await expect(limits).toContainText('Requests: 3,999 of 4,000 left');

    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, 'usage-screen.png') });

    // The CSV's total line carries the same figures.
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export CSV' }).click();
    const csv = readFileSync(await (await download).path(), 'utf8');
    const total = csv.trimEnd().split('\r\n').at(-1)!.split(',');
    expect(total.slice(0, 3)).toEqual(['total', 'all', '6']);
    expect(Number(total[3]) - Number(total[9])).toBe(sum((r) => r.input));
    expect(Number(total[5]) - Number(total[10])).toBe(sum((r) => r.output));
    expect(Number(total[7]).toFixed(4)).toBe(shownCost.toFixed(4));
    expect(total.slice(12, 14).map(Number)).toEqual([400, Number(reportedSavings.toFixed(6))]);
    // No web searches here: none counted, their fee unknown (an empty cell, never 0).
    expect(total.slice(14)).toEqual(['0', '', '0']);
  } finally {
    await harness.stop();
  }
});

test('usage: a model without a price costs "—"; a price added in Settings › Prices applies to the next calls', async ({
  app,
}) => {
  const send = async (prompt: string) => {
    await app.getByRole('textbox', { name: 'Message' }).fill(prompt);
    await app.getByRole('button', { name: 'Send' }).click();
    await expect(app.getByRole('article', { name: 'Assistant message' }).last()).toContainText(
      'emu-1',
    );
    await expect(app.getByRole('button', { name: 'Send' })).toBeVisible();
  };
  const usage = app.getByRole('dialog', { name: 'Usage' });
  await send('Price me [tokens=10]');
  await app.getByRole('button', { name: 'Usage', exact: true }).click();
  await expect(usage.getByTestId('total-Cost')).toHaveText('—');
  await usage.getByRole('button', { name: 'Close usage' }).click();

  await app.getByRole('button', { name: 'Settings' }).click();
  await app.getByRole('button', { name: 'Prices' }).click();
  const prices = app.getByRole('form', { name: 'Add a price' });
  await prices.getByLabel('Model id').fill('emu-1');
  await prices.getByLabel('New input price').fill('1000');
  await prices.getByLabel('New output price').fill('2000');
  await prices.getByLabel('New cache write price').fill('1500');
  await prices.getByRole('button', { name: 'Add price' }).click();
  await expect(app.getByRole('table', { name: 'Prices' })).toContainText('emu-1');
  // Main kept the write price (it came back in the list), and a blank cached price means input.
  await expect(app.getByLabel('emu-1 cache write price')).toHaveValue('1500');
  await expect(app.getByLabel('emu-1 cached price')).toHaveAttribute('placeholder', '= input');
  await expect(prices.getByLabel('Model id')).toHaveValue('');
  mkdirSync(shots, { recursive: true });
  await app.screenshot({ path: join(shots, 'settings-prices.png') });
  await app.getByRole('button', { name: 'Close settings' }).click();

  await app.getByRole('button', { name: 'New conversation' }).click();
  await send('Price me again [tokens=10 usage=none]');
  // The answer's own footer prices it with the same table and edit.
  await expect(
    app.getByRole('article', { name: 'Assistant message' }).last().locator('footer'),
  ).toContainText(/\$\d/);
  await app.getByRole('button', { name: 'Usage', exact: true }).click();
  // The first call stays unpriced (its cost was fixed when it was made); the new one is priced.
  await expect(usage.getByTestId('total-Cost')).toHaveText(/^\$\d+\.\d+ \+$/);
  await expect(usage.getByRole('table', { name: 'Usage by model' })).toContainText('est.');
});
