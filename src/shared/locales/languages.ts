/**
 * The interface languages and how the system's preference picks one. Shared so that the
 * renderer (navigator.languages) and main (app.getPreferredSystemLanguages) choose alike.
 */
export const uiLanguages = ['en', 'zh-CN', 'de'] as const;
export type UiLanguage = (typeof uiLanguages)[number];

/** What Settings › General stores: a language, or "follow the system". */
export type LanguageChoice = 'system' | UiLanguage;
export const languageChoices: readonly LanguageChoice[] = ['system', ...uiLanguages];

/** Each language's name in itself, as the language picker shows it. */
export const languageNames: Record<UiLanguage, string> = {
  en: 'English',
  'zh-CN': '简体中文',
  de: 'Deutsch',
};

export function isLanguageChoice(value: unknown): value is LanguageChoice {
  return typeof value === 'string' && (languageChoices as readonly string[]).includes(value);
}

/** The first system language we have (any Chinese but Traditional → zh-CN); else English. */
export function matchSystemLanguage(preferred: readonly string[]): UiLanguage {
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) {
      // Traditional scripts/regions read Simplified poorly; English is the safer fallback there.
      if (/^zh-(hant|tw|hk|mo)/.test(lower)) continue;
      return 'zh-CN';
    }
    if (lower === 'de' || lower.startsWith('de-')) return 'de';
    if (lower === 'en' || lower.startsWith('en-')) return 'en';
  }
  return 'en';
}

export function resolveLanguage(choice: LanguageChoice, preferred: readonly string[]): UiLanguage {
  return choice === 'system' ? matchSystemLanguage(preferred) : choice;
}
