import type { CaptureSettings } from '../../../../../shared/exchanges';

const numberClass =
  'w-14 rounded border border-zinc-300 bg-transparent px-1 py-0.5 text-right dark:border-zinc-700';

/** Capture on or off and how much is kept; main prunes at once when a limit shrinks. */
export function CaptureFooter({
  capture,
  onChange,
}: {
  capture: CaptureSettings;
  onChange: (change: Partial<CaptureSettings>) => void;
}) {
  // Committed on blur so typing "30" does not prune to 3 days on the way.
  const commit = (key: 'keepDays' | 'maxMegabytes', value: string, max: number) => {
    const n = Math.round(Number(value));
    if (Number.isFinite(n) && n >= 1 && n <= max && n !== capture[key]) onChange({ [key]: n });
  };
  return (
    <footer className="flex flex-wrap items-center gap-x-4 gap-y-1 border-t border-zinc-200 px-5 py-2 text-xs text-zinc-500 dark:border-zinc-800">
      <label className="flex items-center gap-1.5">
        <input
          type="checkbox"
          checked={capture.enabled}
          onChange={(e) => onChange({ enabled: e.target.checked })}
        />
        Capture exchanges
      </label>
      <label className="flex items-center gap-1">
        Keep
        <input
          key={`d${capture.keepDays}`}
          type="number"
          min={1}
          max={3650}
          defaultValue={capture.keepDays}
          aria-label="Keep exchanges for days"
          onBlur={(e) => commit('keepDays', e.target.value, 3650)}
          className={numberClass}
        />
        days,
      </label>
      <label className="flex items-center gap-1">
        at most
        <input
          key={`m${capture.maxMegabytes}`}
          type="number"
          min={1}
          max={10000}
          defaultValue={capture.maxMegabytes}
          aria-label="Keep exchanges up to megabytes"
          onBlur={(e) => commit('maxMegabytes', e.target.value, 10000)}
          className={numberClass}
        />
        MB
      </label>
      <span>Keys are never stored.</span>
    </footer>
  );
}
