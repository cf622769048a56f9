// lint-as: src/renderer/src/features/compare/components/bad.tsx
// Refused: compare reaching into chat's folder instead of its public index.ts.
import { ModelPicker } from '../../chat/components/conversation/ModelPicker';
export const picker = ModelPicker;
