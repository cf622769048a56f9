/** Anthropic prompt caching for one profile: on by default, off for servers that refuse it. */
export function PromptCachingSwitch({
  checked,
  onChange,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div className="space-y-1">
      <label className="flex items-center gap-2 text-sm font-medium">
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
        Prompt caching
      </label>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">
        Marks the system prompt and the conversation so far for Anthropic&apos;s cache: later turns
        read them at a tenth of the input price, after one write at a quarter more. Turn off for a
        proxy that refuses <code>cache_control</code>.
      </p>
    </div>
  );
}
