import type { ProfileView } from '../../../../../shared/profiles';
import { providerKinds } from '../../../../../shared/providerKinds';
import type { SettingsPane } from '../hooks/useSettingsSelection';
import { otherPanes, usePaneTitles, type OtherPane } from '../hooks/usePaneTitles';
import { useTranslation, type TFunction } from '../../../lib/i18n';

const paneButtonClass =
  'mt-1 w-full rounded-md px-2.5 py-1.5 text-left text-sm text-zinc-700 hover:bg-zinc-200/60 aria-[current=true]:bg-blue-100 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:aria-[current=true]:bg-blue-950';

/** How a profile authenticates, as its list entry says it (a key only by its last characters). */
function keyLabel(profile: ProfileView, t: TFunction<'settings'>): string {
  const source = { keychain: '', environment: t('nav.fromEnv'), session: t('nav.sessionOnly') };
  if (profile.hasKey)
    return `${t('nav.keyHint', { hint: profile.hint ?? '••••' })}${source[profile.keySource ?? 'keychain']}`;
  if (profile.authMethod === 'apiKey') return t('nav.noKey');
  return profile.authMethod === 'entraId' ? 'Entra ID' : t('nav.noKeyNeeded');
}

function ProfileItem(props: { profile: ProfileView; current: boolean; onSelect(): void }) {
  const { profile, current, onSelect } = props;
  const { t } = useTranslation('settings');
  return (
    <li>
      <button
        type="button"
        aria-current={current ? 'true' : undefined}
        onClick={onSelect}
        className="flex w-full flex-col rounded-md px-2.5 py-1.5 text-left hover:bg-zinc-200/60 aria-[current=true]:bg-blue-100 dark:hover:bg-zinc-800 dark:aria-[current=true]:bg-blue-950"
      >
        <span className="flex items-center gap-1.5 text-sm font-medium">
          <span className="truncate">{profile.name}</span>
          {profile.isDefault && (
            <span className="rounded bg-blue-600 px-1 text-[10px] font-semibold caps text-white">
              {t('nav.default')}
            </span>
          )}
        </span>
        <span className="text-xs text-zinc-500">
          {providerKinds[profile.type].shortLabel} · {keyLabel(profile, t)}
        </span>
      </button>
    </li>
  );
}

interface Props {
  profiles: ProfileView[];
  /** The profile being edited; null for a new one. */
  selected: string | null;
  pane: SettingsPane;
  onSelect(id: string | null): void;
  onPane(pane: OtherPane): void;
}

/** Settings' left side: the profiles, then Add profile and the other panes. */
export function SettingsNav({ profiles, selected, pane, onSelect, onPane }: Props) {
  const { t } = useTranslation('settings');
  const titles = usePaneTitles();
  return (
    <nav
      aria-label={t('nav.label')}
      className="flex w-56 shrink-0 flex-col border-r border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-950"
    >
      <ul className="min-h-0 flex-1 overflow-y-auto p-2">
        {profiles.map((profile) => (
          <ProfileItem
            key={profile.id}
            profile={profile}
            current={profile.id === selected && pane === 'profile'}
            onSelect={() => onSelect(profile.id)}
          />
        ))}
      </ul>
      <div className="border-t border-zinc-200 p-2 dark:border-zinc-800">
        <button
          type="button"
          onClick={() => onSelect(null)}
          aria-current={selected === null && pane === 'profile' ? 'true' : undefined}
          className="w-full rounded-md px-2.5 py-1.5 text-left text-sm font-medium text-blue-600 hover:bg-zinc-200/60 dark:text-blue-400 dark:hover:bg-zinc-800"
        >
          {t('nav.addProfile')}
        </button>
        {otherPanes.map((other) => (
          <button
            key={other}
            type="button"
            onClick={() => onPane(other)}
            aria-current={pane === other ? 'true' : undefined}
            className={paneButtonClass}
          >
            {titles[other]}
          </button>
        ))}
      </div>
    </nav>
  );
}
