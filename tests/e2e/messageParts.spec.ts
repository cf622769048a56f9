import { test, expect } from './fixtures';

test('an answer with thinking shows its parts in order: the reasoning folded, then the answer, also after reopening', async ({
  app,
}) => {
  await app.getByRole('textbox', { name: 'Message' }).fill('Think first [tokens=12 reasoning=8]');
  await app.getByRole('button', { name: 'Send' }).click();
  const answer = app.getByRole('log').getByRole('article', { name: 'Assistant message' });
  await expect(app.getByRole('button', { name: 'Send' })).toBeVisible();
  const expectParts = async () => {
    const reasoning = answer.locator('details.reasoning');
    await expect(reasoning).toHaveCount(1);
    await expect(reasoning.locator('summary')).toHaveText('Reasoning');
    // Folded once the answer came; the thinking is there to open.
    await expect(reasoning).not.toHaveAttribute('open', '');
    await expect(answer).toContainText('You said: Think first.');
    // In order of arrival: the thinking part comes before the answer's text in the message.
    const order = await answer.evaluate((article) => {
      const details = article.querySelector('details.reasoning');
      const text = [...article.querySelectorAll('p')].find((p) =>
        p.textContent?.includes('You said'),
      );
      return details && text
        ? details.compareDocumentPosition(text) & Node.DOCUMENT_POSITION_FOLLOWING
        : 0;
    });
    expect(order).toBeTruthy();
  };
  await expectParts();
  await answer.locator('details.reasoning summary').click();
  await expect(answer.locator('details.reasoning')).toHaveAttribute('open', '');
  await app.screenshot({ path: test.info().outputPath('answer-with-reasoning.png') });

  await app.reload();
  await app
    .getByRole('list', { name: 'Conversations' })
    // Titled by the model by now ("You said: Think first"), provisionally by the question before.
    .getByRole('button', { name: /Think first/ })
    .click();
  await expectParts();
});
