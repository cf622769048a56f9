/**
 * `?stream=1`: the page also serves the render bench's driver (window.bench): a 5k-token answer
 * streamed at the end of the long chat in our view, or, with ?variant=react-markdown, into the
 * render bench's baseline (react-markdown re-rendering the whole message per chunk), so the
 * ratio is the render bench's, measured the same way, with 2,000 messages above the answer.
 */
import { streamInto } from '../../render/page/stream';
import { BIG } from './protocol';

export const wantsStream = () => new URLSearchParams(location.search).get('stream') === '1';

/** The baseline alone on the page: no long chat under it, as in the render bench. */
export async function setupBaselineStream(root: HTMLElement): Promise<void> {
  const { variant } = await import('../../render/page/reactMarkdown');
  await variant.mount(root);
  window.bench = { stream: (options) => streamInto(variant, root, options) };
}

/** Ours: the long chat opened, the question sent, the answer waiting for its tokens. */
export async function setupOursStream(root: HTMLElement): Promise<void> {
  await window.longchat!.open(BIG);
  const { startAnswer } = await import('./ours');
  const answer = await startAnswer();
  window.bench = { stream: (options) => streamInto(answer, root, options) };
}
