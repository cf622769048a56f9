import { useEffect, useRef, useState } from 'react';
import { api } from '../../../lib/api';
import { pickLabel } from '../../chat';
import type { ColumnState } from '../components/CompareColumn';
import type { LaneChoice } from '../components/CompareLanes';

/**
 * One comparison at a time: starts it, folds each column's batches into its text and figures,
 * stops it, and continues a finished column as a conversation.
 */
export function useCompareRun() {
  const [columns, setColumns] = useState<ColumnState[]>([]);
  const [error, setError] = useState<string | null>(null);
  const compareId = useRef<string | null>(null);

  useEffect(
    () =>
      api.on('compareStream', (batch) => {
        if (batch.compareId !== compareId.current) return;
        setColumns((current) =>
          current.map((column, i) => {
            if (i !== batch.lane) return column;
            let text = column.text;
            for (const event of batch.events) if (event.type === 'text') text += event.text;
            return { ...column, text, figures: batch.figures ?? column.figures };
          }),
        );
      }),
    [],
  );

  const run = async (prompt: string, lanes: LaneChoice[]) => {
    setError(null);
    const result = await api.startCompare({ prompt, lanes, stream: true });
    if (!result.ok) return setError(result.error.message);
    compareId.current = result.value.compareId;
    setColumns(
      result.value.lanes.map((lane) => ({
        // Named as the selector names a pick, model first.
        title: pickLabel(lane.model, { name: lane.profileName }),
        text: '',
        figures: null,
      })),
    );
  };

  const stop = () => {
    if (compareId.current) void api.stopCompare({ compareId: compareId.current });
  };

  /** The new conversation's id, or null when it could not be made (the error is shown). */
  const continueLane = async (lane: number): Promise<string | null> => {
    if (!compareId.current) return null;
    const result = await api.continueCompare({ compareId: compareId.current, lane });
    if (!result.ok) {
      setError(result.error.message);
      return null;
    }
    return result.value.conversationId;
  };

  // Running until every column has its figures (they come with each column's last batch).
  const running = columns.some((c) => !c.figures);
  return { columns, running, error, run, stop, continueLane };
}
