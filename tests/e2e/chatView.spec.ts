import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';

async function ask(app: Page, prompt: string) {
  await app.getByRole('textbox', { name: 'Message' }).fill(prompt);
  await app.getByRole('button', { name: 'Send' }).click();
}

const lastAnswer = (app: Page) => app.getByRole('article', { name: 'Assistant message' }).last();

test('markdown: a highlighted code block with language and copy, a GFM table, KaTeX math, safe links', async ({
  app,
}) => {
  // Electron grants clipboard access itself; a browser context needs the permission.
  await app
    .context()
    .grantPermissions(['clipboard-read', 'clipboard-write'])
    .catch(() => undefined);
  await ask(app, 'Demo [answer=markdown-demo rate=0]');
  const answer = lastAnswer(app);
  await expect(answer.getByText('emu-1')).toBeVisible();

  const code = answer.locator('.code-block');
  await expect(code.locator('.code-block-language')).toHaveText('typescript');
  // Highlighted once finished: highlight.js spans inside the code.
  await expect(code.locator('.hljs-keyword').first()).toBeVisible();
  await code.getByRole('button', { name: 'Copy code' }).click();
  await expect(code.getByRole('button', { name: 'Copy code' })).toHaveText('Copied');
  const copied = await app.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('export class TokenBucket {');
  expect(copied.startsWith('/** A token bucket')).toBe(true);

  await expect(answer.getByRole('table')).toBeVisible();
  await expect(answer.getByRole('columnheader', { name: 'Algorithm' })).toBeVisible();
  await expect(answer.getByRole('cell', { name: 'Sliding window counter' })).toBeVisible();
  await expect(answer.locator('.katex-display')).toHaveCount(1);
  expect(await answer.locator('.katex').count()).toBeGreaterThan(3);
  await expect(answer.getByRole('img', { name: 'Done', exact: true })).toHaveCount(2);
  await expect(answer.getByRole('img', { name: 'Not done', exact: true })).toHaveCount(1);

  const link = answer.getByRole('link', { name: 'the Wikipedia article' });
  await expect(link).toHaveAttribute('href', 'https://en.wikipedia.org/wiki/Token_bucket');
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');

  // Copy answer copies the markdown source.
  await answer.getByRole('button', { name: 'Copy answer' }).click();
  expect(await app.evaluate(() => navigator.clipboard.readText())).toContain(
    '| Token bucket | up to capacity |',
  );
});

test('model output cannot run: no script, iframe, handler or javascript: link survives', async ({
  app,
}) => {
  const dialogs: string[] = [];
  app.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await ask(app, 'Be evil [answer=xss rate=0]');
  const answer = lastAnswer(app);
  await expect(answer.getByText('Done.')).toBeVisible();
  await expect(answer.getByText('emu-1')).toBeVisible();
  // The raw HTML is shown as text, not parsed.
  await expect(answer).toContainText("<script>window.__xss = 'script'</script>");

  // Hover and click everything that could carry a handler or a javascript: URL.
  await answer.getByText('hover me').hover();
  // Unsafe links lose their URL and become plain text; clicking them does nothing.
  await expect(answer.getByRole('link', { name: 'a javascript link' })).toHaveCount(0);
  await answer.getByText('a javascript link').click();
  await answer.getByText('raw anchor').first().click();
  const log = app.getByRole('log');
  expect(await log.locator('script, iframe, object, embed').count()).toBe(0);
  const unsafe = await log.evaluate((root) => {
    const found: string[] = [];
    for (const element of root.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        if (/^on/i.test(attribute.name)) found.push(`${element.tagName} ${attribute.name}`);
        if (/^\s*(javascript|vbscript|data):/i.test(attribute.value))
          found.push(`${element.tagName} ${attribute.name}=${attribute.value}`);
      }
    }
    return found;
  });
  expect(unsafe).toEqual([]);
  expect(await app.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
});

