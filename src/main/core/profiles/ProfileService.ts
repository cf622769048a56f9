import { z } from 'zod';
import { profileSchema, type Profile, type ProfileInput } from '../../../shared/profiles';
import { providerKinds } from '../../../shared/providerKinds';
import type { PreferencesStore } from '../preferences/PreferencesStore';
import { providerFor } from '../providers/registry';
import { defaultProfiles, idFromName } from './profileDefaults';
import { spoken, type Spoken } from '../../../shared/said';
import type { FieldIssue } from '../../../shared/result';
import { schemaIssue } from './profileIssues';

/** A save refused for a reason that belongs at a field (same shape as IPC validation issues). */
export class ProfileValidationError extends Error {
  constructor(readonly issues: FieldIssue[]) {
    super(issues[0]?.message ?? 'The profile is not valid.');
    this.name = 'ProfileValidationError';
  }
}

const KEYS = {
  profiles: 'profiles',
  defaultId: 'defaultProfileId',
  firstRunDone: 'firstRunDone',
  setAside: 'unreadableProfiles',
};

/**
 * Profiles kept in preferences: listed, added, edited, deleted, one of them the default.
 * Entries that fail validation (edited by hand, written by a newer version) are set aside under
 * their own key rather than dropped, and the person is told once.
 */
export class ProfileService {
  constructor(
    private readonly prefs: PreferencesStore,
    private readonly notify: (message: string | Spoken) => void = () => undefined,
  ) {}

  list(): Profile[] {
    const stored = this.prefs.get(KEYS.profiles);
    if (stored === undefined) {
      this.prefs.set(KEYS.profiles, defaultProfiles);
      return [...defaultProfiles];
    }
    const entries = Array.isArray(stored) ? (stored as unknown[]) : [stored];
    const valid: Profile[] = [];
    const invalid: unknown[] = [];
    for (const entry of entries) {
      const parsed = profileSchema.safeParse(entry);
      if (parsed.success && !valid.some((p) => p.id === parsed.data.id)) valid.push(parsed.data);
      else invalid.push(entry);
    }
    if (invalid.length > 0 || !Array.isArray(stored)) {
      const earlier = this.prefs.get(KEYS.setAside);
      this.prefs.set(KEYS.setAside, [...(Array.isArray(earlier) ? earlier : []), ...invalid]);
      this.prefs.set(KEYS.profiles, valid);
      this.notify(spoken('notice.profilesSetAside', { count: invalid.length, key: KEYS.setAside }));
    }
    return valid;
  }

  /** By id, or by name (the CLI lets people type either). */
  find(idOrName: string): Profile | undefined {
    const profiles = this.list();
    return (
      profiles.find((p) => p.id === idOrName) ??
      profiles.find((p) => p.name.toLowerCase() === idOrName.toLowerCase())
    );
  }

  defaultId(): string | null {
    const profiles = this.list();
    const chosen = this.prefs.get(KEYS.defaultId);
    if (typeof chosen === 'string' && profiles.some((p) => p.id === chosen)) return chosen;
    return profiles[0]?.id ?? null;
  }

  setDefault(id: string): void {
    if (!this.list().some((p) => p.id === id))
      throw new ProfileValidationError([{ path: 'id', message: `No profile "${id}".` }]);
    this.prefs.set(KEYS.defaultId, id);
  }

  /** Creates (no id) or replaces (known id) a profile; returns what was stored. */
  save(input: ProfileInput): Profile {
    return this.commit(this.prepare(input));
  }

  /** Validates a draft and gives it its id, without storing it (so its key can be stored first). */
  prepare(input: ProfileInput): Profile {
    const profiles = this.list();
    const draft = z.object({ id: z.string().optional() }).passthrough().parse(input);
    const existing = draft.id ? profiles.find((p) => p.id === draft.id) : undefined;
    if (draft.id && !existing)
      throw new ProfileValidationError([
        { path: 'profile.id', ...spoken('profileForm.noSuchProfile', { id: draft.id }) },
      ]);
    const id =
      existing?.id ?? idFromName(String(input.name ?? ''), new Set(profiles.map((p) => p.id)));
    const parsed = profileSchema.safeParse({ ...input, id });
    if (!parsed.success) {
      throw new ProfileValidationError(
        parsed.error.issues.map((issue) =>
          schemaIssue(['profile', ...issue.path.map(String)].join('.'), issue.message),
        ),
      );
    }
    const profile = parsed.data;
    const issues = checkConsistency(profile, profiles);
    if (issues.length > 0) throw new ProfileValidationError(issues);
    return profile;
  }

  commit(profile: Profile): Profile {
    const profiles = this.list();
    const exists = profiles.some((p) => p.id === profile.id);
    this.prefs.set(
      KEYS.profiles,
      exists ? profiles.map((p) => (p.id === profile.id ? profile : p)) : [...profiles, profile],
    );
    return profile;
  }

  delete(id: string): boolean {
    const profiles = this.list();
    if (!profiles.some((p) => p.id === id)) return false;
    this.prefs.set(
      KEYS.profiles,
      profiles.filter((p) => p.id !== id),
    );
    if (this.prefs.get(KEYS.defaultId) === id) this.prefs.set(KEYS.defaultId, null);
    return true;
  }

  get firstRunDone(): boolean {
    return this.prefs.get(KEYS.firstRunDone) === true;
  }

  markFirstRunDone(): void {
    this.prefs.set(KEYS.firstRunDone, true);
  }
}

/** Rules across fields and profiles that the schema alone cannot say. */
function checkConsistency(profile: Profile, others: Profile[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const clash = others.find(
    (p) => p.id !== profile.id && p.name.toLowerCase() === profile.name.toLowerCase(),
  );
  if (clash)
    issues.push({ path: 'profile.name', ...spoken('profileForm.nameTaken', { name: clash.name }) });
  issues.push(...providerFor(profile.type).profiles.issues(profile));
  // One wire API only (Anthropic, compatible servers): an "API" setting would be ignored.
  if (profile.api && !providerKinds[profile.type].wireApiChoice)
    issues.push({
      path: 'profile.api',
      ...spoken('profileForm.oneApi', { label: providerKinds[profile.type].label }),
    });
  const names = profile.headers.map((h) => h.name.toLowerCase());
  names.forEach((name, i) => {
    if (names.indexOf(name) !== i)
      issues.push({
        path: `profile.headers.${i}.name`,
        ...spoken('profileForm.headerTwice', { name }),
      });
  });
  return issues;
}
