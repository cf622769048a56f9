/** The paperclip and the document glyph of the attachment chips (lucide-style paths). */
export const PaperclipIcon = () => (
  <svg
    aria-hidden="true"
    viewBox="0 0 24 24"
    width="17"
    height="17"
    fill="none"
    stroke="currentColor"
    strokeWidth="2"
    strokeLinecap="round"
    strokeLinejoin="round"
  >
    <path d="m21.4 11.1-9.2 9.2a6 6 0 0 1-8.5-8.5l9.2-9.2a4 4 0 0 1 5.7 5.7l-9.2 9.2a2 2 0 0 1-2.8-2.8l8.5-8.5" />
  </svg>
);

export const FileIcon = ({ label }: { label: string }) => (
  <span
    aria-hidden="true"
    className="flex h-10 w-10 shrink-0 items-center justify-center rounded-md bg-zinc-200 text-[10px] font-semibold uppercase text-zinc-600 dark:bg-zinc-700 dark:text-zinc-200"
  >
    {label}
  </span>
);

/** A short type label for the file glyph: PDF, MD, TS, TXT. */
export function typeLabel(name: string, mimeType: string): string {
  if (mimeType === 'application/pdf') return 'PDF';
  const ext = name.includes('.') ? name.split('.').at(-1)! : 'txt';
  return ext.slice(0, 4);
}
