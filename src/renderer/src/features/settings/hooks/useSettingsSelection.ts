import { useState } from 'react';
import type { ProfilesSnapshot } from '../../../../../shared/profiles';
import { useSettingsStore } from '../store/settingsStore';
import { emptyForm, formFromView, type ProfileFormState } from '../components/profileForm';

/** What the right side of Settings shows: a profile (or a new one), prices, General, Data, Tools, Web search or Knowledge. */
export type SettingsPane =
  'profile' | 'prices' | 'general' | 'data' | 'tools' | 'search' | 'knowledge';

/** The Settings dialog's selection: which pane, which profile, and that profile's form. */
export function useSettingsSelection(snapshot: ProfilesSnapshot | null) {
  const [selected, setSelected] = useState<string | null>(null);
  const [form, setForm] = useState<ProfileFormState>(emptyForm());
  // Remount the editor when the selection changes so its errors and test result start clean.
  const [editorKey, setEditorKey] = useState(0);
  // usage: the price table shares this dialog; the right pane shows it instead of a profile.
  const [pane, setPane] = useState<SettingsPane>('profile');

  const select = (id: string | null) => {
    const view = snapshot?.profiles.find((p) => p.id === id);
    setPane('profile');
    setSelected(view ? view.id : null);
    setForm(view ? formFromView(view) : emptyForm());
    setEditorKey((k) => k + 1);
  };

  // The store has reloaded the profiles by now: the form shows what main saved.
  const afterSave = (id: string) => {
    const view = useSettingsStore.getState().snapshot?.profiles.find((p) => p.id === id);
    setSelected(id);
    if (view) setForm(formFromView(view));
  };

  return { selected, form, setForm, editorKey, pane, setPane, select, afterSave };
}
