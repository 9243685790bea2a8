/**
 * Errors shaped as the SDK's deserialisers throw them: `name` is the AWS error code, `$metadata`
 * carries the HTTP status, `$fault` who is to blame. The retry middleware classifies by these.
 */
export interface AwsError extends Error {
  $fault: 'client' | 'server';
  $metadata: { httpStatusCode: number; requestId?: string };
  $retryable?: { throttling: boolean };
}

export function awsError(code: string, message: string, status = 400): AwsError {
  const e = new Error(message) as AwsError;
  e.name = code;
  e.$fault = status >= 500 ? 'server' : 'client';
  e.$metadata = { httpStatusCode: status };
  return e;
}

/** What each service answers when a token bucket is empty. */
export function throttleError(code: string, status: number): AwsError {
  const e = awsError(code, code === 'RequestLimitExceeded' ? 'Request limit exceeded.' : 'Rate exceeded', status);
  e.$retryable = { throttling: true };
  return e;
}

export const isAwsError = (e: unknown): e is AwsError =>
  e instanceof Error && typeof (e as Partial<AwsError>).$metadata === 'object' && typeof (e as Partial<AwsError>).$fault === 'string';
