import type { Request, Response, Server } from 'restify';
import type { Logger } from '../observability/logger';
import { isDomainError } from '../../domain/errors';
import {
  STEP_UP_CALLBACK_PATH,
  STEP_UP_PATH,
  type StepUpPageResult,
  type StepUpService,
} from '../teams/step-up/step-up-service';

/** The bot's own step-up pages: start (redirect to Entra with the claims) and callback. */
export function stepUpPages(service: StepUpService, logger: Logger): (server: Server) => void {
  return (server) => {
    server.get(STEP_UP_PATH, async (req: Request, res: Response) => {
      send(res, await run(() => service.begin(query(req).state), logger));
    });
    const callback = async (req: Request, res: Response) => {
      const params = {
        ...query(req),
        ...(typeof req.body === 'object' && req.body ? (req.body as Record<string, unknown>) : {}),
      };
      send(res, await run(() => service.complete(params), logger));
    };
    server.get(STEP_UP_CALLBACK_PATH, callback);
    server.post(STEP_UP_CALLBACK_PATH, callback);
  };
}

function query(req: Request): Record<string, unknown> {
  return (req.query ?? {}) as Record<string, unknown>;
}

async function run(step: () => Promise<StepUpPageResult>, logger: Logger): Promise<StepUpPageResult> {
  try {
    return await step();
  } catch (error) {
    if (isDomainError(error)) {
      return {
        kind: 'refused',
        status: 400,
        title: 'Verification did not work',
        message: `${error.message} ${error.remedy ?? ''}`.trim(),
      };
    }
    logger.error({ err: error }, 'step-up page failed');
    return {
      kind: 'refused',
      status: 500,
      title: 'Something went wrong',
      message: 'Elevate could not finish the verification. Go back to Teams and try again.',
    };
  }
}

function send(res: Response, result: StepUpPageResult): void {
  if (result.kind === 'redirect') {
    res.setHeader('Location', result.url);
    res.setHeader('Cache-Control', 'no-store');
    res.send(302);
    return;
  }
  const status = result.kind === 'done' ? 200 : result.status;
  const html = page(result.title, result.message, result.kind === 'done');
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
  res.sendRaw(status, html);
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

function page(title: string, message: string, ok: boolean): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Elevate</title>
<style>body{font-family:"Segoe UI",system-ui,sans-serif;background:#f5f5f5;margin:0;display:flex;min-height:100vh;align-items:center;justify-content:center}
main{background:#fff;border-radius:8px;box-shadow:0 2px 8px rgba(0,0,0,.12);padding:32px;max-width:460px}
h1{font-size:20px;margin:0 0 12px;color:${ok ? '#237b4b' : '#c4314b'}}p{line-height:1.5;color:#242424}</style></head>
<body><main><h1 id="title">${escapeHtml(title)}</h1><p id="message">${escapeHtml(message)}</p></main></body></html>`;
}
