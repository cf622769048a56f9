import type {
  CaptureSettings,
  ExchangeAttemptView,
  ToolCallExchangeView,
} from '../../../../../shared/exchanges';
import type { Loaded } from '../store/inspectorStore';
import { RequestSection, ResponseSection } from './ExchangeSections';
import { ToolCallMessages } from './ToolCallMessages';
import { useTranslation } from '../../../lib/i18n';

interface Props {
  loaded: Loaded;
  attempt: ExchangeAttemptView | undefined;
  capture: CaptureSettings | null;
  /** The tool calls the shown step asked for, with their MCP messages. */
  toolCalls?: ToolCallExchangeView[] | undefined;
}

/** The request and response of the chosen attempt, or why there is none to show. */
export function InspectorBody({ loaded, attempt, capture, toolCalls }: Props) {
  const { t } = useTranslation('inspector');
  return (
    <div className="min-h-0 flex-1 overflow-auto px-5 py-4">
      {loaded.state === 'loading' && <p className="text-sm text-zinc-500">{t('loading')}</p>}
      {loaded.state === 'error' && (
        <p role="alert" className="text-sm text-red-600">
          {loaded.message}
        </p>
      )}
      {loaded.state === 'ready' && !attempt && (
        <p className="text-sm text-zinc-500">
          {capture && !capture.enabled ? t('nothingCaptureOff') : t('nothingCaptured')}
        </p>
      )}
      {attempt && (
        <div className="grid gap-6 lg:grid-cols-2">
          <RequestSection attempt={attempt} />
          <ResponseSection attempt={attempt} />
        </div>
      )}
      {attempt && toolCalls && <ToolCallMessages calls={toolCalls} />}
    </div>
  );
}
