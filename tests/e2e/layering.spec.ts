import type { Locator } from '@playwright/test';
import { test, expect } from './fixtures';

/**
 * In a narrow window the chat settings panel is a drawer over the thread. A dialog opened while
 * it is open must be drawn above it, whole: the drawer once hid the Usage table's last columns.
 */

/** True when what a person sees at the dialog's right edge, where the drawer is, is the dialog. */
async function dialogOnTop(dialog: Locator): Promise<boolean> {
  return dialog.evaluate((element) => {
    // A modal dialog turns pointer events off outside it, and elementFromPoint skips such
    // elements: turned on for the look, it names what is drawn on top.
    const seeAll = document.createElement('style');
    seeAll.textContent = '* { pointer-events: auto !important; }';
    document.head.append(seeAll);
    const box = element.getBoundingClientRect();
    const hit = document.elementFromPoint(box.right - 12, box.top + box.height / 2);
    seeAll.remove();
    return hit !== null && element.contains(hit);
  });
}

test('dialogs open above the chat settings drawer in a narrow window', async ({ app }) => {
  await app.setViewportSize({ width: 800, height: 600 });
  await app.getByRole('button', { name: 'Parameters', exact: true }).click();
  // A modal dialog hides the rest of the page from assistive tech, not from sight.
  const drawer = app.getByRole('complementary', { name: 'Chat settings', includeHidden: true });
  await expect(drawer).toBeVisible();

  for (const name of ['Settings', 'Usage', 'Compare']) {
    await app.getByRole('button', { name, exact: true }).click();
    const dialog = app.getByRole('dialog').first();
    await expect(dialog).toBeVisible();
    // The drawer is still open underneath, so the check below is about layering alone.
    await expect(drawer).toBeVisible();
    expect(await dialogOnTop(dialog), `${name} dialog drawn above the drawer`).toBe(true);
    await app.keyboard.press('Escape');
    await expect(app.getByRole('dialog')).toHaveCount(0);
  }
});
