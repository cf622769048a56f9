import { useComposerSettings } from '../../store/composerSettings';
import { useProfiles } from '../../../settings';
import { ModelPicker } from './ModelPicker';
import { shownPick } from './pickLabel';

/** Who answers this chat: the header's picker over the chat's own pick (the composer settings). */
export function ModelSelector() {
  const profiles = useProfiles();
  const settings = useComposerSettings();
  return (
    <ModelPicker
      name="Model"
      pick={shownPick(settings, profiles)}
      onChoose={(view, model) => settings.setPick({ profileId: view.id, model })}
    />
  );
}
