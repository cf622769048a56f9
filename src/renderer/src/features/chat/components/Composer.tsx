import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { PromptMenu, type PromptKeys } from '../../presets';
import { selectBusy, useChatStore } from '../store/chatStore';
import { useStorageStore } from '../../storage';
import { isMac, shortcutLabel } from '../../../lib/platform';
import { isSendKey, useGeneralPreferences, type SendKey } from '../../settings';
import { MissingKeyNotice, useMissingKey } from './composer/MissingKeyNotice';
import { ComposerAlerts } from './composer/ComposerAlerts';
import { SendStopButton } from './composer/SendStopButton';
import { usePickedProfile } from './composer/usePickedProfile';
import { AttachButton, AttachmentChips, useComposerAttachments } from '../../attachments';
import { ContextMeter } from './composer/ContextMeter';
import { selectContextBlocks, useContextStore } from '../store/contextStore';
import { useTranslation, type TFunction } from '../../../lib/i18n';

/** What the empty box says: how to send with the chosen key, or why nothing can be sent. */
function placeholderFor(t: TFunction, readOnly: boolean, sendKey: SendKey): string {
  if (readOnly) return t('composer.readOnly');
  return sendKey === 'enter'
    ? t('composer.placeholderEnter')
    : t('composer.placeholderShortcut', { shortcut: shortcutLabel('Enter') });
}

/** Multi-line message box: Enter (or Ctrl+Enter, by preference) sends, Esc or Stop stops. */
export function Composer() {
  const { t } = useTranslation('chat');
  const [text, setText] = useState('');
  const streaming = useChatStore((s) => s.activeStreamId !== null);
  // Also true in the moment between a click on Send or Regenerate and main naming the stream.
  const busy = useChatStore(selectBusy);
  const sendError = useChatStore((s) => s.sendError);
  const sendKey = useGeneralPreferences((s) => s.sendKey);
  const send = useChatStore((s) => s.send);
  const stop = useChatStore((s) => s.stop);
  // A read-only history cannot keep a new message: say so in the box instead of failing on Send.
  const readOnly = useStorageStore((s) => !s.status.writable);
  // A profile that needs a key and has none: said before any request, with a way to add one.
  const missingKey = useMissingKey();
  const [keyAsked, setKeyAsked] = useState(false);
  const attach = useComposerAttachments(usePickedProfile(), !readOnly);
  const ready = (!!text.trim() || attach.parts.length > 0) && !attach.storing && !attach.problem;
  // context: a request that will not fit waits for the person's choice (the meter's warning).
  const overflows = useContextStore(selectContextBlocks);
  // presets: a draft that is `/` and a word opens the saved prompts; Esc closes them for it.
  const promptKeys: PromptKeys = useRef(null);
  const [menuClosedFor, setMenuClosedFor] = useState<string | null>(null);
  const slash = /^\/(\S*)$/.exec(text);
  const menuOpen = !!slash && menuClosedFor !== text;

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    const prompt = text.trim();
    if (!ready || busy || readOnly || overflows) return;
    if (missingKey) return setKeyAsked(true);
    setText('');
    if (await send(prompt, attach.parts)) attach.clear();
    else setText(prompt);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (menuOpen && promptKeys.current?.(event)) return;
    if (isSendKey(event, sendKey, isMac) && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void submit();
    } else if (event.key === 'Escape' && streaming) {
      event.preventDefault();
      void stop();
    }
  };

  return (
    <form onSubmit={submit} className="border-t border-zinc-200 px-4 py-3 dark:border-zinc-800">
      <div className="mx-auto max-w-3xl">
        {keyAsked && missingKey && <MissingKeyNotice view={missingKey} />}
        <ComposerAlerts problem={attach.problem} sendError={sendError} />
        {menuOpen && (
          <PromptMenu
            query={slash[1] ?? ''}
            keysRef={promptKeys}
            onInsert={(inserted) => setText(inserted)}
            onClose={() => setMenuClosedFor(text)}
          />
        )}
        <div className="composer-box">
          <AttachmentChips profile={usePickedProfile()?.view ?? null} />
          <textarea
            aria-label={t('composer.label')}
            placeholder={placeholderFor(t, readOnly, sendKey)}
            disabled={readOnly}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={onKeyDown}
            onPaste={attach.onPaste}
            rows={2}
            className="composer-input"
          />
          <SendStopButton
            streaming={streaming}
            canSend={ready && !readOnly && !busy && !overflows}
            onStop={() => void stop()}
            attach={<AttachButton disabled={readOnly} />}
          />
        </div>
        <ContextMeter draft={text} attachments={attach.parts} />
      </div>
    </form>
  );
}
