import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../../lib/i18n';
import { useKnowledgeStore } from '../store/knowledgeStore';

export interface EmbeddingsProfile {
  id: string;
  name: string;
}

/** The usual embeddings model for a new collection; any model the profile's server has works. */
const DEFAULT_MODEL = 'text-embedding-3-small';

/**
 * A collection from a folder: its full path typed or pasted (the browser harness has no folder
 * dialog, and a folder picker in a page gives files, not the path main must read), the profile
 * whose embeddings API indexes it, and the model.
 */
export function NewCollectionForm({ profiles }: { profiles: EmbeddingsProfile[] }) {
  const { t } = useTranslation('knowledge');
  const create = useKnowledgeStore((s) => s.create);
  const [name, setName] = useState('');
  const [folder, setFolder] = useState('');
  const [profileId, setProfileId] = useState(profiles[0]?.id ?? '');
  const [model, setModel] = useState(DEFAULT_MODEL);
  const [busy, setBusy] = useState(false);
  const chosen = profileId || profiles[0]?.id || '';
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const made = await create({
      name: name.trim(),
      folder: folder.trim(),
      profileId: chosen,
      model,
    });
    setBusy(false);
    if (made) [setName, setFolder].forEach((clear) => clear(''));
  };
  return (
    <form
      onSubmit={(e) => void submit(e)}
      aria-label={t('new.title')}
      className="flex flex-col gap-2 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800"
    >
      <h4 className="text-sm font-semibold">{t('new.title')}</h4>
      <label className="field-label">
        {t('new.name')}
        <input className="field" required value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="field-label">
        {t('new.folder')}
        <input
          className="field font-mono"
          required
          placeholder={t('new.folderExample')}
          value={folder}
          onChange={(e) => setFolder(e.target.value)}
        />
      </label>
      <div className="flex gap-2">
        <label className="field-label flex-1">
          {t('new.profile')}
          <select className="field" value={chosen} onChange={(e) => setProfileId(e.target.value)}>
            {profiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field-label flex-1">
          {t('new.model')}
          <input
            className="field"
            required
            value={model}
            onChange={(e) => setModel(e.target.value)}
          />
        </label>
      </div>
      <div>
        <button type="submit" className="primary-button" disabled={busy || !chosen}>
          {busy ? t('new.creating') : t('new.create')}
        </button>
      </div>
    </form>
  );
}
