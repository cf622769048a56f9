// lint-as: src/shared/bad.ts
import { isAppUrl } from '../main/security';
export const check = isAppUrl;
