import { useId } from 'react';
import { parameterRanges, rangesBeforeProfiles } from '../../../../../../shared/parameterRanges';
import { useComposerSettings } from '../../store/composerSettings';
import { useProfiles } from '../../../settings';
import { NumberField } from './NumberField';
import { pickLabel, shownPick } from './pickLabel';
import { ReasoningEffortField } from './ReasoningEffortField';
import { WebSearchField } from './WebSearchField';
import { useTranslation } from '../../../../lib/i18n';

/**
 * The open chat's parameters, exactly as the next message sends them: a blank field is not sent
 * (the provider's default applies) and Reset clears them all, stored ones included.
 */
export function ChatParameterFields() {
  const { t } = useTranslation('chat');
  const settings = useComposerSettings();
  const profiles = useProfiles();
  const pick = shownPick(settings, profiles);
  const systemId = useId();
  const { revision } = settings;
  // The ranges of the provider this chat's next message goes to.
  const ranges = pick ? parameterRanges[pick.view.type] : rangesBeforeProfiles;
  return (
    <div className="flex min-h-0 flex-1 flex-col gap-3 overflow-y-auto px-4 py-3 text-sm">
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        {pick
          ? t('settingsPanel.introTo', { target: pickLabel(pick.model, pick.view) })
          : t('settingsPanel.intro')}
      </p>
      <label htmlFor={systemId} className="field-label">
        {t('settingsPanel.systemPrompt')}
        <textarea
          id={systemId}
          className="field min-h-24 resize-y"
          placeholder={t('settingsPanel.none')}
          value={settings.systemPrompt}
          onChange={(e) => settings.setValues({ systemPrompt: e.target.value })}
        />
      </label>
      <NumberField
        key={`t${revision}-${ranges.temperature.max}`}
        label={t('settingsPanel.temperature', {
          min: ranges.temperature.min,
          max: ranges.temperature.max,
        })}
        range={{ ...ranges.temperature, step: 0.1 }}
        value={settings.temperature}
        onChange={(temperature) => settings.setValues({ temperature })}
      />
      <NumberField
        key={`p${revision}`}
        label={t('settingsPanel.topP', { min: ranges.topP.min, max: ranges.topP.max })}
        range={{ ...ranges.topP, step: 0.05 }}
        value={settings.topP}
        onChange={(topP) => settings.setValues({ topP })}
      />
      <NumberField
        key={`m${revision}`}
        label={t('settingsPanel.maxTokens')}
        range={{ min: 1, max: 1_000_000, step: 1 }}
        value={settings.maxTokens}
        onChange={(maxTokens) => settings.setValues({ maxTokens })}
      />
      <ReasoningEffortField type={pick?.view.type} model={pick?.model} />
      <WebSearchField view={pick?.view} />
      <label
        className="flex items-center gap-2 font-medium text-zinc-700 dark:text-zinc-300"
        title={t('settingsPanel.streamTip')}
      >
        <input
          type="checkbox"
          checked={settings.stream}
          onChange={(e) => settings.setValues({ stream: e.target.checked })}
        />
        {t('settingsPanel.stream')}
      </label>
      <div>
        <button type="button" className="toolbar-button" onClick={() => settings.resetToDefaults()}>
          {t('settingsPanel.reset')}
        </button>
      </div>
    </div>
  );
}
