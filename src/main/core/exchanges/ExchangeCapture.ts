import {
  captureSettingsSchema,
  defaultCaptureSettings,
  type CaptureSettings,
} from '../../../shared/exchanges';
import type { PreferencesStore } from '../preferences/PreferencesStore';
import type { ProviderProfile } from '../providers/types';
import type { ExchangeStore } from '../store/ExchangeStore';
import { StepExchanges } from './StepExchanges';

const PREFERENCE_KEY = 'exchangeCapture';

/**
 * Whether answers' exchanges are captured, and how long they are kept. ChatService asks it for
 * a recorder per call (none when capture is off) and hands the recording back at the finish.
 */
export class ExchangeCapture {
  constructor(
    private readonly exchanges: ExchangeStore,
    private readonly preferences: PreferencesStore,
  ) {}

  settings(): CaptureSettings {
    const parsed = captureSettingsSchema.safeParse(this.preferences.get(PREFERENCE_KEY));
    // A hand-edited or older preferences file falls back to the defaults, never to a crash.
    return parsed.success ? parsed.data : defaultCaptureSettings;
  }

  update(settings: CaptureSettings): CaptureSettings {
    this.preferences.set(PREFERENCE_KEY, settings);
    this.prune();
    return settings;
  }

  /** A recorder for one answer's provider calls, or undefined when capture is off. */
  recorder(): StepExchanges | undefined {
    return this.settings().enabled ? new StepExchanges() : undefined;
  }

  save(input: {
    recorder: StepExchanges;
    messageId: string;
    profile: ProviderProfile;
    model: string;
    stream: boolean;
    timing: { ttftMs: number | null; totalMs: number } | null;
  }): void {
    // Nothing went out (no key, a bad URL): there is no exchange to show.
    const entries = input.recorder.entries.filter((e) => e.recorder.attempts.length > 0);
    if (entries.length === 0) return;
    try {
      // Each tool-loop step is its own exchange; the answer's timing is shown on a plain one.
      for (const entry of entries)
        this.exchanges.save({
          messageId: input.messageId,
          provider: input.profile.type,
          model: input.model,
          stream: input.stream,
          attempts: entry.recorder.attempts,
          timing: input.recorder.stepped ? entry.timing : input.timing,
          ...(input.recorder.stepped ? { step: entry.step, toolCalls: entry.toolCalls } : {}),
        });
      this.prune();
    } catch {
      // The inspector is a view on the answer: failing to keep it must not fail the answer.
    }
  }

  prune(): number {
    const { keepDays, maxMegabytes } = this.settings();
    return this.exchanges.prune({ keepDays, maxBytes: maxMegabytes * 1024 * 1024 });
  }
}
