import { useCallback, useEffect, useRef, useState } from 'react';

/** How close to the bottom still counts as "at the bottom" (a line or so of slack). */
const slackPx = 48;
const upKeys = new Set(['ArrowUp', 'PageUp', 'Home']);

/**
 * Keeps a scroll container pinned to its bottom while content grows, until the person scrolls
 * up; then `following` is false (show "Jump to latest") until they come back down or jump.
 * Only the person scrolling up stops following: layout and the virtualizer never move up.
 */
export function useFollowOutput() {
  const scroller = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const [following, setFollowing] = useState(true);
  const followingRef = useRef(true);

  const setFollow = useCallback((value: boolean) => {
    if (followingRef.current === value) return;
    followingRef.current = value;
    setFollowing(value);
  }, []);

  const observer = useRef<ResizeObserver | null>(null);

  /**
   * Scrolls to the bottom if following. Called from ResizeObserver, which runs after layout:
   * reading scrollHeight there costs nothing, where reading it after each chunk would force
   * a layout of the whole log every time.
   */
  const scrollToEnd = useCallback(() => {
    const element = scroller.current;
    if (element && followingRef.current) element.scrollTop = element.scrollHeight;
  }, []);

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
    const inner = content.current;
    if (!element || !inner) return;
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
    const resizes = new ResizeObserver(scrollToEnd);
    observer.current = resizes;
    resizes.observe(inner);
    resizes.observe(element);
    for (const child of inner.children) resizes.observe(child);
    element.addEventListener('scroll', onScroll, { passive: true });
    element.addEventListener('wheel', onWheel, { passive: true });
    element.addEventListener('keydown', onKeyDown);

    return () => {
      observer.current = null;
      resizes.disconnect();
      element.removeEventListener('scroll', onScroll);
      element.removeEventListener('wheel', onWheel);
      element.removeEventListener('keydown', onKeyDown);
    };
  }, [scrollToEnd, setFollow]);

  return { scroller, content, following, jumpToLatest, observeItem };
}
