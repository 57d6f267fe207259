import {
  ADMIN_SETTING_KEYS,
  readAdminSetting,
  type AdminSettingKey,
  type AdminSettingValues,
} from '../../domain/settings/admin-settings';
import { isDomainError } from '../../domain/errors';
import type { TimeSource } from '../../ports/clock';
import type { SettingsRepository, StoredSetting } from '../../ports/stores';

/**
 * The admin settings as every instance sees them: stored values over the deployment's defaults,
 * re-read from the store at most every `ttlSeconds`, so a change made on one instance applies on
 * all within that time. `snapshot()` is the last values read (for code that cannot wait).
 */
export class AdminSettings {
  private values: AdminSettingValues;
  private stored: StoredSetting[] = [];
  private readUntil = 0;

  constructor(
    private readonly deps: {
      settings: SettingsRepository;
      clock: TimeSource;
      defaults: AdminSettingValues;
      ttlSeconds?: number;
    },
  ) {
    this.values = { ...deps.defaults };
  }

  async current(): Promise<AdminSettingValues> {
    const now = this.deps.clock.now().toMillis();
    if (now >= this.readUntil) await this.reload(now);
    return this.values;
  }

  snapshot(): AdminSettingValues {
    return this.values;
  }

  /** The stored row of `key` (its version, who changed it), if an admin ever set it. */
  async storedRow(key: AdminSettingKey): Promise<StoredSetting | undefined> {
    await this.reload(this.deps.clock.now().toMillis());
    return this.stored.find((row) => row.key === key);
  }

  isDefault(key: AdminSettingKey): boolean {
    return !this.stored.some((row) => row.key === key);
  }

  async reload(now = this.deps.clock.now().toMillis()): Promise<void> {
    this.stored = await this.deps.settings.getAll();
    const next: AdminSettingValues = { ...this.deps.defaults };
    for (const row of this.stored) {
      const key = ADMIN_SETTING_KEYS.find((k) => k === row.key);
      if (!key || (typeof row.value !== 'string' && typeof row.value !== 'number')) continue;
      try {
        // Stored values were checked when written; a rule made stricter since leaves the default.
        Object.assign(next, { [key]: readAdminSetting(key, String(row.value)) });
      } catch (error) {
        if (!isDomainError(error)) throw error;
      }
    }
    this.values = next;
    this.readUntil = now + (this.deps.ttlSeconds ?? 10) * 1000;
  }
}
