import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useComposerSettings } from '../../store/composerSettings';

/** Chooses the model for the next messages: the profile's default or one already seen/listed. */
export function ModelPicker() {
  const model = useComposerSettings((s) => s.model);
  const knownModels = useComposerSettings((s) => s.knownModels);
  const setModel = useComposerSettings((s) => s.setModel);
  const label = model ?? 'Default model';
  const choices = model && !knownModels.includes(model) ? [...knownModels, model] : knownModels;
  return (
    // Non-modal: a modal menu hides the rest of the page with aria-hidden while focus stays managed.
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger asChild>
        <button
          type="button"
          aria-label={`Model: ${label}`}
          className="toolbar-button max-w-56 truncate"
        >
          {label} <span aria-hidden="true">▾</span>
        </button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu" sideOffset={6} align="start">
          <DropdownMenu.Label className="menu-label">Model</DropdownMenu.Label>
          <DropdownMenu.RadioGroup
            value={model ?? ''}
            onValueChange={(value) => setModel(value === '' ? null : value)}
          >
            <DropdownMenu.RadioItem value="" className="menu-item">
              <DropdownMenu.ItemIndicator className="menu-check">✓</DropdownMenu.ItemIndicator>
              Profile default
            </DropdownMenu.RadioItem>
            {choices.map((choice) => (
              <DropdownMenu.RadioItem key={choice} value={choice} className="menu-item">
                <DropdownMenu.ItemIndicator className="menu-check">✓</DropdownMenu.ItemIndicator>
                {choice}
              </DropdownMenu.RadioItem>
            ))}
          </DropdownMenu.RadioGroup>
          <p className="menu-hint">Another model id can be typed under Parameters.</p>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
