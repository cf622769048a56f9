import type { ThreadMessage } from '../../../../src/shared/conversations';
import { longConversation } from './corpus';
import { BIG, SMALL } from './protocol';

let made: Map<string, ThreadMessage[]> | null = null;

/** The long chat (?count=, 2,000 by default) and a 50-message one, made once per page. */
export function threads(): Map<string, ThreadMessage[]> {
  const count = Number(new URLSearchParams(location.search).get('count') ?? 2000);
  made ??= new Map([
    [BIG, longConversation(BIG, count)],
    [SMALL, longConversation(SMALL, 50)],
  ]);
  return made;
}
