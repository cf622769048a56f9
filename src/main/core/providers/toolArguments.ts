/**
 * A tool call's arguments as the object the wire wants (Anthropic's `input`, Gemini's `args`):
 * text the model wrote that is not a JSON object becomes `{}`, and the call's result says why.
 */
export function argumentsObject(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}
