/** How close to the bottom still counts as "at the bottom" (a line or so of slack). */
const slackPx = 48;
const upKeys = new Set(['ArrowUp', 'PageUp', 'Home']);
/** After the last scroll event, the virtualizer hears that scrolling has stopped (its default). */
const scrollEndMs = 150;

type OffsetReport = (offset: number, isScrolling: boolean) => void;

/**
 * Keeps a scroller pinned to its bottom while content grows, until the person scrolls up
 * (then `onFollowing(false)`, until they come back down or jump). Only the person scrolling up
 * stops following: layout and the virtualizer never move up.
 *
 * While an answer streams, nothing here reads the layout where it may be stale. The pin runs
 * in a ResizeObserver callback, right after the browser's layout and before the virtualizer's
 * callback (this observer is created first: observeItem runs before the virtualizer measures)
 * sets the sizer's height; the last item carries the list's bottom padding, so the scroll height
 * read there is the final one. The scroll event that echoes a pin is not read again: in a scroll
 * event the style is stale (the streaming dot's animation has ticked), and reading scrollTop
 * there forced a style recalculation in script on every frame. The pin tells the virtualizer
 * where it put the scroll itself.
 */
export class Follower {
  private element: HTMLElement | null = null;
  private following = true;
  private lastTop = 0;
  /** Where the last pin put the scroller, until the scroll event it causes (else null). */
  private echo: number | null = null;
  private report: OffsetReport | null = null;
  private resizes: ResizeObserver | null = null;

  constructor(private readonly onFollowing: (value: boolean) => void) {}

  /** Ref callback for each rendered item: its growth (a streaming answer) keeps the pin. */
  observeItem = (item: HTMLElement): (() => void) => {
    this.observer().observe(item);
    return () => this.resizes?.unobserve(item);
  };

  /** The virtualizer's observeElementOffset: it hears the offset from here, read once. */
  observeOffset = (_instance: unknown, callback: OffsetReport): (() => void) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    this.report = (offset, isScrolling) => {
      callback(offset, isScrolling);
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (this.element) callback(this.element.scrollTop, false);
      }, scrollEndMs);
    };
    return () => {
      clearTimeout(timer);
      this.report = null;
    };
  };

  /** The virtualizer's own writes (its corrections, scrollToIndex) are read when they land. */
  forgetEcho = (): void => {
    this.echo = null;
  };

  jumpToLatest = (): void => {
    this.setFollow(true);
    // Read as any scroll when its event comes: this write is not a pin's.
    this.echo = null;
    if (this.element) this.element.scrollTop = this.element.scrollHeight;
  };

  /** Starts following the scroller: its events, its size and its items' sizes. */
  attach(scroller: HTMLElement): () => void {
    this.element = scroller;
    this.lastTop = scroller.scrollTop;
    const onScroll = () => {
      const pinned = this.echo !== null;
      this.echo = null;
      // The pin's own scroll: the pin already followed and told the virtualizer.
      if (!pinned) this.seen(scroller.scrollTop);
    };
    // Wheel, keys and pointers come before the scroll they cause: stop at once, even
    // mid-frame, and read the scroll that follows.
    const onWheel = (event: WheelEvent) => {
      this.echo = null;
      if (event.deltaY < 0) this.setFollow(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      this.echo = null;
      if (upKeys.has(event.key)) this.setFollow(false);
    };
    const resizes = this.observer();
    resizes.observe(scroller);
    for (const item of scroller.querySelectorAll('[data-index]')) resizes.observe(item);
    const listeners = [
      ['scroll', onScroll],
      ['wheel', onWheel],
      ['keydown', onKeyDown],
      ['pointerdown', this.forgetEcho],
      ['touchstart', this.forgetEcho],
    ] as const;
    for (const [name, listener] of listeners)
      scroller.addEventListener(name, listener as EventListener, { passive: true });
    return () => {
      resizes.disconnect();
      this.element = null;
      for (const [name, listener] of listeners)
        scroller.removeEventListener(name, listener as EventListener);
    };
  }

  private setFollow(value: boolean): void {
    if (this.following === value) return;
    this.following = value;
    this.onFollowing(value);
  }

  private observer(): ResizeObserver {
    return (this.resizes ??= new ResizeObserver(this.pin));
  }

  /** A scroll position, read where the layout is current: follow or stop, tell the virtualizer. */
  private seen(top: number): void {
    const element = this.element;
    if (!element) return;
    const atBottom = element.scrollHeight - top - element.clientHeight <= slackPx;
    if (atBottom) this.setFollow(true);
    // Our pins and growing content only ever move scrollTop down; moving up is the person.
    else if (top < this.lastTop - 1) this.setFollow(false);
    this.lastTop = top;
    this.report?.(top, true);
  }

  private pin = (): void => {
    const element = this.element;
    if (!element) return;
    const top = element.scrollTop;
    // A script's scroll since the last event: read it before pinning over it.
    if (top !== this.lastTop) {
      this.echo = null;
      this.seen(top);
    }
    if (!this.following) return;
    const target = element.scrollHeight - element.clientHeight;
    if (target - top < 1) return;
    element.scrollTop = target;
    const pinned = element.scrollTop;
    if (pinned === top) return;
    this.echo = this.lastTop = pinned;
    this.report?.(pinned, true);
  };
}
