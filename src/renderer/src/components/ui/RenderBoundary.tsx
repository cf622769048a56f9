import { Component, type ErrorInfo, type ReactNode } from 'react';

interface RenderBoundaryProps {
  /** Which part of the window this guards, for the console. */
  name: string;
  children: ReactNode;
  /** What to show instead once a render failed; `retry` renders the children again. */
  fallback: (error: Error, retry: () => void) => ReactNode;
  /** When this changes (another conversation, new text), a caught failure is forgotten. */
  resetKey?: unknown;
}

interface RenderBoundaryState {
  error: Error | null;
  resetKey: unknown;
}

/**
 * A React error boundary: a part that throws while rendering is replaced by its fallback, and
 * the rest of the window goes on working. (Error boundaries can only be classes in React.)
 */
export class RenderBoundary extends Component<RenderBoundaryProps, RenderBoundaryState> {
  override state: RenderBoundaryState = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<RenderBoundaryState> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(
    props: RenderBoundaryProps,
    state: RenderBoundaryState,
  ): Partial<RenderBoundaryState> | null {
    return props.resetKey === state.resetKey ? null : { error: null, resetKey: props.resetKey };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`${this.props.name} could not be shown:`, error, info.componentStack);
  }

  private readonly retry = () => this.setState({ error: null });

  override render(): ReactNode {
    return this.state.error
      ? this.props.fallback(this.state.error, this.retry)
      : this.props.children;
  }
}
