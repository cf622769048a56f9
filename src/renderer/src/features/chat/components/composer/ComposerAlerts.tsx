/** Why the message cannot go yet (an attachment refused) and why the last send failed. */
export function ComposerAlerts({
  problem,
  sendError,
}: {
  problem: string | null | undefined;
  sendError: string | null | undefined;
}) {
  return (
    <>
      {problem && (
        <p role="alert" className="mb-2 text-sm text-amber-800 dark:text-amber-200">
          {problem}
        </p>
      )}
      {sendError && (
        <p role="alert" className="mb-2 text-sm text-red-700 dark:text-red-300">
          {sendError}
        </p>
      )}
    </>
  );
}
