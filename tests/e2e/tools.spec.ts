import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { stdioServerScript } from '../support/mcpServers';
import { test, expect } from './fixtures';

/** Serious and critical axe-core violations, as accessibility.spec.ts reads them. */
async function seriousViolations(app: Page) {
  const results = await new AxeBuilder({ page: app }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('a tool server added in Settings answers a call the person approved, shown as a step, kept after reload', async ({
  app,
}, testInfo) => {
  await app.getByRole('button', { name: 'Settings' }).click();
  await app.getByRole('button', { name: 'Tools', exact: true }).click();
  const form = app.getByRole('form', { name: 'Add a tool server' });
  await form.getByLabel('Name', { exact: true }).fill('calc');
  await form.getByLabel('Command', { exact: true }).fill(process.execPath);
  await form.getByLabel('Arguments, one per line').fill(`--import\ntsx\n${stdioServerScript}`);
  await form.getByRole('button', { name: 'Add server' }).click();
  const server = app.getByRole('listitem', { name: 'Tool server calc' });
  await expect(server).toBeVisible();
  await server.getByRole('button', { name: 'Start' }).click();
  await expect(server.getByText('ready', { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(server.getByRole('list', { name: 'Tools of calc' })).toContainText(
    'Adds two numbers and says the sum.',
  );
  // The result limit is a setting, in thousands of characters (100 000 by default).
  const limit = app.getByLabel('Result limit');
  await expect(limit).toHaveValue('100');
  await limit.fill('50');
  await expect(limit).toHaveValue('50');
  await app.screenshot({ path: testInfo.outputPath('tools-settings.png') });
  expect(await seriousViolations(app), 'Settings › Tools').toEqual([]);
  await app.keyboard.press('Escape');

  await app
    .getByRole('textbox', { name: 'Message' })
    .fill('What is 2+40? [tool=add tool_args={"a":2,"b":40}]');
  await app.getByRole('button', { name: 'Send' }).click();
  const answer = app.getByRole('log').getByRole('article', { name: 'Assistant message' });
  const card = answer.getByRole('group', { name: 'Approve tool call calc__add' });
  await expect(card).toContainText('Run add on server calc?');
  await expect(card).toContainText('"a": 2');
  await app.screenshot({ path: testInfo.outputPath('tools-approval.png') });
  expect(await seriousViolations(app), 'approval card').toEqual([]);
  await card.getByRole('button', { name: 'Allow once' }).click();
  await expect(answer).toContainText('Tool said: The sum is 42.');
  await expect(card).toHaveCount(0);
  const step = answer.locator('details.tool-step');
  await expect(step).toContainText('calc__add');
  await expect(step).toContainText('done');
  await step.locator('summary').click();
  await expect(step).toContainText('The sum is 42.');
  await app.screenshot({ path: testInfo.outputPath('tools-step.png') });
  expect(await seriousViolations(app), 'open tool step').toEqual([]);

  await app.reload();
  await app
    .getByRole('list', { name: 'Conversations' })
    .getByRole('button', { name: /What is 2\+40\?/ })
    .click();
  const again = app.getByRole('log').getByRole('article', { name: 'Assistant message' });
  await expect(again).toContainText('Tool said: The sum is 42.');
  const kept = again.locator('details.tool-step');
  await expect(kept).toContainText('calc__add');
  await kept.locator('summary').click();
  await expect(kept).toContainText('The sum is 42.');
  await expect(kept).toContainText('"b": 40');

  // The inspector: each step its own exchange, the first with its call's MCP messages.
  await again.hover();
  await again.getByRole('button', { name: 'Inspect' }).click();
  const inspector = app.getByRole('dialog', { name: 'Inspector' });
  const stepPick = inspector.getByLabel('Step');
  await expect(stepPick).toContainText('Step 1 (tool calls: calc__add)');
  await expect(stepPick).toContainText('Step 2 (answer)');
  await stepPick.selectOption({ label: 'Step 1 (tool calls: calc__add)' });
  const mcp = inspector.getByRole('region', { name: 'MCP messages' });
  await expect(mcp).toContainText('"method": "tools/call"');
  await expect(mcp).toContainText('← received');
  await expect(mcp).toContainText('The sum is 42.');
  await app.screenshot({ path: testInfo.outputPath('tools-inspector.png') });
  expect(await seriousViolations(app), 'inspector with MCP messages').toEqual([]);
  await app.keyboard.press('Escape');

  // Turned off for this chat in its settings: the next question is answered without tools.
  const toggle = app.getByRole('button', { name: 'Parameters', exact: true });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  const panel = app.getByRole('complementary', { name: 'Chat settings' });
  const calc = panel.getByRole('checkbox', { name: /calc/ });
  await expect(calc).toBeChecked();
  await calc.uncheck();
  await expect(calc).not.toBeChecked();
  await app
    .getByRole('textbox', { name: 'Message' })
    .fill('And 1+1? [tool=add tool_args={"a":1,"b":1} tokens=4]');
  await app.getByRole('button', { name: 'Send' }).click();
  const last = app.getByRole('log').getByRole('article', { name: 'Assistant message' }).last();
  await expect(last).toContainText('You said: And 1+1?');
  await expect(last.locator('details.tool-step')).toHaveCount(0);
  await app.screenshot({ path: testInfo.outputPath('tools-off.png') });

  // A new chat's tools are chosen before it exists: off from its very first answer.
  await app.getByRole('button', { name: 'New conversation' }).click();
  const fresh = panel.getByRole('checkbox', { name: /calc/ });
  await expect(fresh).toBeEnabled();
  await expect(fresh).toBeChecked();
  await fresh.uncheck();
  await app
    .getByRole('textbox', { name: 'Message' })
    .fill('Fresh 2+2? [tool=add tool_args={"a":2,"b":2} tokens=4]');
  await app.getByRole('button', { name: 'Send' }).click();
  const first = app.getByRole('log').getByRole('article', { name: 'Assistant message' }).last();
  await expect(first).toContainText('You said: Fresh 2+2?');
  await expect(first.locator('details.tool-step')).toHaveCount(0);
  await expect(panel.getByRole('checkbox', { name: /calc/ })).not.toBeChecked();
});
