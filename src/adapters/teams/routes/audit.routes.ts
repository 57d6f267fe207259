import type { ViewAuditTrailUseCase } from '../../../app/audit/view-audit-trail.use-case';
import type { CommandRouter, VerbRouter } from '../../../app/routing';
import { parseAudit } from '../../../domain/commands/parsers/audit.parser';
import { DomainError, ErrorCodes } from '../../../domain/errors';
import { CardVerbs } from '../cards/card-verbs';
import { decodeAuditQuery } from '../presenters/audit-query';
import { auditTrailCard } from '../presenters/audit-trail.presenter';
import type { TeamsTurn } from '../teams-turn';
import { asActor, parseContextFor, type RouteServices } from './route-services';
import { requireToken } from './verified-action';

/** `audit [<user>|<role>] [since …]` and its "Older entries" button (admins; the use case checks). */
export function registerAuditRoutes(
  services: RouteServices,
  commands: CommandRouter<TeamsTurn>,
  verbs: VerbRouter<TeamsTurn>,
  viewAudit: ViewAuditTrailUseCase,
): void {
  commands.command(
    'audit',
    (args, turn) =>
      asActor(services, turn, async (actor, ctx) => {
        const command = parseAudit(args, parseContextFor(services, actor));
        const page = await viewAudit.execute({ actor, subject: command.subject, since: command.since });
        await turn.sendCard(auditTrailCard(ctx, page, 1));
      }),
    parseAudit,
  );

  verbs.verb(CardVerbs.showAudit, (data, turn) =>
    asActor(services, turn, async (actor, ctx) => {
      requireToken(services, data, CardVerbs.showAudit, 'audit', actor);
      const query = decodeAuditQuery(data.query);
      if (!query) {
        throw new DomainError(ErrorCodes.CardActionInvalid, 'This page of the audit trail cannot be shown.', {
          remedy: 'Say "audit" again for a fresh first page.',
        });
      }
      const page = await viewAudit.execute({ actor, ...query });
      const number = Number(data.page);
      await turn.answerCardAction(
        auditTrailCard(ctx, page, Number.isSafeInteger(number) && number > 1 ? Math.min(number, 100_000) : 2),
      );
    }),
  );
}
