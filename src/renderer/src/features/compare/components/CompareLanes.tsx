import type { ProfileView } from '../../../../../shared/profiles';
import { useProfiles } from '../../settings';
import { ModelPicker } from '../../chat';
import { useTranslation } from '../../../lib/i18n';

/** One column to ask: a profile and one of its models (listed or typed). */
export interface LaneChoice {
  profileId: string;
  model: string;
}

/** Two columns on the default profile's model, to be changed from there. */
export function defaultLanes(profiles: ProfileView[]): LaneChoice[] {
  const first = profiles.find((p) => p.isDefault) ?? profiles[0];
  if (!first) return [];
  const lane = { profileId: first.id, model: first.effectiveModel };
  return [lane, { ...lane }];
}

/** Each column's model selector (the header's, per column), a remove button, "Add model". */
export function CompareLanes({
  lanes,
  onChange,
}: {
  lanes: LaneChoice[];
  onChange: (lanes: LaneChoice[]) => void;
}) {
  const { t } = useTranslation('compare');
  const profiles = useProfiles();
  const setLane = (index: number, lane: LaneChoice) =>
    onChange(lanes.map((current, i) => (i === index ? lane : current)));
  return (
    <>
      {lanes.map((lane, i) => {
        const view = profiles.find((p) => p.id === lane.profileId);
        return (
          <fieldset
            key={i}
            aria-label={t('modelN', { n: i + 1 })}
            className="flex min-w-0 items-center gap-1"
          >
            <ModelPicker
              name={t('modelN', { n: i + 1 })}
              pick={view ? { view, model: lane.model } : null}
              onChoose={(chosen, model) => setLane(i, { profileId: chosen.id, model })}
            />
            {lanes.length > 2 && (
              <button
                type="button"
                aria-label={t('removeModel', { n: i + 1 })}
                className="icon-button"
                onClick={() => onChange(lanes.filter((_, j) => j !== i))}
              >
                ×
              </button>
            )}
          </fieldset>
        );
      })}
      {lanes.length < 4 && lanes.length > 0 && (
        <button
          type="button"
          className="rounded-md px-2 py-1 text-xs text-blue-700 hover:bg-blue-50 dark:text-blue-300 dark:hover:bg-blue-950"
          onClick={() => onChange([...lanes, { ...lanes.at(-1)! }])}
        >
          {t('addModel')}
        </button>
      )}
    </>
  );
}
