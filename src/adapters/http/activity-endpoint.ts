import type { Activity, TurnContext } from 'botbuilder';
import type { Request, Response } from 'restify';
import type { ElevateCloudAdapter } from '../teams/cloud-adapter.factory';
import type { Logger } from '../observability/logger';
import { checkActivity } from './activity-schema';

const MAX_AUTH_HEADER = 16 * 1024;

/**
 * POST /api/messages after the HTTP checks: the activity's shape (400 naming the wrong fields),
 * the Bot Framework token (401, the reason logged without the token or any key), then the turn.
 */
export function activityEndpoint(deps: {
  adapter: ElevateCloudAdapter;
  logic: (context: TurnContext) => Promise<void>;
  logger: Logger;
}): (req: Request, res: Response) => Promise<void> {
  return async (req, res) => {
    const check = checkActivity(req.body);
    if (!check.ok) {
      deps.logger.info({ problems: check.problems }, 'malformed activity refused');
      res.send(400, {
        error: {
          code: 'InvalidActivity',
          message: `The body is not a valid Bot Framework activity: ${check.problems.join('; ')}.`,
        },
      });
      return;
    }
    const header = req.headers.authorization;
    const authHeader = typeof header === 'string' && header.length <= MAX_AUTH_HEADER ? header : '';
    const result = await deps.adapter.processValidated(
      check.activity as unknown as Activity,
      authHeader,
      deps.logic,
    );
    if ('refused' in result) {
      deps.logger.info(
        { reason: result.reason, activityType: check.activity.type },
        'Bot Framework token refused',
      );
      res.send(401, {
        error: { code: 'Unauthorized', message: 'The Bot Framework token is missing or not valid.' },
      });
      return;
    }
    if (result.body === undefined) res.send(result.status);
    else res.send(result.status, result.body);
  };
}
