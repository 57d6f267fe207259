/** The environment packaging needs (MicrosoftAppId, BOT_DOMAIN), checked with an example for each. */
import { z } from 'zod';
import { PackagingError } from './packaging-error';

/** What the manifest needs from the environment. */
export interface PackagingEnv {
  appId: string;
  botDomain: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A DNS name with at least two labels and an alphabetic top-level label (so no IPs, no localhost). */
const HOST_NAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

const APP_ID_EXAMPLE = 'MicrosoftAppId=1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d';
const BOT_DOMAIN_EXAMPLE = 'BOT_DOMAIN=elevate.contoso.com';

function botDomainProblem(value: string): string | undefined {
  if (/\s/.test(value)) return 'must not contain spaces';
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value))
    return 'must be a bare host name, without a scheme such as "https://"';
  if (value.includes('/')) return 'must be a bare host name, without a path or trailing "/"';
  if (value.includes('@')) return 'must be a bare host name, without user information';
  if (/:\d*$/.test(value)) return 'must be a bare host name, without a port (Teams reaches the bot on 443)';
  if (/^[\d.]+$/.test(value) || value.includes(':')) return 'must be a DNS host name, not an IP address';
  if (!HOST_NAME.test(value)) {
    return 'is not a valid public DNS host name (letters, digits and "-" in dot-separated labels, e.g. a.b.com; localhost is not accepted by Teams)';
  }
  return undefined;
}

const envSchema = z.object({
  MicrosoftAppId: z
    .string({ error: 'is not set' })
    .trim()
    .min(1, { error: 'is empty', abort: true })
    .regex(GUID, {
      error: "must be the bot's Microsoft App ID, a GUID like 1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d",
    }),
  BOT_DOMAIN: z
    .string({ error: 'is not set' })
    .trim()
    .min(1, { error: 'is empty', abort: true })
    .superRefine((value, ctx) => {
      const problem = botDomainProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
});

const EXAMPLES: Record<string, string> = { MicrosoftAppId: APP_ID_EXAMPLE, BOT_DOMAIN: BOT_DOMAIN_EXAMPLE };

/** Reads and checks MicrosoftAppId and BOT_DOMAIN; throws one error naming every bad variable. */
export function readPackagingEnv(env: NodeJS.ProcessEnv): PackagingEnv {
  const parsed = envSchema.safeParse({ MicrosoftAppId: env.MicrosoftAppId, BOT_DOMAIN: env.BOT_DOMAIN });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      const shown = env[name] === undefined ? '' : ` (got ${JSON.stringify(env[name])})`;
      return `${name} ${issue.message}${shown}. Example: ${EXAMPLES[name]}`;
    });
    throw new PackagingError(
      problems,
      2,
      'Cannot build the Teams app package: fix these environment variables (or .env)',
    );
  }
  return { appId: parsed.data.MicrosoftAppId.toLowerCase(), botDomain: parsed.data.BOT_DOMAIN.toLowerCase() };
}
