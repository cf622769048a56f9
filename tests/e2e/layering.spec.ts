import type { Locator } from '@playwright/test';
import { test, expect } from './fixtures';

/**
 * The chat settings panel is a drawer over the thread in narrow windows and a column beside it in
 * wide ones. A dialog opened while it is open must be drawn above it, whole: the panel once hid
 * the Usage table's last columns and the Settings dialog's close button.
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

for (const size of [
  { width: 800, height: 600 },
  { width: 1280, height: 800 },
]) {
  test(`dialogs open above the chat settings panel at ${size.width}×${size.height}`, async ({
    app,
  }) => {
    await app.setViewportSize(size);
    // A modal dialog hides the rest of the page from assistive tech, not from sight.
    const panel = app.getByRole('complementary', { name: 'Chat settings', includeHidden: true });
    // Wide windows open the panel by themselves; narrow ones show it as a drawer on request.
    if (!(await panel.isVisible()))
      await app.getByRole('button', { name: 'Parameters', exact: true }).click();
    await expect(panel).toBeVisible();

    for (const name of ['Settings', 'Usage', 'Compare']) {
      await app.getByRole('button', { name, exact: true }).click();
      const dialog = app.getByRole('dialog').first();
      await expect(dialog).toBeVisible();
      // The panel is still open underneath, so the check below is about layering alone.
      await expect(panel).toBeVisible();
      expect(await dialogOnTop(dialog), `${name} dialog drawn above the panel`).toBe(true);
      await app.keyboard.press('Escape');
      await expect(app.getByRole('dialog')).toHaveCount(0);
    }
  });
}
