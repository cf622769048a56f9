/** What the long-chat bench page exposes to its driver (../index.ts). */
export interface LongChatPage {
  /** Opens a conversation; resolves with the ms until its last message is on screen. */
  open(conversationId: string): Promise<number>;
  /** Scrolls the open conversation from the bottom to the top and back, a step per frame. */
  scrollRound(): Promise<{ steps: number }>;
  /** Characters of text in the conversation (the corpus check). */
  corpusChars(conversationId: string): number;
}

/** One view under test. */
export interface LongChatVariant {
  mount(root: HTMLElement): Promise<void>;
  open(conversationId: string): Promise<void>;
  /** The element that scrolls the messages. */
  scroller(): HTMLElement;
}

export const BIG = 'long-big';
export const SMALL = 'long-small';