test('the footer says what answered: model, tokens, first token, speed; a cut-off answer offers Continue', async ({
  app,
  emulator,
}) => {
  await ask(app, 'Short [tokens=60 rate=300]');
  const footer = lastAnswer(app).locator('footer');
  await expect(footer).toContainText('emu-1');
  await expect(footer).toContainText(/\d+ in · 60 out/);
  await expect(footer).toContainText(/first token \d+ ms/);
  await expect(footer).toContainText(/\d+ tok\/s/);
  await expect(footer.getByRole('button', { name: 'Continue' })).toHaveCount(0);

  await ask(app, 'Long [tokens=50 rate=0 finish=length]');
  const cut = lastAnswer(app);
  await expect(cut.locator('footer')).toContainText('Cut off at max tokens');
  const before = (await cut.innerText()).length;
  await cut.getByRole('button', { name: 'Continue' }).click();
  // Continue grows the same answer in place (the store keeps one message), then ends normally.
  await expect(app.getByRole('article', { name: 'Assistant message' })).toHaveCount(2);
  await expect(lastAnswer(app).locator('footer')).not.toContainText('Cut off at max tokens');
  await expect(lastAnswer(app).locator('footer')).toContainText('emu-1');
  expect((await lastAnswer(app).innerText()).length).toBeGreaterThan(before);
  const last = emulator.requests.filter((r) => r.path.endsWith('/chat/completions')).at(-1);
  const body = last?.body as { messages: { role: string; content: string }[] };
  expect(body.messages.at(-1)?.content).toMatch(/^Continue/);
});

test('auto-scroll follows the answer until the person scrolls up, then "Jump to latest" brings it back', async ({
  app,
}) => {
  await app.setViewportSize({ width: 900, height: 600 });
  await ask(app, 'Long story [tokens=3000 rate=120]');
  const log = app.getByRole('log');
  const distance = () => log.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight);
  await expect
    .poll(() => log.evaluate((el) => el.scrollHeight > el.clientHeight * 2), { timeout: 30_000 })
    .toBe(true);
  // Following: still at the bottom as text keeps arriving.
  expect(await distance()).toBeLessThan(60);
  await expect(app.getByRole('button', { name: 'Jump to latest' })).toHaveCount(0);

  await log.hover();
  await app.mouse.wheel(0, -400);
  const jump = app.getByRole('button', { name: 'Jump to latest' });
  await expect(jump).toBeVisible();
  const top = await log.evaluate((el) => el.scrollTop);
  await app.waitForTimeout(700);
  // Not dragged down while reading, though the answer grew meanwhile.
  expect(Math.abs((await log.evaluate((el) => el.scrollTop)) - top)).toBeLessThan(2);
  expect(await distance()).toBeGreaterThan(300);

  await jump.click();
  await expect(jump).toHaveCount(0);
  await app.waitForTimeout(300);
  expect(await distance()).toBeLessThan(60);
});

test('a long conversation is virtualized: only messages near the viewport are in the DOM', async ({
  app,
}) => {
  await app.setViewportSize({ width: 900, height: 600 });
  const box = app.getByRole('textbox', { name: 'Message' });
  for (let i = 1; i <= 15; i++) {
    await box.fill(`Question ${i} [tokens=30 rate=0]`);
    await box.press('Enter');
    await expect(app.getByRole('button', { name: 'Send' })).toBeVisible();
  }
  const inDom = await app.getByRole('article').count();
  expect(inDom).toBeLessThan(20);
  expect(inDom).toBeGreaterThan(0);
  await expect(lastAnswer(app)).toContainText('You said: Question 15.');
  // Scrolling to the top brings the first exchange back.
  await app.getByRole('log').evaluate((el) => (el.scrollTop = 0));
  await expect(app.getByRole('article', { name: 'User message' }).first()).toContainText(
    'Question 1 [',
  );
});

test('composer: Shift+Enter breaks the line, Enter sends, Esc stops', async ({ app }) => {
  const box = app.getByRole('textbox', { name: 'Message' });
  await box.fill('line one');
  await box.press('Shift+Enter');
  await box.pressSequentially('line two [tokens=2000 rate=50]');
  await expect(box).toHaveValue('line one\nline two [tokens=2000 rate=50]');
  await box.press('Enter');
  await expect(app.getByRole('article', { name: 'User message' })).toContainText(
    'line one\nline two',
  );
  await expect(app.getByRole('button', { name: 'Stop' })).toBeVisible();
  await expect(lastAnswer(app)).toContainText('You said');
  await box.press('Escape');
  await expect(app.getByRole('button', { name: 'Send' })).toBeVisible();
  await expect(lastAnswer(app).locator('footer')).toContainText('Stopped');
});

