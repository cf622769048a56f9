import { useCallback, useEffect, useRef, useState } from 'react';

/** How close to the bottom still counts as "at the bottom" (a line or so of slack). */
const slackPx = 48;

/**
 * Keeps a scroll container pinned to its bottom while content grows, until the person scrolls
 * up; then `following` is false (show "Jump to latest") until they come back down or jump.
 */
export function useFollowOutput() {
  const scroller = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const [following, setFollowing] = useState(true);
  const followingRef = useRef(true);

  const setFollow = useCallback((value: boolean) => {
    followingRef.current = value;
    setFollowing(value);
  }, []);

  const jumpToLatest = useCallback(() => {
    const element = scroller.current;
    if (element) element.scrollTop = element.scrollHeight;
    setFollow(true);
  }, [setFollow]);

  useEffect(() => {
    const element = scroller.current;
    const inner = content.current;
    if (!element || !inner) return;
    // Growth of the content never fires 'scroll'; only the person (or our own pin) does.
    const onScroll = () => {
      const distance = element.scrollHeight - element.scrollTop - element.clientHeight;
      const atBottom = distance <= slackPx;
      if (atBottom !== followingRef.current) setFollow(atBottom);
    };
    // A wheel or touch upwards means "let me read": stop following at once, even mid-frame.
    const onWheel = (event: WheelEvent) => {
      if (event.deltaY < 0 && followingRef.current) setFollow(false);
    };
    const pin = () => {
      if (followingRef.current) element.scrollTop = element.scrollHeight;
    };
    const observer = new ResizeObserver(pin);
    observer.observe(inner);
    observer.observe(element);
    element.addEventListener('scroll', onScroll, { passive: true });
    element.addEventListener('wheel', onWheel, { passive: true });
    return () => {
      observer.disconnect();
      element.removeEventListener('scroll', onScroll);
      element.removeEventListener('wheel', onWheel);
    };
  }, [setFollow]);

  return { scroller, content, following, jumpToLatest };
}
