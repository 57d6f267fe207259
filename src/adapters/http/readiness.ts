/**
 * One readable sentence for why a readiness check failed, whatever was thrown: an Error, an msal
 * AuthError (errorCode + errorMessage), a driver error with only a `code`, or a plain object.
 * Never "[object Object]"; never a stack; capped.
 */
export function describeFailure(error: unknown): string {
  const text = failureText(error).replace(/\s+/g, ' ').trim();
  const capped = text.length > 300 ? `${text.slice(0, 297)}…` : text;
  return capped || 'no reason was given';
}

function failureText(error: unknown): string {
  if (typeof error === 'string') return error;
  if (error === null || error === undefined) return '';
  if (typeof error !== 'object') return String(error);
  const e = error as {
    message?: unknown;
    errorMessage?: unknown;
    errorCode?: unknown;
    code?: unknown;
    error_description?: unknown;
    error?: unknown;
    cause?: unknown;
  };
  const message = [e.errorMessage, e.message, e.error_description].find(
    (m): m is string => typeof m === 'string' && m.trim() !== '',
  );
  const code = [e.errorCode, e.code, typeof e.error === 'string' ? e.error : undefined].find(
    (c): c is string => typeof c === 'string' && c !== '',
  );
  if (message && code && !message.includes(code)) return `${message} (${code})`;
  if (message) return message;
  if (code) return code;
  if (e.cause !== undefined) return failureText(e.cause);
  if (error instanceof AggregateError) return error.errors.map(failureText).join('; ');
  try {
    const json = JSON.stringify(error);
    return json && json !== '{}' ? json : '';
  } catch {
    return '';
  }
}