test('chat settings panel and header model selector are reachable and keep their values', async ({
  app,
}) => {
  const panel = app.getByRole('complementary', { name: 'Chat settings' });
  await expect(panel).toBeVisible();
  await panel.getByLabel('Temperature (0–2)').fill('0.7');
  await panel.getByLabel('Max tokens').fill('256');
  await panel.getByLabel('System prompt').fill('Be brief.');
  await app.getByRole('button', { name: 'Hide parameters' }).click();
  await expect(panel).toHaveCount(0);
  await app.getByRole('button', { name: /^Parameters/ }).click();
  await expect(panel.getByLabel('Temperature (0–2)')).toHaveValue('0.7');
  await expect(panel.getByLabel('Max tokens')).toHaveValue('256');
  await panel.getByRole('button', { name: 'Reset to defaults' }).click();
  await expect(panel.getByLabel('Max tokens')).toHaveValue('');
  await expect(panel.getByLabel('System prompt')).toHaveValue('');
  await app.getByRole('button', { name: /^Model:/ }).click();
  await app.getByRole('combobox', { name: 'Search models' }).fill('emu-2');
  await app.getByRole('option', { name: 'emu-2 · openai', exact: true }).click();
  await expect(app.getByRole('button', { name: 'Model: emu-2 · openai' })).toBeVisible();
});

test('theme: light, dark, system through the Theme menu, remembered after reload', async ({
  app,
}) => {
  await app.emulateMedia({ colorScheme: 'light' });
  await app.getByRole('button', { name: /^Theme:/ }).click();
  await app.getByRole('menuitemradio', { name: 'Dark' }).click();
  await expect(app.locator('html')).toHaveClass(/dark/);
  await app.reload();
  await expect(app.getByRole('button', { name: 'Theme: Dark' })).toBeVisible();
  await expect(app.locator('html')).toHaveClass(/dark/);
  await app.getByRole('button', { name: /^Theme:/ }).click();
  await app.getByRole('menuitemradio', { name: 'System' }).click();
  await expect(app.locator('html')).not.toHaveClass(/dark/);
  await app.emulateMedia({ colorScheme: 'dark' });
  await expect(app.locator('html')).toHaveClass(/dark/);
});

test('shortcuts: Ctrl+Shift+O starts a new conversation, Ctrl+. stops', async ({ app }) => {
  await ask(app, 'Go on [tokens=2000 rate=50]');
  await expect(lastAnswer(app)).toContainText('You said');
  await app.keyboard.press('Control+.');
  await expect(app.getByRole('button', { name: 'Send' })).toBeVisible();
  await app.keyboard.press('Control+Shift+O');
  await expect(app.getByRole('article')).toHaveCount(0);
  await expect(app.getByRole('textbox', { name: 'Message' })).toBeFocused();
});

test('actions: edit and resend, regenerate, delete', async ({ app }) => {
  // Edit, regenerate and delete act on the stored conversation (versions, branches) in main.
  await ask(app, 'Original [tokens=8 rate=0]');
  await expect(lastAnswer(app)).toContainText('emu-1');
  const user = app.getByRole('article', { name: 'User message' });
  await user.getByRole('button', { name: 'Edit' }).click();
  await user.getByRole('textbox', { name: 'Edit message' }).fill('Edited [tokens=8 rate=0]');
  await user.getByRole('button', { name: 'Save and send' }).click();
  await expect(user).toHaveCount(1);
  await expect(user).toContainText('Edited');
  await expect(lastAnswer(app)).toContainText('You said: Edited.');
  await expect(lastAnswer(app)).toContainText('emu-1');

  await lastAnswer(app).getByRole('button', { name: 'Regenerate' }).click();
  await expect(app.getByRole('article', { name: 'Assistant message' })).toHaveCount(1);
  await expect(lastAnswer(app)).toContainText('emu-1');

  // Regenerate kept the first answer as a version: deleting the newest shows the older again.
  await expect(lastAnswer(app).getByLabel('Version 2 of 2')).toBeVisible();
  await lastAnswer(app).getByRole('button', { name: 'Delete answer' }).click();
  await expect(app.getByRole('article', { name: 'Assistant message' })).toHaveCount(1);
  await expect(lastAnswer(app).getByLabel(/^Version/)).toHaveCount(0);
  await lastAnswer(app).getByRole('button', { name: 'Delete answer' }).click();
  await expect(app.getByRole('article', { name: 'Assistant message' })).toHaveCount(0);
  await expect(user).toHaveCount(1);
  // Deleted in main, not just hidden: a reload shows the same.
  await app.reload();
  await expect(app.getByRole('article', { name: 'User message' })).toHaveCount(1);
  await expect(app.getByRole('article', { name: 'Assistant message' })).toHaveCount(0);
});
