import { useEffect } from 'react';
import { priceProviders } from '../../../../../shared/priceTable';
import type { PriceEntry } from '../../../../../shared/usage';
import { usePricesStore } from '../store/pricesStore';
import { emptyPriceDraft, usePriceDrafts, type PriceDraft } from './priceDrafts';

type Draft = PriceDraft;
const emptyDraft = emptyPriceDraft;
const cellInput =
  'w-20 rounded border border-zinc-300 px-1.5 py-0.5 text-right tabular-nums dark:border-zinc-700 dark:bg-zinc-800';

/** A price in dollars per million tokens from a text field; blank cached means "same as input". */
function toOverride(draft: Draft) {
  const number = (text: string) => (text.trim() === '' ? NaN : Number(text));
  const input = number(draft.input);
  const output = number(draft.output);
  const cached = draft.cached.trim() === '' ? null : number(draft.cached);
  if ([input, output, cached ?? 0].some((n) => !Number.isFinite(n) || n < 0)) return null;
  return {
    model: draft.model.trim(),
    provider: draft.provider,
    inputPerMTok: input,
    cachedInputPerMTok: cached,
    outputPerMTok: output,
  };
}

const draftOf = (p: PriceEntry): Draft => ({
  model: p.model,
  provider: p.provider,
  input: String(p.inputPerMTok),
  cached: p.cachedInputPerMTok === null ? '' : String(p.cachedInputPerMTok),
  output: String(p.outputPerMTok),
});

/**
 * Settings › Prices: the shipped, dated price table, each price editable. An edit applies to calls
 * from now on (a recorded cost is history); a model with no price costs "—", never $0.
 */
export function PricesEditor() {
  const { list, error, load, setOverride, removeOverride, refuse } = usePricesStore();
  const { drafts, setDrafts, added, setAdded } = usePriceDrafts();

  useEffect(() => {
    void load();
  }, [load]);

  const dropDraft = (model: string) =>
    setDrafts((all) => Object.fromEntries(Object.entries(all).filter(([key]) => key !== model)));

  const save = async (draft: Draft) => {
    const override = toOverride(draft);
    if (!override || !override.model)
      return refuse(`Prices for ${draft.model || 'the model'} must be numbers of 0 or more.`);
    if (await setOverride(override)) dropDraft(draft.model);
  };

  if (!list) return <p className="text-sm text-zinc-500">{error ?? 'Loading prices…'}</p>;
  return (
    <div className="pb-4">
      <p className="mb-3 text-xs text-zinc-500">
        US dollars per million tokens, as published on {list.asOf}. Edit a price to match your
        contract; it applies to calls from now on. Models not listed have no price and show “—”.
      </p>
      {error && (
        <p role="alert" className="mb-2 text-xs text-red-600">
          {error}
        </p>
      )}
      <table className="w-full text-sm" aria-label="Prices">
        <thead className="text-xs text-zinc-500">
          <tr className="border-b border-zinc-200 dark:border-zinc-800">
            <th className="py-1 text-left font-medium">Model</th>
            <th className="py-1 text-right font-medium">Input</th>
            <th className="py-1 text-right font-medium">Cached input</th>
            <th className="py-1 text-right font-medium">Output</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {list.prices.map((price) => {
            const draft = drafts[price.model] ?? draftOf(price);
            const edited = drafts[price.model] !== undefined;
            const set = (field: 'input' | 'cached' | 'output', value: string) =>
              setDrafts({ ...drafts, [price.model]: { ...draft, [field]: value } });
            return (
              <tr key={price.model} className="border-b border-zinc-100 dark:border-zinc-800/60">
                <td className="py-1 font-mono text-xs">
                  {price.model}
                  {price.origin === 'override' && (
                    <span className="ml-1.5 rounded bg-blue-100 px-1 font-sans text-[10px] font-semibold text-blue-800 dark:bg-blue-900 dark:text-blue-100">
                      edited
                    </span>
                  )}
                </td>
                {(['input', 'cached', 'output'] as const).map((field) => (
                  <td key={field} className="py-1 text-right">
                    <input
                      aria-label={`${price.model} ${field} price`}
                      inputMode="decimal"
                      value={draft[field]}
                      placeholder={field === 'cached' ? '= input' : ''}
                      onChange={(e) => set(field, e.target.value)}
                      className={cellInput}
                    />
                  </td>
                ))}
                <td className="w-28 py-1 text-right">
                  {edited && (
                    <button
                      type="button"
                      onClick={() => void save(draft)}
                      className="px-1.5 text-xs font-medium text-blue-600"
                    >
                      Save
                    </button>
                  )}
                  {price.origin === 'override' && !edited && (
                    <button
                      type="button"
                      onClick={() => void removeOverride(price.model)}
                      className="px-1.5 text-xs text-zinc-500 hover:text-zinc-800 dark:hover:text-zinc-200"
                    >
                      Reset
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <form
        className="mt-3 flex flex-wrap items-center gap-2 text-sm"
        aria-label="Add a price"
        onSubmit={(e) => {
          e.preventDefault();
          void save(added).then(() => setAdded(emptyDraft));
        }}
      >
        <input
          aria-label="Model id"
          placeholder="model id"
          value={added.model}
          onChange={(e) => setAdded({ ...added, model: e.target.value })}
          className="w-44 rounded border border-zinc-300 px-1.5 py-0.5 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-800"
        />
        <select
          aria-label="Provider"
          value={added.provider}
          onChange={(e) =>
            setAdded({
              ...added,
              provider: priceProviders.find((p) => p === e.target.value) ?? 'openai',
            })
          }
          className="rounded border border-zinc-300 px-1 py-0.5 text-xs dark:border-zinc-700 dark:bg-zinc-800"
        >
          <option value="openai">OpenAI-style</option>
          <option value="anthropic">Anthropic</option>
          <option value="gemini">Gemini</option>
        </select>
        {(['input', 'cached', 'output'] as const).map((field) => (
          <input
            key={field}
            aria-label={`New ${field} price`}
            placeholder={field}
            inputMode="decimal"
            value={added[field]}
            onChange={(e) => setAdded({ ...added, [field]: e.target.value })}
            className={cellInput}
          />
        ))}
        <button
          type="submit"
          className="rounded-md border border-zinc-300 px-2.5 py-0.5 text-xs dark:border-zinc-700"
        >
          Add price
        </button>
      </form>
    </div>
  );
}
