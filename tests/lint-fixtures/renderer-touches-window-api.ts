// lint-as: src/renderer/src/components/bad.ts
export const direct = window.api;
