import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import {
  autoUpdateDisabledReason,
  startAutoUpdate,
  type UpdaterLike,
} from '../../src/main/updater';

function fakeUpdater(check: () => Promise<unknown>) {
  const events = new EventEmitter();
  const updater: UpdaterLike & { emit(event: string, error: Error): boolean } = {
    autoDownload: false,
    autoInstallOnAppQuit: false,
    logger: null,
    on: (event, listener) => events.on(event, listener),
    emit: (event, error) => events.emit(event, error),
    checkForUpdatesAndNotify: vi.fn(check),
  };
  return updater;
}
const log = () => ({ info: vi.fn(), warn: vi.fn(), error: vi.fn() });

describe('auto-update', () => {
  it('is off in development and when switched off', () => {
    expect(autoUpdateDisabledReason({ isPackaged: false, env: {} })).toBe('development build');
    expect(
      autoUpdateDisabledReason({ isPackaged: true, env: { SWITCHBOARD_DISABLE_AUTO_UPDATE: '1' } }),
    ).toMatch(/DISABLE/);
    expect(autoUpdateDisabledReason({ isPackaged: true, env: {} })).toBeNull();
  });

  it('never loads electron-updater in development', async () => {
    const loadUpdater = vi.fn();
    await startAutoUpdate({ isPackaged: false, env: {}, log: log(), loadUpdater });
    expect(loadUpdater).not.toHaveBeenCalled();
  });

  it('checks when packaged, downloads in the background, installs on quit', async () => {
    const updater = fakeUpdater(async () => null);
    const stop = await startAutoUpdate({
      isPackaged: true,
      env: {},
      log: log(),
      loadUpdater: async () => updater,
    });
    stop();
    expect(updater.checkForUpdatesAndNotify).toHaveBeenCalledOnce();
    expect(updater).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: true });
  });

  it('logs every failure and throws none', async () => {
    const logger = log();
    const rejecting = fakeUpdater(() => Promise.reject(new Error('offline')));
    const stop = await startAutoUpdate({
      isPackaged: true,
      env: {},
      log: logger,
      loadUpdater: async () => rejecting,
    });
    stop();
    // An 'error' event with no listener would crash main; here it is logged.
    expect(() => rejecting.emit('error', new Error('bad signature'))).not.toThrow();
    await vi.waitFor(() =>
      expect(logger.error).toHaveBeenCalledWith(expect.stringContaining('offline')),
    );
    expect(logger.error).toHaveBeenCalledWith(expect.stringContaining('bad signature'));

    const throwing = fakeUpdater(() => {
      throw new Error('no app-update.yml');
    });
    await expect(
      startAutoUpdate({
        isPackaged: true,
        env: {},
        log: logger,
        loadUpdater: async () => throwing,
      }).then((s) => s()),
    ).resolves.toBeUndefined();
    await expect(
      startAutoUpdate({
        isPackaged: true,
        env: {},
        log: logger,
        loadUpdater: () => Promise.reject(new Error('module missing')),
      }).then((s) => s()),
    ).resolves.toBeUndefined();
    expect(logger.error).toHaveBeenCalledWith(expect.stringContaining('no app-update.yml'));
    expect(logger.error).toHaveBeenCalledWith(expect.stringContaining('module missing'));
  });
});
