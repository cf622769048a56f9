import type { ToolCallOutcome } from '../../../shared/tools';

/** One item of an MCP CallToolResult's `content` (MCP spec 2025-06-18, "Tool Result"). */
interface ContentItem {
  type: string;
  text?: string;
  mimeType?: string;
  data?: string;
  uri?: string;
  resource?: { uri?: string; text?: string; mimeType?: string };
}

function itemText(item: ContentItem): string {
  switch (item.type) {
    case 'text':
      return item.text ?? '';
    case 'resource':
      return item.resource?.text ?? `[resource ${item.resource?.uri ?? ''}]`;
    case 'resource_link':
      return `[link ${item.uri ?? ''}]`;
    default:
      // Images and audio are described, not sent on: the tool loop passes text to the model.
      return `[${item.type} ${item.mimeType ?? ''}, ${item.data?.length ?? 0} base64 characters]`;
  }
}

/**
 * A tool's result as text, cut at `maxChars` with a note that says so (to the model and the
 * person alike), so one huge result cannot fill the context window or the store.
 */
export function toolOutcome(result: Record<string, unknown>, maxChars: number): ToolCallOutcome {
  // A 2024-11-05 server may answer with `toolResult` instead of `content` (CompatibilityCallToolResult).
  if (!('content' in result) && 'toolResult' in result)
    return cutOutcome({ content: JSON.stringify(result.toolResult), isError: false }, maxChars);
  const items = Array.isArray(result.content) ? (result.content as ContentItem[]) : [];
  let content = items.map(itemText).join('\n');
  if (!content && result.structuredContent !== undefined)
    content = JSON.stringify(result.structuredContent);
  return cutOutcome({ content, isError: result.isError === true }, maxChars);
}

export function cutOutcome(outcome: ToolCallOutcome, maxChars: number): ToolCallOutcome {
  if (outcome.content.length <= maxChars) return outcome;
  const note = `\n[Result cut: ${maxChars} of ${outcome.content.length} characters shown.]`;
  return { ...outcome, content: outcome.content.slice(0, maxChars) + note, truncated: true };
}
