import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

const articles = (app: Page) => app.getByRole('log').getByRole('article');
const users = (app: Page) => app.getByRole('article', { name: 'User message' });
const answers = (app: Page) => app.getByRole('article', { name: 'Assistant message' });

/** Sends a prompt in the chat on screen and waits for its whole answer (the model's name). */
async function ask(app: Page, prompt: string, count: number): Promise<void> {
  await app.getByRole('textbox', { name: 'Message' }).fill(`${prompt} [tokens=6 rate=0]`);
  await app.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(answers(app)).toHaveCount(count);
  await expect(answers(app).last()).toContainText('emu-1');
}

test('branches: branch at message 3 of 6, switch, fork, reload, all there', async ({ app }) => {
  await ask(app, 'Plan Porto', 1);
  await ask(app, 'Day two', 2);
  await ask(app, 'Where to eat', 3);
  await expect(articles(app)).toHaveCount(6);

  // Message 3 (the second question) edited: a new branch, with a follow-up of its own.
  const third = users(app).nth(1);
  await third.hover();
  await third.getByRole('button', { name: 'Edit' }).click();
  await third
    .getByRole('textbox', { name: 'Edit message' })
    .fill('Lisbon instead [tokens=6 rate=0]');
  await third.getByRole('button', { name: 'Save and send' }).click();
  await expect(articles(app)).toHaveCount(4);
  await expect(answers(app).last()).toContainText('emu-1');
  await ask(app, 'Is it hilly', 3);
  await expect(users(app).nth(1).getByLabel('Version 2 of 2')).toBeVisible();

  // ‹ back to the first version: its branch comes back whole (all six), and › the second whole.
  await users(app).nth(1).getByRole('button', { name: 'Previous version' }).click();
  await expect(articles(app)).toHaveCount(6);
  await expect(users(app).nth(1)).toContainText('Day two');
  await expect(users(app).last()).toContainText('Where to eat');
  await users(app).nth(1).getByRole('button', { name: 'Next version' }).click();
  await expect(articles(app)).toHaveCount(6);
  await expect(users(app).last()).toContainText('Is it hilly');
  await users(app).nth(1).getByRole('button', { name: 'Previous version' }).click();
  await expect(users(app).last()).toContainText('Where to eat');
  await app.screenshot({ path: test.info().outputPath('branch-switched.png') });

  // Fork from the answer to "Day two" (message 4): a new conversation with the four messages.
  const fourth = answers(app).nth(1);
  await fourth.hover();
  await fourth.getByRole('button', { name: 'Fork from here' }).click();
  const link = app.getByRole('button', { name: /^Forked from “/ });
  await expect(link).toBeVisible();
  await expect(articles(app)).toHaveCount(4);
  await expect(users(app).last()).toContainText('Day two');
  await ask(app, 'Only in the fork', 3);
  await app.screenshot({ path: test.info().outputPath('fork.png') });

  // Reload: the fork is still there (with its own follow-up), and its link opens the source
  // on the branch that was shown when it was left.
  await app.reload();
  const sidebar = app.getByRole('complementary', { name: 'Conversations sidebar' });
  await expect(sidebar.getByRole('listitem')).toHaveCount(2);
  await sidebar
    .getByRole('listitem')
    .filter({ hasText: '(fork)' })
    .getByRole('button')
    .first()
    .click();
  await expect(articles(app)).toHaveCount(6);
  await expect(users(app).last()).toContainText('Only in the fork');
  await app.getByRole('button', { name: /^Forked from “/ }).click();
  await expect(app.getByRole('button', { name: /^Forked from “/ })).toHaveCount(0);
  await expect(articles(app)).toHaveCount(6);
  await expect(users(app).nth(1)).toContainText('Day two');
  await expect(users(app).nth(1).getByLabel('Version 1 of 2')).toBeVisible();
  await expect(users(app).last()).toContainText('Where to eat');
  await users(app).nth(1).getByRole('button', { name: 'Next version' }).click();
  await expect(users(app).last()).toContainText('Is it hilly');
});

