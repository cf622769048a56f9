import { useGeneralPreferences, type FontSize, type SendKey } from '../store/generalPreferences';
import { isMac } from '../../../lib/platform';
import { ShortcutTable } from './ShortcutTable';

const fontSizes: { value: FontSize; label: string }[] = [
  { value: 'small', label: 'Small' },
  { value: 'medium', label: 'Medium' },
  { value: 'large', label: 'Large' },
];

/** Settings › General: how the message box sends, the text size, and the shortcuts. */
export function GeneralPane() {
  const sendKey = useGeneralPreferences((s) => s.sendKey);
  const fontSize = useGeneralPreferences((s) => s.fontSize);
  const setSendKey = useGeneralPreferences((s) => s.setSendKey);
  const setFontSize = useGeneralPreferences((s) => s.setFontSize);
  const sendKeys: { value: SendKey; label: string }[] = [
    { value: 'enter', label: 'Enter sends, Shift+Enter breaks the line' },
    { value: 'ctrlEnter', label: `${isMac ? '⌘' : 'Ctrl+'}Enter sends, Enter breaks the line` },
  ];
  return (
    <div className="flex flex-col gap-5 pb-6 text-sm">
      <fieldset className="flex flex-col gap-1.5">
        <legend className="mb-1 font-medium text-zinc-700 dark:text-zinc-300">Send key</legend>
        {sendKeys.map((option) => (
          <label key={option.value} className="flex items-center gap-2">
            <input
              type="radio"
              name="send-key"
              value={option.value}
              checked={sendKey === option.value}
              onChange={() => setSendKey(option.value)}
            />
            {option.label}
          </label>
        ))}
      </fieldset>
      <label className="field-label w-48">
        Font size
        <select
          className="field"
          value={fontSize}
          onChange={(e) => setFontSize(e.target.value as FontSize)}
        >
          {fontSizes.map((size) => (
            <option key={size.value} value={size.value}>
              {size.label}
            </option>
          ))}
        </select>
      </label>
      <section aria-labelledby="shortcuts-heading">
        <h4 id="shortcuts-heading" className="mb-1 font-medium text-zinc-700 dark:text-zinc-300">
          Keyboard shortcuts
        </h4>
        <ShortcutTable />
      </section>
    </div>
  );
}
