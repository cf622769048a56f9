import { useComposerSettings } from '../../store/composerSettings';
import { useProfiles } from '../../../settings';
import { ModelPicker } from './ModelPicker';
import { shownPick } from './pickLabel';
import { useTranslation } from '../../../../lib/i18n';

/** Who answers this chat: the header's picker over the chat's own pick (the composer settings). */
export function ModelSelector() {
  const { t } = useTranslation('chat');
  const profiles = useProfiles();
  const settings = useComposerSettings();
  return (
    <ModelPicker
      name={t('picker.model')}
      pick={shownPick(settings, profiles)}
      onChoose={(view, model) => settings.setPick({ profileId: view.id, model })}
    />
  );
}
