import type { PreferencesStore } from '../preferences/PreferencesStore';

const KEY = 'modelLists';
/** More than any server lists today (OpenAI ~100, OpenRouter ~400); a bound on the file's size. */
const MAX_MODELS = 1000;
/** Models typed by the person (sent, or picked in the selector) kept per profile. */
const MAX_TYPED = 50;

/** One profile's models as last seen. */
export interface ModelList {
  /** The server's own list, from its models endpoint. */
  listed: string[];
  /** Models the person typed and used, most recent last. */
  typed: string[];
  fetchedAt: number | null;
  error: string | null;
}

const empty = (): ModelList => ({ listed: [], typed: [], fetchedAt: null, error: null });

function strings(value: unknown, max: number): string[] {
  return Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string' && v.length <= 256).slice(-max)
    : [];
}

/**
 * Each profile's model list, cached in preferences so the picker offers them at once (after a
 * restart too) without calling every server; refreshed on request and by Test connection.
 */
export class ModelCatalog {
  constructor(private readonly prefs: PreferencesStore) {}

  get(profileId: string): ModelList {
    const entry = this.all()[profileId];
    if (!entry || typeof entry !== 'object') return empty();
    const raw = entry as Record<string, unknown>;
    return {
      listed: strings(raw.listed, MAX_MODELS),
      typed: strings(raw.typed, MAX_TYPED),
      fetchedAt: typeof raw.fetchedAt === 'number' ? raw.fetchedAt : null,
      error: typeof raw.error === 'string' ? raw.error : null,
    };
  }

  /** What the picker offers for a profile: its default model, the listed ones, the typed ones. */
  choices(profileId: string, defaultModel: string): string[] {
    const { listed, typed } = this.get(profileId);
    return [...new Set([defaultModel, ...listed, ...typed].filter((m) => m !== ''))];
  }

  storeListed(profileId: string, models: string[], now = Date.now()): void {
    const unique = [...new Set(models)].slice(0, MAX_MODELS);
    this.put(profileId, { ...this.get(profileId), listed: unique, fetchedAt: now, error: null });
  }

  storeError(profileId: string, message: string): void {
    this.put(profileId, { ...this.get(profileId), error: message.slice(0, 300) });
  }

  /** A model the person used that the server's list does not name (or that has no list). */
  rememberTyped(profileId: string, model: string): void {
    const current = this.get(profileId);
    if (current.listed.includes(model) || current.typed.includes(model)) return;
    this.put(profileId, { ...current, typed: [...current.typed, model].slice(-MAX_TYPED) });
  }

  /** A deleted profile's models are never offered again. */
  forget(profileId: string): void {
    const { [profileId]: _gone, ...rest } = this.all();
    this.prefs.set(KEY, rest);
  }

  private all(): Record<string, unknown> {
    const stored = this.prefs.get(KEY);
    return stored && typeof stored === 'object' && !Array.isArray(stored)
      ? (stored as Record<string, unknown>)
      : {};
  }

  private put(profileId: string, list: ModelList): void {
    this.prefs.set(KEY, { ...this.all(), [profileId]: list });
  }
}