/** gpt-4: a model with a known, small window (8,192 tokens) and its own tokenizer. */
const smallWindow = test.extend({
  providerEnv: async ({ emulator }, use) => {
    await use({
      OPENAI_BASE_URL: emulator.url,
      OPENAI_API_KEY: 'sk-e2e-test-key-0000',
      SWITCHBOARD_MODEL: 'gpt-4',
    });
  },
});

/** About 3,000 tokens of distinct words. */
const big = (tag: string) =>
  Array.from({ length: 1500 }, (_, i) => `${tag}${i} word`).join(' ') + ' [tokens=4 rate=0]';

/** Scrolls the (virtualized) list to its top, where the conversation's first question is. */
async function expectFirstQuestion(app: Page, text: string): Promise<void> {
  await app.getByRole('log').evaluate((log) => {
    for (let el: Element | null = log; el; el = el.parentElement) el.scrollTop = 0;
  });
  await expect(users(app).first()).toContainText(text);
}

/** Two large exchanges, then a large draft: the next request would not fit in 8,192 tokens. */
async function fillWindow(app: Page): Promise<void> {
  await app.getByRole('button', { name: 'New conversation' }).click();
  for (const [index, tag] of ['one', 'two'].entries()) {
    await app.getByRole('textbox', { name: 'Message' }).fill(big(tag));
    await app.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(answers(app)).toHaveCount(index + 1);
    await expect(answers(app).last()).toContainText('gpt-4');
  }
  await expect(app.getByRole('status', { name: 'Context used' })).toContainText('/ 8,192 tokens');
  await app.getByRole('textbox', { name: 'Message' }).fill(big('three'));
  await expect(app.getByRole('alert', { name: 'Context window full' })).toBeVisible();
  await expect(app.getByRole('button', { name: 'Send', exact: true })).toBeDisabled();
}

smallWindow(
  'context window: the meter warns before an overflow; summarize, then recent-only',
  async ({ app, emulator }) => {
    await app.getByRole('textbox', { name: 'Message' }).fill('Hello');
    await expect(app.getByRole('status', { name: 'Context used' })).toHaveText(
      /^\d+ \/ 8,192 tokens \(0%\)$/,
    );

    await fillWindow(app);
    await app.screenshot({ path: test.info().outputPath('context-warning.png') });
    await app.getByRole('button', { name: 'Summarize the older part' }).click();
    const summary = app.getByRole('article', { name: 'Summary message' });
    await expect(summary).toBeVisible();
    await expect(app.getByRole('alert', { name: 'Context window full' })).toHaveCount(0);
    // Editable: the person's words are what the model reads.
    await summary.getByRole('button', { name: 'Edit summary' }).click();
    await summary
      .getByRole('textbox', { name: 'Edit message' })
      .fill('We counted words one and two.');
    await summary.getByRole('button', { name: 'Save summary' }).click();
    await expect(summary).toContainText('We counted words one and two.');
    await summary.screenshot({ path: test.info().outputPath('summary-card.png') });
    await app.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(answers(app)).toHaveCount(3);
    await expect(answers(app).last()).toContainText('gpt-4');
    await app.screenshot({ path: test.info().outputPath('context-summary.png') });
    const sent = emulator.requests.at(-1)!.body as {
      messages: { role: string; content: string }[];
    };
    expect(sent.messages[0]!.content).toContain('We counted words one and two.');
    expect(JSON.stringify(sent.messages)).not.toContain('one0 word');
    // Nothing was dropped from the conversation: the first message is still shown at the top.
    await expectFirstQuestion(app, 'one0 word');

    await fillWindow(app);
    await app.getByRole('button', { name: 'Send only the recent messages' }).click();
    await expect(app.getByText(/Sending the newest \d of 4 messages/)).toBeVisible();
    await app.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(answers(app)).toHaveCount(3);
    await expect(answers(app).last()).toContainText('gpt-4');
    const recent = emulator.requests
      .map((r) => r.body as { messages?: { role: string; content: string }[] })
      .filter((b) => JSON.stringify(b.messages ?? []).includes('three0 word'))
      .at(-1)!;
    expect(recent.messages![0]!.role).toBe('user');
    expect(JSON.stringify(recent.messages)).not.toContain('one0 word');
    await expectFirstQuestion(app, 'one0 word');
  },
);

