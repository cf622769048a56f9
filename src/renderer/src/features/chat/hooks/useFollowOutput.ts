import { useEffect, useRef, useState } from 'react';
import { Follower } from './follower';

/**
 * Keeps the log pinned to its bottom while content grows, until the person scrolls up; then
 * `following` is false (show "Jump to latest") until they come back down or jump. The pin and
 * the scroll offset the virtualizer hears come from one place (follower.ts), where reading the
 * layout costs nothing.
 */
export function useFollowOutput() {
  const scroller = useRef<HTMLDivElement>(null);
  const [following, setFollowing] = useState(true);
  const [follower] = useState(() => new Follower(setFollowing));

  useEffect(() => {
    const element = scroller.current;
    return element ? follower.attach(element) : undefined;
  }, [follower]);

  return {
    scroller,
    following,
    jumpToLatest: follower.jumpToLatest,
    observeItem: follower.observeItem,
    observeOffset: follower.observeOffset,
    forgetEcho: follower.forgetEcho,
  };
}
