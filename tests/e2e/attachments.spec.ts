import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { pdfSaying } from '../support/attachmentFiles';
import { startHarnessProcess } from '../support/harnessProcess';
import { test, expect } from './fixtures';

/** Every attachment file in the data folder (attachments/ab/abcdef…). */
function storedFiles(dataDir: string): string[] {
  const root = join(dataDir, 'attachments');
  if (!existsSync(root)) return [];
  return readdirSync(root).flatMap((prefix) => readdirSync(join(root, prefix)));
}

/** Pastes a 300 × 200 PNG drawn on a canvas into the message box, as a screenshot tool would. */
async function pasteImage(app: Page): Promise<void> {
  await app.getByRole('textbox', { name: 'Message' }).evaluate(async (box) => {
    const canvas = document.createElement('canvas');
    canvas.width = 300;
    canvas.height = 200;
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#2563eb';
    context.fillRect(0, 0, 300, 200);
    context.fillStyle = '#fbbf24';
    context.fillRect(40, 40, 120, 80);
    const blob = await new Promise<Blob>((done) => canvas.toBlob((b) => done(b!), 'image/png'));
    const data = new DataTransfer();
    data.items.add(new File([blob], 'image.png', { type: 'image/png' }));
    box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  });
}

/** Drops files onto the chat, as from the file manager. */
async function dropFiles(app: Page, files: { name: string; type: string; bytes: number[] }[]) {
  await app.getByRole('textbox', { name: 'Message' }).evaluate((target, list) => {
    const data = new DataTransfer();
    for (const file of list)
      data.items.add(new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
    target.dispatchEvent(
      new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }),
    );
    target.dispatchEvent(
      new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }),
    );
  }, files);
}

test('attachments: paste an image, drop a PDF and a text file, send, open full size, reload, regenerate', async ({
  app,
  emulator,
  harness,
}, testInfo) => {
  await pasteImage(app);
  await dropFiles(app, [
    { name: 'paper.pdf', type: 'application/pdf', bytes: [...pdfSaying('Hello from the PDF')] },
    { name: 'notes.md', type: 'text/markdown', bytes: [...Buffer.from('# Notes\n- one\n- two\n')] },
  ]);
  const chips = app.getByRole('list', { name: 'Attachments' });
  await expect(chips.getByRole('listitem')).toHaveCount(3);
  await expect(
    chips.getByRole('listitem', { name: /^pasted-image-\d{8}-\d{6}\.png$/ }),
  ).toContainText('image');
  await expect(chips.getByRole('listitem', { name: 'paper.pdf' })).toContainText('sent as PDF');
  await expect(chips.getByRole('listitem', { name: 'notes.md' })).toContainText('sent as text');
  // A binary file no provider takes: its chip says so, and it can be removed.
  await dropFiles(app, [
    {
      name: 'tool.exe',
      type: 'application/octet-stream',
      bytes: [0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0],
    },
  ]);
  const refused = chips.getByRole('listitem', { name: 'tool.exe' });
  await expect(refused).toContainText(
    'Switchboard can attach images (PNG, JPEG, WebP, GIF), PDFs and text',
  );
  await app.locator('form').screenshot({ path: testInfo.outputPath('composer-refused.png') });
  await refused.getByRole('button', { name: 'Remove tool.exe' }).click();
  await expect(chips.getByRole('listitem')).toHaveCount(3);
  await app.getByRole('textbox', { name: 'Message' }).fill('What do these say? [tokens=6]');
  await app.locator('form').screenshot({ path: testInfo.outputPath('composer-attachments.png') });
  expect(storedFiles(harness.dataDir)).toHaveLength(3);

  await app.getByRole('button', { name: 'Send' }).click();
  const question = app.getByRole('log').getByRole('article', { name: 'User message' });
  const answer = app.getByRole('log').getByRole('article', { name: 'Assistant message' });
  await expect(answer).toContainText('emu-1');
  await expect(app.getByRole('list', { name: 'Attachments' })).toHaveCount(1);
  await expect(question.getByRole('button', { name: /^Open pasted-image-/ })).toBeVisible();
  await expect(question).toContainText('paper.pdf');
  await expect(question).toContainText('notes.md');
  const sent = emulator.requests.filter((r) =>
    JSON.stringify(r.body).includes('"filename":"paper.pdf"'),
  );
  expect(sent).toHaveLength(1);
  const content = JSON.stringify(sent[0]!.body);
  expect(content).toContain('"type":"image_url"');
  expect(content).toContain('"filename":"paper.pdf"');
  expect(content).toContain('Attached file: notes.md');
  await app.screenshot({ path: testInfo.outputPath('sent-message.png') });

  // The thumbnail opens the image full size.
  await question.getByRole('button', { name: /^Open pasted-image-/ }).click();
  const viewer = app.getByRole('dialog', { name: /^pasted-image-/ });
  await expect(viewer.getByRole('img')).toHaveJSProperty('naturalWidth', 300);
  await viewer.getByRole('button', { name: 'Close image' }).click();

  // After a reload the message still shows its attachments; regenerate sends them again.
  await app.reload();
  await app
    .getByRole('complementary', { name: 'Conversations sidebar' })
    .getByRole('listitem')
    .first()
    .click();
  await expect(question.getByRole('img', { name: /^pasted-image-/ })).toBeVisible();
  await expect(question).toContainText('paper.pdf');
  await answer.hover();
  await answer.getByRole('button', { name: 'Regenerate' }).click();
  await expect
    .poll(
      () =>
        emulator.requests.filter((r) => JSON.stringify(r.body).includes('"filename":"paper.pdf"'))
          .length,
    )
    .toBe(2);
  const again = JSON.stringify(
    emulator.requests.filter((r) => JSON.stringify(r.body).includes('"filename":"paper.pdf"'))[1]!
      .body,
  );
  expect(again).toContain('"type":"image_url"');
  expect(again).toContain('"filename":"paper.pdf"');
});

