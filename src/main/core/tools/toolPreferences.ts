/**
 * What tools keep in the preferences file: the server configs (no secret: values of env and
 * headers are in the keychain), the settings, the always-allowed tools and the servers turned
 * off per conversation. Whatever fails its schema there is dropped, never thrown.
 */
import { z } from 'zod';
import { toolSettingsSchema, type ToolSettings } from '../../../shared/toolChannels';
import { toolServerConfigSchema, type ToolServerConfig } from '../../../shared/tools';
import type { PreferencesStore } from '../preferences/PreferencesStore';
import { DEFAULT_MAX_RESULT_CHARS } from './ToolServerManager';

const KEYS = {
  servers: 'tools.servers',
  settings: 'tools.settings',
  allowed: 'tools.alwaysAllowed',
  off: 'tools.offByConversation',
} as const;

export const defaultToolSettings: ToolSettings = {
  startAtLaunch: false,
  maxSteps: 10,
  maxResultChars: DEFAULT_MAX_RESULT_CHARS,
};

export class ToolPreferences {
  constructor(private readonly preferences: PreferencesStore) {}

  servers(): ToolServerConfig[] {
    const stored = this.preferences.get(KEYS.servers);
    if (!Array.isArray(stored)) return [];
    return stored.flatMap((item) => {
      const parsed = toolServerConfigSchema.safeParse(item);
      return parsed.success ? [parsed.data] : [];
    });
  }

  saveServers(servers: ToolServerConfig[]): void {
    this.preferences.set(KEYS.servers, servers);
  }

  settings(): ToolSettings {
    const parsed = toolSettingsSchema.safeParse(this.preferences.get(KEYS.settings));
    return parsed.success ? parsed.data : defaultToolSettings;
  }

  saveSettings(settings: ToolSettings): void {
    this.preferences.set(KEYS.settings, settings);
  }

  alwaysAllowed(): string[] {
    const parsed = z.array(z.string()).safeParse(this.preferences.get(KEYS.allowed));
    return parsed.success ? parsed.data : [];
  }

  allowAlways(name: string): void {
    const allowed = new Set(this.alwaysAllowed());
    allowed.add(name);
    this.preferences.set(KEYS.allowed, [...allowed]);
  }

  offFor(conversationId: string): string[] {
    return this.offMap()[conversationId] ?? [];
  }

  setOff(conversationId: string, off: string[]): void {
    const map = this.offMap();
    if (off.length) map[conversationId] = off;
    else delete map[conversationId];
    this.preferences.set(KEYS.off, map);
  }

  private offMap(): Record<string, string[]> {
    const parsed = z
      .record(z.string(), z.array(z.string()))
      .safeParse(this.preferences.get(KEYS.off));
    return parsed.success ? parsed.data : {};
  }
}
