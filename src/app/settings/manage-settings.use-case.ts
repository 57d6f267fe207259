import { DomainError, ErrorCodes } from '../../domain/errors';
import {
  ADMIN_SETTING_LABELS,
  readAdminSetting,
  type AdminSettingKey,
  type AdminSettingValues,
} from '../../domain/settings/admin-settings';
import type { AuditLog } from '../../ports/audit-log';
import type { Clock } from '../../ports/clock';
import type { Directory } from '../../ports/directory';
import type { SettingsRepository } from '../../ports/stores';
import type { AdminGate } from '../admin/admin-gate';
import type { Actor } from '../shared/actor';
import type { AdminSettings } from './admin-settings';
import { recordSettingChange } from './settings-audit';
import type {
  ApprovalsRoutingSettingsUseCase,
  RoutedConversation,
} from './approvals-routing-settings.use-case';

export interface SettingsView {
  values: AdminSettingValues;
  /** The admin group's display name (undefined when none is set or it cannot be read). */
  adminGroupName?: string;
  /** Which keys still have the deployment's value. */
  defaults: AdminSettingKey[];
  /** Channels and group chats that get approval cards, with their roles (editable on the card). */
  approvalsChannels: RoutedConversation[];
}

export type SettingChange =
  | { kind: 'changed'; key: AdminSettingKey; view: SettingsView }
  | { kind: 'unchanged'; key: AdminSettingKey; view: SettingsView };

/**
 * `settings`: what admins may change (default reminder lead, ticket pattern, admin group) and the
 * approvals channels per role (changed through ApprovalsRoutingSettingsUseCase). A change is checked by the configuration's rules, written with a
 * compare-and-swap (so two admins cannot overwrite each other unseen) and audited.
 */
export class ManageSettingsUseCase {
  constructor(
    private readonly deps: {
      gate: AdminGate;
      settings: AdminSettings;
      repository: SettingsRepository;
      approvalsRouting: Pick<ApprovalsRoutingSettingsUseCase, 'routed'>;
      directory: Pick<Directory, 'getGroup' | 'isMemberOfGroup'>;
      audit: Pick<AuditLog, 'record'>;
      clock: Pick<Clock, 'now'>;
    },
  ) {}

  async show(actor: Pick<Actor, 'userId' | 'displayName'>): Promise<SettingsView> {
    await this.deps.gate.require(actor, 'settings', 'see or change Elevate’s settings');
    return this.view();
  }

  async change(
    actor: Pick<Actor, 'userId' | 'displayName'>,
    key: AdminSettingKey,
    raw: string,
  ): Promise<SettingChange> {
    await this.deps.gate.require(actor, 'settings', 'change Elevate’s settings');
    const value = readAdminSetting(key, raw);
    const before = (await this.deps.settings.current())[key];
    if (before === value) return { kind: 'unchanged', key, view: await this.view() };
    if (key === 'adminGroupId') await this.checkAdminGroup(actor.userId, String(value));
    const row = await this.deps.settings.storedRow(key);
    const written = await this.deps.repository.put({
      key,
      value,
      expectedVersion: row?.version ?? 0,
      updatedBy: actor.userId,
      at: this.deps.clock.now(),
    });
    if (!written) {
      throw new DomainError(
        ErrorCodes.StoreConflict,
        `Someone else changed ${ADMIN_SETTING_LABELS[key]} just now.`,
        {
          remedy: 'Look at the settings again (say "settings") and make your change there.',
        },
      );
    }
    await this.deps.settings.reload();
    await recordSettingChange(this.deps.audit, actor, {
      reason: `${ADMIN_SETTING_LABELS[key]} changed`,
      details: { setting: key, from: before ?? null, to: value },
    });
    return { kind: 'changed', key, view: await this.view() };
  }

  /** A new admin group must exist, and hold the admin changing it (nobody locks themselves out). */
  private async checkAdminGroup(userId: string, groupId: string): Promise<void> {
    const group = await this.deps.directory.getGroup(groupId).catch(() => undefined);
    const problem = !group
      ? 'no group with that object id exists in Microsoft Entra'
      : !(await this.deps.directory.isMemberOfGroup(userId, groupId))
        ? `you are not a member of ${group.displayName}, so you would lose access to the admin commands`
        : undefined;
    if (problem) {
      throw new DomainError(
        ErrorCodes.SettingInvalid,
        `Admin group: that group cannot be used: ${problem}.`,
        {
          remedy:
            'Pick a group you are a member of (copy its Object ID from Microsoft Entra), or join it first.',
          details: { setting: ADMIN_SETTING_LABELS.adminGroupId },
        },
      );
    }
  }

  private async view(): Promise<SettingsView> {
    const values = await this.deps.settings.current();
    const group = values.adminGroupId
      ? await this.deps.directory.getGroup(values.adminGroupId).catch(() => undefined)
      : undefined;
    return {
      values,
      adminGroupName: group?.displayName,
      defaults: (['reminderLeadMinutes', 'ticketPattern', 'adminGroupId'] as const).filter((k) =>
        this.deps.settings.isDefault(k),
      ),
      approvalsChannels: await this.deps.approvalsRouting.routed(),
    };
  }
}
