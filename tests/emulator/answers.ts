/**
 * Fixed rich answers the emulator can stream (`[answer=NAME]` in the prompt), so e2e tests and
 * screenshots see real markdown: a long code answer, a table, math; and hostile output.
 */
import { hostileAnswers } from './hostileAnswers';

/** String.raw keeps the backslash of \` and \${: drop it there, keep it in the TeX. */
const unescape = (text: string) => text.replace(/\\`/g, '`').replace(/\\\$\{/g, '${');

const markdownDemo = unescape(String.raw`## A rate limiter in TypeScript

Here is a **token bucket** that refills continuously. It allows short bursts up to \`capacity\` and
an average of \`refillPerSecond\` requests — see [the Wikipedia article](https://en.wikipedia.org/wiki/Token_bucket).

\`\`\`typescript
/** A token bucket: \`take()\` succeeds while tokens remain; they refill over time. */
export class TokenBucket {
  private tokens: number;
  private last = performance.now();

  constructor(
    private readonly capacity: number,
    private readonly refillPerSecond: number,
  ) {
    this.tokens = capacity;
  }

  /** Takes \`cost\` tokens if there are enough; returns whether it did. */
  take(cost = 1): boolean {
    this.refill();
    if (this.tokens < cost) return false;
    this.tokens -= cost;
    return true;
  }

  /** Milliseconds until \`cost\` tokens will be available. */
  waitTime(cost = 1): number {
    this.refill();
    const missing = Math.max(0, cost - this.tokens);
    return (missing / this.refillPerSecond) * 1000;
  }

  private refill(): void {
    const now = performance.now();
    const elapsed = (now - this.last) / 1000;
    this.tokens = Math.min(this.capacity, this.tokens + elapsed * this.refillPerSecond);
    this.last = now;
  }
}

// Usage: at most 5 requests at once, 2 per second on average.
const bucket = new TokenBucket(5, 2);
for (let i = 0; i < 8; i++) {
  console.log(i, bucket.take() ? 'sent' : \`wait \${bucket.waitTime().toFixed(0)} ms\`);
}
\`\`\`

### How it compares

| Algorithm | Bursts | Memory | Precision |
|---|---|---|---|
| Token bucket | up to capacity | O(1) | smooth |
| Fixed window | 2× at the edges | O(1) | coarse |
| Sliding log | none | O(n) | exact |
| Sliding window counter | small | O(1) | approximate |

### The math

After $t$ seconds idle the bucket holds $\min(C,\; b_0 + r t)$ tokens, so the longest burst over a
window $T$ is

$$
N_{\max}(T) = C + r\,T, \qquad \text{with the average rate } \lim_{T \to \infty} \frac{N_{\max}(T)}{T} = r.
$$

- [x] Refill continuously
- [x] Report the wait time
- [ ] Share one bucket across processes

> Tip: for a shared limit across processes, keep the bucket in Redis and refill with a Lua script.
`);

const xss = String.raw`Hostile output follows; none of it may run.

<script>window.__xss = 'script'</script>

<img src="x" onerror="window.__xss = 'onerror'">

<iframe src="javascript:window.__xss = 'iframe'"></iframe>

[a javascript link](javascript:window.__xss='link') and [a data link](data:text/html,<script>alert(1)</script>)

<a href="javascript:window.__xss='anchor'">raw anchor</a> <b onmouseover="window.__xss='hover'">hover me</b>

$\href{javascript:window.__xss='katex'}{katex link}$

![image](javascript:window.__xss='img')

Done.
`;

/** An answer that talks about the end marker: its text must never end a stream. */
const doneMarker = 'An OpenAI stream ends with a line that reads data: [DONE] and nothing else.';

export const fixedAnswers: Record<string, string> = {
  'markdown-demo': markdownDemo,
  xss,
  'done-marker': doneMarker,
  ...hostileAnswers,
};

/** Splits text into token-sized pieces (a word, or up to 6 characters of one) that rejoin exactly. */
export function tokenize(text: string): string[] {
  return text.match(/\s*[^\s]{1,6}|\s+/g) ?? [];
}
