import type { IncomingMessage } from 'node:http';
import { Duration } from 'luxon';
import type { z } from 'zod';
import { ControlError } from './control-route';

/** The JSON body of a control call; an empty body is `{}`. */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return {};
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ControlError(400, `Body is not valid JSON: ${(error as Error).message}`);
  }
}

/** `value` checked against `schema`; the first issue is a 400 naming `what` and the field. */
export function parseWith<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ControlError(400, `Invalid ${what}: '${issue.path.join('.') || '(body)'}' ${issue.message}.`);
  }
  return result.data;
}

/** An ISO 8601 duration from field `field`; anything else is a 400. */
export function isoDuration(value: string, field: string): Duration {
  const d = Duration.fromISO(value);
  if (!d.isValid)
    throw new ControlError(
      400,
      `'${field}' must be an ISO 8601 duration such as PT30M or P1D; got '${value}'.`,
    );
  return d;
}
