import { memo, useState } from 'react';

interface ReasoningBlockProps {
  text: string;
  /** Reasoning is still arriving and no answer text has come yet. */
  thinking: boolean;
}

/** The model's reasoning, folded away unless it is all there is to watch yet. */
export const ReasoningBlock = memo(function ReasoningBlock({
  text,
  thinking,
}: ReasoningBlockProps) {
  // null: the person has not chosen; follow the stream (open while thinking, closed after).
  const [chosen, setChosen] = useState<boolean | null>(null);
  const open = chosen ?? thinking;
  return (
    <details
      className="reasoning"
      open={open}
      onToggle={(event) => {
        const next = event.currentTarget.open;
        if (next !== open) setChosen(next);
      }}
    >
      <summary>{thinking ? 'Thinking…' : 'Reasoning'}</summary>
      <div className="reasoning-text">{text}</div>
    </details>
  );
});
