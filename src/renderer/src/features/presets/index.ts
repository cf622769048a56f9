// Presets and the prompt library: what app/ composes and what the composer uses.
export { PresetsDialog } from './components/PresetsDialog';
export { PromptMenu, type PromptKeys } from './components/PromptMenu';
export { followSelection } from './lib/promptFill';
export { usePresetsStore } from './store/presetsStore';
