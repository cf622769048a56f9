/**
 * Error responses as each provider sends them (bodies modelled on the providers' documented and
 * observed errors), so the engine is tested against the real shapes, not ours.
 */
import { geminiFault } from './geminiDialect';

export type Dialect = 'openai' | 'azure' | 'anthropic' | 'gemini';

export interface FaultResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const html502 =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

function openaiError(
  message: string,
  type: string | null,
  code: string | null,
  param: string | null = null,
) {
  return { error: { message, type, param, code } };
}

function openaiFault(fault: string, model: string): [number, unknown] | null {
  switch (fault) {
    case '401':
      return [
        401,
        openaiError(
          'Incorrect API key provided: sk-emu-***********0000. You can find your API key at https://platform.openai.com/account/api-keys.',
          'invalid_request_error',
          'invalid_api_key',
        ),
      ];
    case '403':
      return [
        403,
        {
          error: {
            code: 'unsupported_country_region_territory',
            message: 'Country, region, or territory not supported',
            param: null,
            type: 'request_forbidden',
          },
        },
      ];
    case '404':
      return [
        404,
        openaiError(
          `The model \`${model}\` does not exist or you do not have access to it.`,
          'invalid_request_error',
          'model_not_found',
        ),
      ];
    case '429':
      return [
        429,
        openaiError(
          `Rate limit reached for ${model} in organization org-emulator on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in 20ms. Visit https://platform.openai.com/account/rate-limits to learn more.`,
          'requests',
          'rate_limit_exceeded',
        ),
      ];
    case 'quota':
      return [
        429,
        openaiError(
          'You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.',
          'insufficient_quota',
          'insufficient_quota',
        ),
      ];
    case 'context':
      return [
        400,
        openaiError(
          "This model's maximum context length is 128000 tokens. However, your messages resulted in 130217 tokens. Please reduce the length of the messages.",
          'invalid_request_error',
          'context_length_exceeded',
          'messages',
        ),
      ];
    case 'filter':
      return [
        400,
        openaiError(
          'Your request was rejected as a result of our safety system. Your prompt may contain text that is not allowed by our safety system.',
          'invalid_request_error',
          'content_policy_violation',
        ),
      ];
    case '400':
      return [
        400,
        openaiError(
          "Invalid type for 'temperature': expected a decimal, but got a string instead.",
          'invalid_request_error',
          'invalid_type',
          'temperature',
        ),
      ];
    case '413':
      return [
        413,
        openaiError(
          `Request too large for model \`${model}\` on tokens per min (TPM): Limit 6000, Requested 9000, please reduce your message size and try again.`,
          'tokens',
          'rate_limit_exceeded',
        ),
      ];
    case '500':
      return [
        500,
        openaiError(
          'The server had an error while processing your request. Sorry about that!',
          'server_error',
          null,
        ),
      ];
    case '503':
      return [
        503,
        openaiError(
          'The engine is currently overloaded, please try again later',
          'server_error',
          null,
        ),
      ];
    case '529':
      return [
        529,
        { error: { message: 'Overloaded', type: 'overloaded_error', param: null, code: null } },
      ];
    case 'stream_options':
      return [
        400,
        {
          object: 'error',
          message:
            "[{'type': 'extra_forbidden', 'loc': ('body', 'stream_options'), 'msg': 'Extra inputs are not permitted'}]",
          type: 'BadRequestError',
          param: null,
          code: 400,
        },
      ];
  }
  return null;
}

function azureFault(fault: string, model: string): [number, unknown] | null {
  switch (fault) {
    case '401':
      return [
        401,
        {
          error: {
            code: '401',
            message:
              'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.',
          },
        },
      ];
    case '404':
      return [
        404,
        {
          error: {
            code: 'DeploymentNotFound',
            message:
              'The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.',
          },
        },
      ];
    case '429':
      return [
        429,
        {
          error: {
            code: '429',
            message:
              'Requests to the ChatCompletions_Create Operation under Azure OpenAI API version 2024-10-21 have exceeded token rate limit of your current OpenAI S0 pricing tier. Please retry after 1 second. Please go here: https://aka.ms/oai/quotaincrease if you would like to further increase the default rate limit.',
          },
        },
      ];
    case 'filter':
      return [
        400,
        {
          error: {
            message:
              "The response was filtered due to the prompt triggering Azure OpenAI's content management policy. Please modify your prompt and retry. To learn more about our content filtering policies please read our documentation: https://go.microsoft.com/fwlink/?linkid=2198766",
            type: null,
            param: 'prompt',
            code: 'content_filter',
            status: 400,
            innererror: {
              code: 'ResponsibleAIPolicyViolation',
              content_filter_result: {
                hate: { filtered: false, severity: 'safe' },
                self_harm: { filtered: false, severity: 'safe' },
                sexual: { filtered: false, severity: 'safe' },
                violence: { filtered: true, severity: 'medium' },
              },
            },
          },
        },
      ];
  }
  return openaiFault(fault, model);
}

function anthropicError(type: string, message: string) {
  return {
    type: 'error',
    error: { type, message },
    request_id: `req_011CemuAnthropic${Date.now().toString(36)}`,
  };
}

