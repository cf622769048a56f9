import { describe, expect, it, vi } from 'vitest';
import { installFakeApi, ok, type FakeApi } from './fakeApi';
import type * as StorageStore from '../../../../src/renderer/src/features/storage/store/storageStore';
import type * as ThemeStore from '../../../../src/renderer/src/features/theme/store/themeStore';
import type * as ShortcutsDialog from '../../../../src/renderer/src/features/shortcuts/store/shortcutsDialog';

const features = '../../../../src/renderer/src/features';
let fake: FakeApi;

function page() {
  vi.resetModules();
  fake = installFakeApi();
  // The theme is applied to the document's root element.
  const classes = new Set<string>();
  const root = {
    classList: {
      toggle: (c: string, on: boolean) => void (on ? classes.add(c) : classes.delete(c)),
    },
    style: {} as Record<string, string>,
  };
  Object.assign(globalThis, { document: { documentElement: root } });
  return { classes, root };
}

describe('storage store', () => {
  it('follows whether the history can be written, at start and as main reports faults', async () => {
    page();
    const { useStorageStore, subscribeToStorage } = (await import(
      `${features}/storage/store/storageStore`
    )) as typeof StorageStore;
    fake.answer('getStorageStatus', () => ok({ writable: true }));
    subscribeToStorage();
    await vi.waitFor(() => expect(fake.calls('getStorageStatus')).toHaveLength(1));
    const fault = {
      writable: false,
      reason: 'disk_full',
      message: 'No space left',
      file: 'history.db',
    } as const;
    fake.emit('storageStatus', fault);
    expect(useStorageStore.getState().status).toEqual(fault);
  });
});

describe('theme store', () => {
  it('applies a chosen theme at once and keeps it across reloads', async () => {
    const { classes, root } = page();
    const { useThemeStore } = (await import(
      `${features}/theme/store/themeStore`
    )) as typeof ThemeStore;
    expect(useThemeStore.getState().choice).toBe('system');
    useThemeStore.getState().setChoice('dark');
    expect(classes.has('dark')).toBe(true);
    expect(root.style.colorScheme).toBe('dark');
    vi.resetModules();
    const again = (await import(`${features}/theme/store/themeStore`)) as typeof ThemeStore;
    expect(again.useThemeStore.getState().choice).toBe('dark');
  });
});

describe('shortcuts dialog store', () => {
  it('opens and closes the shortcuts list', async () => {
    page();
    const { useShortcutsDialog } = (await import(
      `${features}/shortcuts/store/shortcutsDialog`
    )) as typeof ShortcutsDialog;
    expect(useShortcutsDialog.getState().open).toBe(false);
    useShortcutsDialog.getState().setOpen(true);
    expect(useShortcutsDialog.getState().open).toBe(true);
  });
});
