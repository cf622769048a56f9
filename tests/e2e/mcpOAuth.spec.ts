import AxeBuilder from '@axe-core/playwright';
import { startOAuthMcpServer, type OAuthTestServer } from '../mcp/oauthServer';
import { test, expect } from './fixtures';

let server: OAuthTestServer;
test.beforeAll(async () => {
  server = await startOAuthMcpServer();
});
test.afterAll(async () => {
  await server.close();
});

test('an OAuth MCP server added in Settings needs sign-in, signs in, and shows its tools', async ({
  app,
}, testInfo) => {
  // The Electron shell would hand the URL to the OS browser; the harness only links it.
  const reason = 'the sign-in URL is followed by the test in the harness (no OS browser here)';
  if (testInfo.project.name === 'electron') console.log(`[mcpOAuth e2e] skipped: ${reason}`);
  test.skip(testInfo.project.name === 'electron', reason);

  await app.getByRole('button', { name: 'Settings' }).click();
  await app.getByRole('button', { name: 'Tools', exact: true }).click();
  const form = app.getByRole('form', { name: 'Add a tool server' });
  await form.getByLabel('Name', { exact: true }).fill('docs');
  await form.getByLabel('Transport').selectOption('http');
  await form.getByLabel('URL', { exact: true }).fill(server.url);
  await form.getByRole('button', { name: 'Add server' }).click();
  const card = app.getByRole('listitem', { name: 'Tool server docs' });
  await card.getByRole('button', { name: 'Start' }).click();
  await expect(card.getByText('needs sign-in', { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(card).toContainText('This server asks you to sign in');
  await app.screenshot({ path: testInfo.outputPath('oauth-needs-sign-in.png') });
  const axe = await new AxeBuilder({ page: app })
    .include('[aria-label="Tool server docs"]')
    .analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => v.id)).toEqual([]);

  await card.getByRole('button', { name: 'Sign in' }).click();
  const link = card.getByRole('link', { name: 'Open the sign-in page' });
  await expect(link).toBeVisible({ timeout: 20_000 });
  await expect(card.getByText('signing in', { exact: true })).toBeVisible();
  await app.screenshot({ path: testInfo.outputPath('oauth-signing-in.png') });
  // The person's browser: the authorization URL, redirected to the app's loopback listener.
  const page = await fetch((await link.getAttribute('href'))!, { redirect: 'follow' });
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('You can close this tab');

  await expect(card.getByText('ready', { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(card.getByRole('list', { name: 'Tools of docs' })).toContainText(
    'Says back what it was given.',
  );
  await expect(card.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await app.screenshot({ path: testInfo.outputPath('oauth-ready.png') });
  // The token went to the server, never to the page.
  const token = server.seenAuthorization.at(-1)?.replace('Bearer ', '') ?? '';
  expect(token).toMatch(/^[0-9a-f]{32}$/);
  expect(await app.content()).not.toContain(token);

  await card.getByRole('button', { name: 'Sign out' }).click();
  await expect(card.getByText('needs sign-in', { exact: true })).toBeVisible();
  await expect(card.getByRole('button', { name: 'Sign in' })).toBeVisible();
});
