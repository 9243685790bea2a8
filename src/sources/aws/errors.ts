/** What our code needs to know about an error the SDK threw. */
export interface ErrorFacts {
  /** The AWS error code (AccessDenied, NoSuchBucketPolicy...) or a Node code (ENOTFOUND). */
  code: string;
  /** One line for the report: code and message, never more than a few hundred characters. */
  text: string;
}

const THROTTLE_CODES = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestThrottledException',
  'TooManyRequestsException',
  'ProvisionedThroughputExceededException',
  'TransactionInProgressException',
  'RequestLimitExceeded',
  'BandwidthLimitExceeded',
  'LimitExceededException',
  'RequestThrottled',
  'SlowDown',
  'PriorRequestNotComplete',
  'EC2ThrottledException',
]);

const ACCESS_CODES = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'UnauthorizedAccess',
  'AuthorizationError',
  'AuthFailure',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'OptInRequired',
  'SubscriptionRequiredException',
]);

const MAX_TEXT = 300;

export function errorFacts(e: unknown): ErrorFacts {
  if (e && typeof e === 'object') {
    const o = e as { name?: unknown; Code?: unknown; code?: unknown; message?: unknown };
    const message = typeof o.message === 'string' ? o.message.replace(/\s+/g, ' ').trim() : '';
    // An answer the SDK could not parse (an HTML error page, an emulator lacking the API).
    if (message.includes('Deserialization error')) {
      const status = (e as { $response?: { statusCode?: number } }).$response?.statusCode;
      return { code: 'UnexpectedResponse', text: `UnexpectedResponse: the endpoint's answer could not be read${status ? ` (HTTP ${status})` : ''}` };
    }
    const code = String(o.Code ?? (typeof o.code === 'string' ? o.code : undefined) ?? o.name ?? 'Error');
    const text = message && message !== code ? `${code}: ${message}` : code;
    return { code, text: text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text };
  }
  return { code: 'Error', text: String(e).slice(0, MAX_TEXT) };
}

export function isThrottle(e: unknown): boolean {
  const facts = errorFacts(e);
  if (THROTTLE_CODES.has(facts.code)) return true;
  const status = (e as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata?.httpStatusCode;
  return status === 429;
}

export function isAccessDenied(code: string): boolean {
  return ACCESS_CODES.has(code);
}

/**
 * "Not configured" answers: S3's NoSuch* codes and the *NotFound* family. Callers list the codes
 * that mean "absent" for each call; this is only the common default.
 */
export function isNotFound(code: string): boolean {
  return code !== 'NoSuchBucket' && (code.startsWith('NoSuch') || /NotFound/.test(code) || code === 'WAFNonexistentItemException');
}
