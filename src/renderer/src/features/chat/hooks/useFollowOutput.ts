import { useCallback, useEffect, useRef, useState } from 'react';

/** How close to the bottom still counts as "at the bottom" (a line or so of slack). */
const slackPx = 48;
const upKeys = new Set(['ArrowUp', 'PageUp', 'Home']);

/**
 * Keeps a scroll container pinned to its bottom while content grows, until the person scrolls
 * up; then `following` is false (show "Jump to latest") until they come back down or jump.
 * Only the person scrolling up stops following: layout and the virtualizer never move up.
 *
 * It never reads the layout where the DOM may have changed since the last one: the pin runs at
 * the start of the frame after a growth (a rAF requested from the ResizeObserver, so before
 * the frame's own renders: useFramedMessage), the scroll handler in the frame's scroll steps,
 * both on the layout just painted. Reading it after a chunk's render would force a layout of
 * the whole log in script, once or twice a chunk.
 */
export function useFollowOutput() {
  const scroller = useRef<HTMLDivElement>(null);
  const [following, setFollowing] = useState(true);
  const followingRef = useRef(true);

  const setFollow = useCallback((value: boolean) => {
    if (followingRef.current === value) return;
    followingRef.current = value;
    setFollowing(value);
  }, []);

  const observer = useRef<ResizeObserver | null>(null);
  const pinFrame = useRef(0);

  /** Scrolls to the bottom now, if following. */
  const scrollToEnd = useCallback(() => {
    const element = scroller.current;
    if (element && followingRef.current) element.scrollTop = element.scrollHeight;
  }, []);

  /** Something in the log changed size: pin the bottom at the next frame's start. */
  const pinNextFrame = useCallback(() => {
    if (pinFrame.current || !followingRef.current) return;
    pinFrame.current = requestAnimationFrame(() => {
      pinFrame.current = 0;
      scrollToEnd();
    });
  }, [scrollToEnd]);

  /** Ref callback for each rendered item: its growth (a streaming answer) keeps the pin. */
  const observeItem = useCallback((element: HTMLElement) => {
    observer.current?.observe(element);
    return () => observer.current?.unobserve(element);
  }, []);

  const jumpToLatest = useCallback(() => {
    followingRef.current = true;
    setFollowing(true);
    scrollToEnd();
  }, [scrollToEnd]);

  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    // Our pins and growing content only ever move scrollTop down; moving up is the person.
    let lastTop = element.scrollTop;
    const atBottom = () =>
      element.scrollHeight - element.scrollTop - element.clientHeight <= slackPx;
    const onScroll = () => {
      const top = element.scrollTop;
      if (atBottom()) setFollow(true);
      else if (top < lastTop - 1) setFollow(false);
      lastTop = top;
    };
    // Wheel and keys say it before the scroll happens: stop at once, even mid-frame.
    const onWheel = (event: WheelEvent) => {
      if (event.deltaY < 0) setFollow(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (upKeys.has(event.key)) setFollow(false);
    };
    // The items and the viewport, not the sizer: the virtualizer sets the sizer's height inside
    // its own ResizeObserver callback, where a parent's change would be left to the next frame
    // with a "loop completed with undelivered notifications" error.
    const resizes = new ResizeObserver(pinNextFrame);
    observer.current = resizes;
    resizes.observe(element);
    for (const item of element.querySelectorAll('[data-index]')) resizes.observe(item);
    // Captured, so it reads before the virtualizer's handler can render rows into the log.
    element.addEventListener('scroll', onScroll, { passive: true, capture: true });
    element.addEventListener('wheel', onWheel, { passive: true });
    element.addEventListener('keydown', onKeyDown);

    return () => {
      observer.current = null;
      resizes.disconnect();
      cancelAnimationFrame(pinFrame.current);
      pinFrame.current = 0;
      element.removeEventListener('scroll', onScroll, { capture: true });
      element.removeEventListener('wheel', onWheel);
      element.removeEventListener('keydown', onKeyDown);
    };
  }, [pinNextFrame, setFollow]);

  return { scroller, following, jumpToLatest, observeItem };
}
