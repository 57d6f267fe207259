import { Duration } from 'luxon';
import { isDomainError } from '../../domain/errors';
import type { Clock } from '../../ports/clock';
import type { AdapterLogger } from './graph-logger';
import type { GraphHttp } from './graph-http';
import { graphPaths } from './graph-paths';
import { TtlCache } from './ttl-cache';

/** Display names of directory scopes: '/' is "Directory", administrative units are read (cached an hour). */
export class ScopeNames {
  private readonly cache: TtlCache<string>;

  constructor(
    private readonly http: GraphHttp,
    private readonly appToken: () => Promise<string>,
    clock: Clock,
    private readonly logger: AdapterLogger,
  ) {
    this.cache = new TtlCache(Duration.fromObject({ hours: 1 }), clock);
  }

  async nameOf(scopeId: string): Promise<string> {
    if (scopeId === '/' || scopeId === '') return 'Directory';
    const au = /^\/administrativeUnits\/([^/]+)$/.exec(scopeId);
    if (!au) return scopeId;
    return this.cache.get(scopeId, async () => {
      try {
        const result = await this.http.send<{ displayName?: string }>({
          method: 'GET',
          path: graphPaths.administrativeUnit(au[1]),
          query: { $select: 'id,displayName' },
          token: await this.appToken(),
          operation: 'read',
        });
        return result.body?.displayName ?? scopeId;
      } catch (error) {
        this.logger.warn(
          { scopeId, code: isDomainError(error) ? error.code : 'unknown' },
          'could not read the administrative unit name',
        );
        return 'an administrative unit'; // its name could not be read: never show the id
      }
    });
  }
}