function anthropicFault(fault: string, model: string): [number, unknown] | null {
  switch (fault) {
    case '401':
      return [401, anthropicError('authentication_error', 'invalid x-api-key')];
    case '403':
      return [
        403,
        anthropicError(
          'permission_error',
          'Your API key does not have permission to use the specified resource.',
        ),
      ];
    case '404':
      return [404, anthropicError('not_found_error', `model: ${model}`)];
    case '429':
      return [
        429,
        anthropicError(
          'rate_limit_error',
          'This request would exceed the rate limit for your organization of 50,000 input tokens per minute. For details, refer to: https://docs.claude.com/en/api/rate-limits.',
        ),
      ];
    case 'quota':
      return [
        400,
        anthropicError(
          'invalid_request_error',
          'Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.',
        ),
      ];
    case 'context':
      return [
        400,
        anthropicError(
          'invalid_request_error',
          'prompt is too long: 208310 tokens > 200000 maximum',
        ),
      ];
    case '400':
      return [
        400,
        anthropicError(
          'invalid_request_error',
          'messages: roles must alternate between "user" and "assistant", but found multiple "user" roles in a row',
        ),
      ];
    case '413':
      return [
        413,
        anthropicError('request_too_large', 'Request exceeds the maximum allowed number of bytes.'),
      ];
    case '500':
      return [500, anthropicError('api_error', 'Internal server error')];
    case '503':
      return [503, anthropicError('overloaded_error', 'Overloaded')];
    case '529':
      return [529, anthropicError('overloaded_error', 'Overloaded')];
  }
  return null;
}

/** The same fault, its message quoting the key as a careless gateway or provider does. */
function echoingKey([status, body]: [number, unknown], key: string): [number, unknown] {
  const quote = `Incorrect API key provided: ${key}.`;
  const copy = structuredClone(body) as { error?: { message?: string } };
  const said = copy.error?.message ?? '';
  // OpenAI's own 401 names a masked key: that one becomes the whole key.
  if (copy.error)
    copy.error.message = /Incorrect API key provided: \S+?\./.test(said)
      ? said.replace(/Incorrect API key provided: \S+?\./, quote)
      : `${quote} ${said}`.trim();
  return [status, copy];
}

export function faultResponse(
  dialect: Dialect,
  fault: string,
  model: string,
  extraHeaders: Record<string, string>,
  /** The key the request carried, to quote whole in the message (`echo_key=1`). */
  echoKey: string | null = null,
): FaultResponse | null {
  if (fault === '502') {
    return {
      status: 502,
      headers: { 'content-type': 'text/html', ...extraHeaders },
      body: html502,
    };
  }
  const found =
    dialect === 'gemini'
      ? geminiFault(fault, model)
      : dialect === 'anthropic'
        ? anthropicFault(fault, model)
        : dialect === 'azure'
          ? azureFault(fault, model)
          : openaiFault(fault, model);
  if (!found) return null;
  const [status, body] = echoKey ? echoingKey(found, echoKey) : found;
  return {
    status,
    headers: { 'content-type': 'application/json', ...extraHeaders },
    body: JSON.stringify(body),
  };
}

const inStreamMessages: Record<string, { openai: string; anthropic: string; message: string }> = {
  server: {
    openai: 'server_error',
    anthropic: 'api_error',
    message: 'The server had an error while processing your request. Sorry about that!',
  },
  overloaded: { openai: 'server_error', anthropic: 'overloaded_error', message: 'Overloaded' },
  rate_limit: {
    openai: 'rate_limit_exceeded',
    anthropic: 'rate_limit_error',
    message: 'Rate limit exceeded while generating.',
  },
};

/** The data of an in-stream error event in each provider's form. */
export function inStreamError(
  form: string,
  type: string,
  chunkBase: Record<string, unknown>,
): { event?: string; data: string } {
  const kind = inStreamMessages[type] ?? inStreamMessages.server!;
  switch (form) {
    case 'anthropic':
      return {
        event: 'error',
        data: JSON.stringify({
          type: 'error',
          error: { type: kind.anthropic, message: kind.message },
        }),
      };
    case 'groq':
      // Groq stops a stream with a chunk whose x_groq carries the error text.
      return {
        data: JSON.stringify({
          ...chunkBase,
          choices: [{ index: 0, delta: {}, logprobs: null, finish_reason: null }],
          x_groq: { id: 'req_emu_groq', error: kind.message },
        }),
      };
    case 'openrouter':
      // OpenRouter: an ordinary chunk with an `error` field and finish_reason "error".
      return {
        data: JSON.stringify({
          ...chunkBase,
          provider: 'Emulator',
          error: { code: kind.openai, message: kind.message },
          choices: [
            {
              index: 0,
              delta: { content: '' },
              finish_reason: 'error',
              native_finish_reason: 'error',
            },
          ],
        }),
      };
    default:
      // OpenAI: a bare `{"error": …}` data line, then the stream closes.
      return {
        data: JSON.stringify({
          error: { message: kind.message, type: kind.openai, param: null, code: null },
        }),
      };
  }
}
