import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** A question long enough that its title is one line; the directives choose what comes back. */
const question = 'Think first, then say which of the two plans costs less to run';

/**
 * Asks the chat on screen a question whose answer streams with reasoning, waits for it to end,
 * and opens its folded reasoning: the reasoning is one block above the text, as the emulator's
 * dialects send it for every provider.
 */
export async function askAndOpenReasoning(page: Page, directives: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Message' }).fill(`${question} [${directives}]`);
  await page.getByRole('button', { name: 'Send' }).click();
  const answer = page.getByRole('log').getByRole('article', { name: 'Assistant message' });
  await expect(answer).toContainText('You said: Think first, then say');
  await expect(page.getByRole('button', { name: 'Send' })).toBeVisible();
  const reasoning = answer.locator('details.reasoning');
  await expect(reasoning).toHaveCount(1);
  await reasoning.locator('summary').click();
  await expect(reasoning).toContainText('First I consider what was asked');
}
