/**
 * A deterministic ~20k-token markdown answer of the kind models write: prose with inline marks,
 * headings, lists, fenced code, GFM tables and math. Split into real tokenizer tokens so the
 * stream's chunk boundaries fall where a provider's would.
 */
import { decode, encode } from 'gpt-tokenizer';

const topics = [
  'caching',
  'retries',
  'pagination',
  'rate limits',
  'streaming',
  'batching',
  'indexing',
  'sharding',
];

function section(i: number): string {
  const topic = topics[i % topics.length]!;
  const n = i + 2;
  return `## ${i + 1}. Notes on ${topic}

When you design for **${topic}**, start from what the caller observes: latency, errors and cost.
A good default is to measure first, then change one thing at a time; the \`p95\` matters more than
the mean, and a [short write-up](https://example.com/${topic.replace(' ', '-')}) helps the next person.
Keep the *happy path* simple and make the failure modes explicit, because they are what people hit
at 3 a.m. when something upstream degrades.

- Measure the baseline over at least ${n * 100} requests.
- Change one parameter, for example the window of ${n} seconds.
- Compare the distributions, not just two averages.

\`\`\`${i % 2 ? 'python' : 'typescript'}
${
  i % 2
    ? `def backoff(attempt: int, base: float = 0.5, cap: float = ${n}.0) -> float:
    """Exponential backoff with full jitter, capped."""
    import random
    delay = min(cap, base * (2 ** attempt))
    return random.uniform(0, delay)


for attempt in range(${n + 3}):
    wait = backoff(attempt)
    print(f"attempt {attempt}: sleeping {wait:.2f}s")
    if attempt > ${n}:
        raise TimeoutError("gave up after retries")`
    : `interface Page<T> {
  items: T[];
  next: string | null;
}

export async function* paginate<T>(fetchPage: (cursor: string | null) => Promise<Page<T>>) {
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await fetchPage(cursor);
    pages += 1;
    for (const item of page.items) yield item;
    cursor = page.next;
  } while (cursor !== null && pages < ${n * 10});
}`
}
\`\`\`

| Strategy | Latency p50 | Latency p95 | Cost per 1k | Notes |
|---|---:|---:|---:|---|
| Baseline | ${n * 12} ms | ${n * 40} ms | $0.${n}0 | no ${topic} |
| Tuned | ${n * 9} ms | ${n * 21} ms | $0.${n}4 | window ${n}s |
| Aggressive | ${n * 7} ms | ${n * 35} ms | $0.${n}9 | more misses |

The expected wait with full jitter is $E[W] = \\frac{1}{2}\\min(c, b \\cdot 2^{k})$ for attempt $k$,
and the total over $K$ attempts is bounded by

$$
\\sum_{k=0}^{K-1} \\frac{1}{2}\\min\\left(c,\\; b\\,2^{k}\\right) \\le \\frac{b}{2}\\left(2^{K}-1\\right).
$$

> In short: prefer ${topic} that degrades gracefully, and say in the logs *why* a request waited.

`;
}

/** The answer's tokens (as text pieces), about `target` of them. */
export function renderCorpusTokens(target = 20_000): string[] {
  let text = '# Designing reliable API clients\n\n';
  for (let i = 0; encode(text).length < target; i++) text += section(i);
  const ids = encode(text).slice(0, target);
  return ids.map((id) => decode([id]));
}
