import * as Popover from '@radix-ui/react-popover';
import { Command } from 'cmdk';
import { useState } from 'react';
import { profileCanCall, type ProfileView } from '../../../../../../shared/profiles';
import { useProfiles, useSettingsStore } from '../../../settings';
import { pickLabel } from './pickLabel';
import { useTranslation } from '../../../../lib/i18n';

// Profiles whose list was fetched this session: opening the selector asks each server once.
const fetchedThisSession = new Set<string>();

export interface ModelPickerProps {
  /** The pick shown on the button and ticked in the list; null when no profile exists. */
  pick: { view: ProfileView; model: string } | null;
  onChoose: (view: ProfileView, model: string) => void;
  /** Starts the button's accessible name: "Model" gives "Model: gpt-4o-mini · OpenAI". */
  name: string;
}

/**
 * A profile and model, picked from every profile's models grouped by profile (the server's
 * list, cached in main, and models used before), searchable, with a model id typed in as a way
 * out. The button always names the current pick. The chat header and Compare both use it.
 */
export function ModelPicker({ pick, onChoose, name }: ModelPickerProps) {
  const { t } = useTranslation('chat');
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const profiles = useProfiles();
  const label = pick ? pickLabel(pick.model, pick.view) : t('picker.noProfile');

  const onOpenChange = (next: boolean) => {
    setOpen(next);
    setQuery('');
    if (next) void refreshUnfetched(profiles);
  };
  const choose = (view: ProfileView, model: string) => {
    onChoose(view, model);
    setOpen(false);
  };
  const typed = query.trim();

  return (
    <Popover.Root open={open} onOpenChange={onOpenChange}>
      <Popover.Trigger asChild>
        <button
          type="button"
          aria-label={`${name}: ${label}`}
          className="toolbar-button flex max-w-[min(24rem,50vw)] items-center gap-1"
        >
          <span className="truncate">{label}</span>
          {pick && !profileCanCall(pick.view) && (
            <span className="shrink-0 rounded bg-amber-100 px-1 text-xs text-amber-900 dark:bg-amber-900/50 dark:text-amber-100">
              {t('picker.noKey')}
            </span>
          )}
          <span aria-hidden="true">▾</span>
        </button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          className="popover w-[min(24rem,92vw)] p-0"
          sideOffset={6}
          align="start"
          aria-label={t('picker.choose')}
        >
          <Command label={t('picker.search')} className="flex flex-col">
            <Command.Input
              value={query}
              onValueChange={setQuery}
              placeholder={t('picker.searchPlaceholder')}
              className="border-b border-zinc-200 bg-transparent px-3 py-2 text-sm outline-none dark:border-zinc-700"
            />
            <Command.List className="max-h-[min(22rem,60vh)] overflow-y-auto p-1">
              <Command.Empty className="px-2 py-2 text-xs text-zinc-600 dark:text-zinc-400">
                {t('picker.noMatch')}
              </Command.Empty>
              {profiles.map((view) => (
                <ProfileGroup
                  key={view.id}
                  view={view}
                  current={pick?.view.id === view.id ? pick.model : null}
                  onChoose={(model) => choose(view, model)}
                />
              ))}
              {typed && <TypedModelGroup typed={typed} profiles={profiles} onChoose={choose} />}
            </Command.List>
          </Command>
          <div className="flex items-center justify-between gap-2 border-t border-zinc-200 px-2 py-1.5 dark:border-zinc-700">
            <span className="text-xs text-zinc-600 dark:text-zinc-400">
              {t('picker.listsFrom')}
            </span>
            <RefreshListsButton profiles={profiles} />
          </div>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}

/** A model id typed in the search box, offered under every profile. */
function TypedModelGroup({
  typed,
  profiles,
  onChoose,
}: {
  typed: string;
  profiles: ProfileView[];
  onChoose: (view: ProfileView, model: string) => void;
}) {
  const { t } = useTranslation('chat');
  return (
    <Command.Group heading={t('picker.typedHeading')} className="model-group">
      {profiles.map((view) => (
        <Command.Item
          key={view.id}
          value={`typed::${view.id}::${typed}`}
          keywords={[typed]}
          aria-label={t('picker.use', { pick: pickLabel(typed, view) })}
          onSelect={() => onChoose(view, typed)}
          className="model-option"
        >
          {t('picker.useTyped', { model: typed, profile: view.name })}
        </Command.Item>
      ))}
    </Command.Group>
  );
}

function RefreshListsButton({ profiles }: { profiles: ProfileView[] }) {
  const { t } = useTranslation('chat');
  return (
    <button type="button" className="action-button" onClick={() => void refreshAll(profiles)}>
      {t('picker.refresh')}
    </button>
  );
}

interface ProfileGroupProps {
  view: ProfileView;
  current: string | null;
  onChoose: (model: string) => void;
}

function ProfileGroup({ view, current, onChoose }: ProfileGroupProps) {
  const { t } = useTranslation('chat');
  const usable = profileCanCall(view);
  const models =
    current && !view.models.includes(current) ? [...view.models, current] : view.models;
  const note = !usable
    ? ` · ${t('picker.noApiKey')}`
    : view.modelsError
      ? ` · ${t('picker.notFetched')}`
      : '';
  return (
    <Command.Group heading={`${view.name}${note}`} className="model-group">
      {models.map((model) => (
        <Command.Item
          key={model}
          value={`${view.id}::${model}`}
          keywords={[model, view.name]}
          aria-label={pickLabel(model, view)}
          data-current={model === current ? 'true' : undefined}
          onSelect={() => onChoose(model)}
          className="model-option"
        >
          <span className="w-4 shrink-0" aria-hidden="true">
            {model === current ? '✓' : ''}
          </span>
          <span className="truncate">{model}</span>
        </Command.Item>
      ))}
    </Command.Group>
  );
}

/** Profiles never listed this session ask their server once (they can call, so no keyless call). */
async function refreshUnfetched(profiles: ProfileView[]): Promise<void> {
  const store = useSettingsStore.getState();
  await store.load();
  const due = profiles.filter(
    (p) => profileCanCall(p) && p.modelsFetchedAt === null && !fetchedThisSession.has(p.id),
  );
  for (const view of due) {
    fetchedThisSession.add(view.id);
    await store.refreshModels(view.id);
  }
}

async function refreshAll(profiles: ProfileView[]): Promise<void> {
  for (const view of profiles.filter(profileCanCall)) {
    fetchedThisSession.add(view.id);
    await useSettingsStore.getState().refreshModels(view.id);
  }
}
