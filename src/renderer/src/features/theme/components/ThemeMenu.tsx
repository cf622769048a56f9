import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { themeChoices, type ThemeChoice } from '../lib/theme';
import { useThemeStore } from '../store/themeStore';
import { useTranslation } from '../../../lib/i18n';

/** Light, dark or the system's setting; the choice is remembered across starts. */
export function ThemeMenu() {
  const choice = useThemeStore((s) => s.choice);
  const setChoice = useThemeStore((s) => s.setChoice);
  const { t } = useTranslation();
  const names = (value: ThemeChoice) => t(`themes.${value}`);
  return (
    // Non-modal: a modal menu hides the rest of the page with aria-hidden while focus stays managed.
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger asChild>
        <button
          type="button"
          aria-label={t('theme', { name: names(choice) })}
          className="toolbar-button"
        >
          {t('theme', { name: names(choice) })}
        </button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu" sideOffset={6} align="end">
          <DropdownMenu.RadioGroup
            value={choice}
            onValueChange={(v) => setChoice(v as ThemeChoice)}
          >
            {themeChoices.map((value) => (
              <DropdownMenu.RadioItem key={value} value={value} className="menu-item">
                <DropdownMenu.ItemIndicator className="menu-check">✓</DropdownMenu.ItemIndicator>
                {names(value)}
              </DropdownMenu.RadioItem>
            ))}
          </DropdownMenu.RadioGroup>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
