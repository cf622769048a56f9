/**
 * The context window: how much of a model's context the next request uses, and what a
 * conversation does when it outgrows it. Shared by the context service in main and the meter.
 */

/**
 * When the thread no longer fits, per conversation: `recent` sends only the newest messages
 * that fit (the meter says how many); `summary` summarizes the older part once, as a summary
 * message on the thread (editable, counted in usage). Null: not chosen yet; the meter warns.
 */
export const contextPolicies = ['recent', 'summary'] as const;
export type ContextPolicy = (typeof contextPolicies)[number];

export interface ContextReport {
  /** Tokens the next request sends: system prompt, the thread's messages sent, the draft. */
  usedTokens: number;
  /** The model's context window, or null when it is not known (no meter then, only a count). */
  windowTokens: number | null;
  /** Where the window figure comes from (a model list, a provider's documentation page). */
  windowSource: string | null;
  /** Counted with the provider's own tokenizer (true) or estimated with o200k_base (false). */
  exact: boolean;
  /** Output tokens held back for the answer (the max tokens parameter, when set). */
  reservedTokens: number;
  /**
   * Tokens held back for the knowledge passages (0 without collections): an upper bound, the
   * largest block the collections could send, since passages are chosen per question at send.
   */
  passageTokens: number;
  /** The whole thread (with the draft and the passages' room) fits in the window, or it is unknown. */
  fits: boolean;
  policy: ContextPolicy | null;
  /** Messages of the thread that will be sent, and how many the thread has (after a summary). */
  sentMessages: number;
  totalMessages: number;
  /** Tokens sent once `recent` leaves out the oldest messages (equal to usedTokens otherwise). */
  sentTokens: number;
}

/** What a summary message says before its text, so the model and the person read it alike. */
export const SUMMARY_PREAMBLE = 'Summary of the earlier part of this conversation:';