test('kill -9 mid-answer keeps the question and its files; export carries them; delete removes them', async ({
  page,
  providerEnv,
}) => {
  // prettier-ignore
  test.skip(test.info().project.name === 'electron', 'The crash is driven through the harness process.');
  const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-attach-crash-'));
  const harnesses = [await startHarnessProcess({ env: providerEnv, dataDir })];
  const restart = async () => {
    harnesses.push(await startHarnessProcess({ env: providerEnv, dataDir }));
    await page.goto(harnesses.at(-1)!.url);
    await page
      .getByRole('listitem')
      .filter({ hasText: 'Long read' })
      .getByRole('button')
      .first()
      .click();
  };
  try {
    await page.goto(harnesses[0]!.url);
    await pasteImage(page);
    await dropFiles(page, [
      { name: 'notes.md', type: 'text/markdown', bytes: [...Buffer.from('# kept\n')] },
    ]);
    await expect(
      page.getByRole('list', { name: 'Attachments' }).getByText('sent as text'),
    ).toBeVisible();
    await page.getByRole('textbox', { name: 'Message' }).fill('Long read [tokens=600 rate=20]');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect(page.getByRole('article', { name: 'Assistant message' })).toContainText(
      'You said:',
    );
    await harnesses[0]!.kill();
    expect(storedFiles(dataDir)).toHaveLength(2);

    // After the crash: the question shows its attachments, the files are still there.
    await restart();
    const question = page.getByRole('article', { name: 'User message' });
    await expect(question.getByRole('img', { name: /^pasted-image-/ })).toBeVisible();
    await expect(question).toContainText('notes.md');
    expect(storedFiles(dataDir)).toHaveLength(2);
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export as JSON' }).click();
    const exported = JSON.parse(readFileSync((await (await downloading).path())!, 'utf8')) as {
      attachments: { id: string; mimeType: string }[];
    };
    expect(exported.attachments.map((a) => a.mimeType).sort()).toEqual([
      'image/png',
      'text/markdown',
    ]);
    expect(exported.attachments.map((a) => a.id).sort()).toEqual(storedFiles(dataDir).sort());

    // Deleted: kept through the undo window, purged with the conversation at the next start.
    const row = page.getByRole('listitem').filter({ hasText: 'Long read' });
    await row.hover();
    await row.getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByRole('listitem').filter({ hasText: 'Long read' })).toHaveCount(0);
    await harnesses.at(-1)!.stop();
    harnesses.push(await startHarnessProcess({ env: providerEnv, dataDir }));
    expect(storedFiles(dataDir)).toEqual([]);
  } finally {
    for (const harness of harnesses) await harness.stop();
  }
});
