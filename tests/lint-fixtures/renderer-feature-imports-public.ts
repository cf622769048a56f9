// lint-as: src/renderer/src/features/compare/components/fine.tsx
// Allowed: another feature's public surface, shared UI, lib and src/shared.
import { ModelPicker } from '../../chat';
import { Tip } from '../../../components/ui/Tip';
import { api } from '../../../lib/api';
import type { ProfileView } from '../../../../../shared/profiles';
export const parts = { ModelPicker, Tip, api };
export type Profile = ProfileView;
