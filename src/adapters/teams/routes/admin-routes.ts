import { AdminGate } from '../../../app/admin/admin-gate';
import { ViewAuditTrailUseCase } from '../../../app/audit/view-audit-trail.use-case';
import type { CommandRouter, VerbRouter } from '../../../app/routing';
import type { AdminSettings } from '../../../app/settings/admin-settings';
import { ApprovalsRoutingSettingsUseCase } from '../../../app/settings/approvals-routing-settings.use-case';
import { ManageSettingsUseCase } from '../../../app/settings/manage-settings.use-case';
import type { AuditLog } from '../../../ports/audit-log';
import type { Clock } from '../../../ports/clock';
import type { Directory } from '../../../ports/directory';
import type { PimGateway } from '../../../ports/pim-gateway';
import type { Store } from '../../../ports/stores';
import type { TeamsTurn } from '../teams-turn';
import { registerAuditRoutes } from './audit.routes';
import type { RouteServices } from './route-services';
import { registerSettingsRoutes } from './settings.routes';

/** The admin commands (`audit`, `settings`) behind one gate that audits refusals. */
export function registerAdminRoutes(deps: {
  services: RouteServices;
  commands: CommandRouter<TeamsTurn>;
  verbs: VerbRouter<TeamsTurn>;
  settings: AdminSettings;
  store: Pick<Store, 'settings' | 'channelRoutes'>;
  pim: PimGateway;
  directory: Directory;
  auditLog: AuditLog;
  clock: Clock;
}): void {
  const { services, commands, verbs, auditLog: audit, directory } = deps;
  const gate = new AdminGate({ admins: services.admins, audit });
  const approvalsRouting = new ApprovalsRoutingSettingsUseCase({
    gate,
    routes: deps.store.channelRoutes,
    pim: deps.pim,
    audit,
  });
  registerAuditRoutes(
    services,
    commands,
    verbs,
    new ViewAuditTrailUseCase({ gate, audit, pim: deps.pim, directory }),
  );
  registerSettingsRoutes(
    services,
    commands,
    verbs,
    new ManageSettingsUseCase({
      gate,
      settings: deps.settings,
      repository: deps.store.settings,
      approvalsRouting,
      directory,
      audit,
      clock: deps.clock,
    }),
    approvalsRouting,
  );
}
