/** Shorter values would strike ordinary words out of the log; no real key is this short. */
const MIN_SECRET_LENGTH = 8;

/**
 * The secrets this process has read or been given (keychain, environment, a key typed for a
 * connection test), so the crash log can strike them out even when they are not shaped like a
 * key. Held in memory only: never persisted, logged or sent anywhere.
 */
export class KnownSecrets {
  private readonly secrets = new Set<string>();

  add(secret: string | null | undefined): void {
    if (secret && secret.trim().length >= MIN_SECRET_LENGTH) this.secrets.add(secret);
  }

  /** Longest first, so a key that contains another known one is struck out whole. */
  values(): string[] {
    return [...this.secrets].sort((a, b) => b.length - a.length);
  }
}
