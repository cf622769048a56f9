import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { test, expect } from './fixtures';

const run = promisify(execFile);

/** The answer text in what curl printed: a JSON body or an OpenAI event stream. */
function answerIn(raw: string): string {
  if (!raw.includes('data:')) {
    return (JSON.parse(raw) as { choices: { message: { content: string } }[] }).choices[0]!.message
      .content;
  }
  return raw
    .split('\n')
    .filter((line) => line.startsWith('data:') && !line.includes('[DONE]'))
    .map(
      (line) =>
        (JSON.parse(line.slice(5)) as { choices: { delta?: { content?: string } }[] }).choices[0]
          ?.delta?.content ?? '',
    )
    .join('');
}

test('the inspector shows a streamed and a non-streamed answer, and its cURL gives the same answer', async ({
  app,
  providerEnv,
}, testInfo) => {
  await app.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const message = app.getByRole('textbox', { name: 'Message' });
  const answers = app.getByRole('log').getByRole('article', { name: 'Assistant message' });

  await message.fill('Stream this one [tokens=8]');
  await message.press('Enter');
  await expect(answers.first()).toContainText('first token');

  await answers.first().hover();
  await answers.first().screenshot({ path: testInfo.outputPath('answer-actions.png') });
  await answers.first().getByRole('button', { name: 'Inspect' }).click();
  const dialog = app.getByRole('dialog', { name: 'Inspector' });
  await expect(dialog).toContainText('streamed');
  await expect(dialog.getByRole('region', { name: 'Request' })).toContainText('POST');
  await expect(dialog.getByRole('table', { name: 'Request headers' })).toContainText(
    'Bearer [redacted]',
  );
  await expect(dialog).not.toContainText(providerEnv.OPENAI_API_KEY!);
  await expect(dialog.getByRole('list', { name: 'Stream events' })).toContainText('[DONE]');
  await expect(dialog.getByLabel('Time to first token')).toContainText(/\d+ ms/);
  await app.screenshot({ path: testInfo.outputPath('inspector-streamed.png') });

  await dialog.getByRole('button', { name: 'Copy as cURL' }).click();
  await expect(dialog.getByRole('status')).toHaveText('cURL copied');
  const streamedCurl = await app.evaluate(() => navigator.clipboard.readText());
  expect(streamedCurl).toContain('$OPENAI_API_KEY');
  expect(streamedCurl).not.toContain(providerEnv.OPENAI_API_KEY!);
  const streamedOut = await run('sh', ['-c', streamedCurl], {
    env: { PATH: process.env.PATH, OPENAI_API_KEY: providerEnv.OPENAI_API_KEY },
  });
  await dialog.getByRole('button', { name: 'Copy JSON' }).click();
  const json = JSON.parse(await app.evaluate(() => navigator.clipboard.readText())) as {
    stream: boolean;
    attempts: { events: { data: string }[] }[];
  };
  expect(json.stream).toBe(true);
  // The same answer: the text curl streamed is the text of the captured events, delta by delta.
  const captured = json.attempts[0]!.events.map((e) => `data: ${e.data}`).join('\n');
  const again = answerIn(streamedOut.stdout);
  expect(again).toBe(answerIn(captured));
  await expect(answers.first()).toContainText(again.split('\n')[0]!);
  await dialog.getByRole('button', { name: 'Close inspector' }).click();

  // The stream switch: off for this conversation, the next answer is one plain response.
  await app.getByRole('checkbox', { name: 'Stream' }).uncheck();
  await message.fill('Plain one [tokens=8]');
  await message.press('Enter');
  await expect(answers).toHaveCount(2);
  // A plain response has no first token: the footer says how long the whole answer took.
  await expect(answers.nth(1)).toContainText('answered in');
  await expect(answers.nth(1)).not.toContainText('first token');
  await answers.nth(1).getByRole('button', { name: 'Inspect' }).click();
  await expect(dialog).toContainText('not streamed');
  await expect(dialog.getByRole('region', { name: 'Response' })).toContainText('"choices"');
  await expect(dialog.getByRole('list', { name: 'Stream events' })).toHaveCount(0);
  await app.screenshot({ path: testInfo.outputPath('inspector-plain.png') });

  await dialog.getByRole('button', { name: 'Copy as cURL' }).click();
  await expect(dialog.getByRole('status')).toHaveText('cURL copied');
  const plainCurl = await app.evaluate(() => navigator.clipboard.readText());
  const plainOut = await run('sh', ['-c', plainCurl], {
    env: { PATH: process.env.PATH, OPENAI_API_KEY: providerEnv.OPENAI_API_KEY },
  });
  const shown = JSON.parse(
    (await dialog.getByLabel('Response body').innerText()).replace(/\n… \(cut.*$/, ''),
  ) as { choices: { message: { content: string } }[] };
  expect(answerIn(plainOut.stdout)).toBe(shown.choices[0]!.message.content);

  // Capture off: the next answer leaves nothing behind, and the inspector says why.
  await dialog.getByLabel('Keep exchanges for days').fill('7');
  await dialog.getByLabel('Keep exchanges for days').blur();
  await dialog.getByRole('checkbox', { name: 'Capture exchanges' }).uncheck();
  await dialog.getByRole('button', { name: 'Close inspector' }).click();
  await message.fill('Not captured [tokens=3]');
  await message.press('Enter');
  await expect(answers).toHaveCount(3);
  await expect(answers.nth(2)).toContainText('answered in');
  await answers.nth(2).getByRole('button', { name: 'Inspect' }).click();
  await expect(dialog).toContainText('Nothing was captured for this answer: capture is off.');
  await expect(dialog.getByLabel('Keep exchanges for days')).toHaveValue('7');
});