test('presets: a default preset for a new conversation; a `/` prompt with a variable', async ({
  app,
  emulator,
}) => {
  await app.getByRole('button', { name: 'Presets' }).click();
  const dialog = app.getByRole('dialog', { name: 'Presets' });
  await dialog.getByRole('button', { name: 'New preset from this chat’s settings' }).click();
  const form = dialog.getByRole('form', { name: 'Preset' });
  await form.getByLabel('Name').fill('Pirate');
  await form.getByLabel('System prompt').fill('Talk like a pirate.');
  await form.getByLabel('Temperature').fill('0.4');
  await form.getByRole('button', { name: 'Save preset' }).click();
  await expect(dialog.getByRole('list', { name: 'Presets' })).toContainText('Pirate');
  await dialog.getByRole('radio', { name: 'Default' }).first().click();
  await expect(dialog.getByRole('radio', { name: 'Default' }).first()).toBeChecked();
  await dialog.getByRole('button', { name: 'Duplicate' }).click();
  await expect(dialog.getByRole('list', { name: 'Presets' })).toContainText('Pirate (copy)');
  await dialog.getByRole('button', { name: 'Delete preset Pirate (copy)' }).click();
  await expect(dialog.getByRole('list', { name: 'Presets' }).getByRole('listitem')).toHaveCount(1);
  await dialog.getByLabel('Prompt name').fill('Translate');
  await dialog
    .getByLabel('Prompt text')
    .fill('Translate {{phrase}} into {{language}} on {{date}}.');
  await dialog.getByRole('button', { name: 'Add prompt' }).click();
  await expect(dialog.getByRole('region', { name: 'Prompt library' })).toContainText('Translate');
  await app.screenshot({ path: test.info().outputPath('presets.png') });
  await dialog.getByRole('button', { name: 'Done' }).click();

  // A new conversation starts from the default preset: its prompt is what is sent.
  await app.getByRole('button', { name: 'New conversation' }).click();
  await expect(app.getByRole('combobox', { name: 'Preset' })).toHaveValue(/.+/);
  await expect(app.getByRole('textbox', { name: 'System prompt' })).toHaveValue(
    'Talk like a pirate.',
  );
  await ask(app, 'Ahoy', 1);
  type Body = { messages: { role: string; content: string }[]; temperature?: number };
  const body = emulator.requests
    .map((r) => r.body as Body)
    .find((b) => {
      const text = JSON.stringify(b.messages ?? []);
      return text.includes('Ahoy') && !text.includes('You name conversations');
    })!;
  expect(body.messages[0]).toEqual({ role: 'system', content: 'Talk like a pirate.' });
  expect(body.temperature).toBe(0.4);

  // `/` opens the saved prompts, fuzzy-matched; a custom variable is asked for on insert.
  const box = app.getByRole('textbox', { name: 'Message' });
  await box.fill('/trl');
  await expect(app.getByRole('listbox', { name: 'Saved prompts' })).toContainText('Translate');
  await box.press('Enter');
  const fill = app.getByRole('form', { name: 'Fill in “Translate”' });
  await fill.getByLabel('phrase').fill('good morning');
  await fill.getByLabel('language').fill('French');
  await app.screenshot({ path: test.info().outputPath('prompt-variables.png') });
  await fill.getByRole('button', { name: 'Insert' }).click();
  const today = new Date().toISOString().slice(0, 10);
  await expect(box).toHaveValue(`Translate good morning into French on ${today}.`);
});
