// lint-as: src/renderer/src/features/chat/components/bad.tsx
// Refused: a feature never imports the app shell that composes it.
import { App } from '../../../app/App';
export const app = App;
