import type { ToolServerLogLine } from '../../../shared/tools';

const MAX_LINES = 200;
const MAX_LINE = 2000;

/** The last lines a server wrote to stderr and what the client saw, for the log viewer. */
export class ServerLog {
  private lines: ToolServerLogLine[] = [];
  private partial = '';

  /** A chunk of stderr: split into lines, the unfinished one kept until its end comes. */
  stderr(chunk: string): void {
    const text = this.partial + chunk;
    const parts = text.split(/\r?\n/);
    this.partial = parts.pop() ?? '';
    for (const line of parts) if (line) this.add('stderr', line);
  }

  client(text: string): void {
    this.add('client', text);
  }

  snapshot(): ToolServerLogLine[] {
    const rest = this.partial
      ? [{ at: Date.now(), source: 'stderr' as const, text: this.partial }]
      : [];
    return [...this.lines, ...rest];
  }

  /** The last stderr lines in one string, to say why a server failed. */
  stderrTail(count = 5): string {
    return this.snapshot()
      .filter((line) => line.source === 'stderr')
      .slice(-count)
      .map((line) => line.text)
      .join('\n');
  }

  private add(source: ToolServerLogLine['source'], text: string): void {
    this.lines.push({ at: Date.now(), source, text: text.slice(0, MAX_LINE) });
    if (this.lines.length > MAX_LINES) this.lines.splice(0, this.lines.length - MAX_LINES);
  }
}
