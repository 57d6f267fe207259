import type { ControlRoutes } from './control-route';

/** GET /_sim/requests (?method=, ?path= contains) and DELETE /_sim/requests: the Graph calls received. */
export const requestLogRoutes: ControlRoutes = (deps) => [
  {
    method: 'GET',
    pattern: /^\/_sim\/requests$/,
    run: async (_req, _params, url) => [
      200,
      {
        value: deps.requestLog.list({
          method: url.searchParams.get('method') ?? undefined,
          pathContains: url.searchParams.get('path') ?? undefined,
        }),
      },
    ],
  },
  {
    method: 'DELETE',
    pattern: /^\/_sim\/requests$/,
    run: async () => {
      deps.requestLog.clear();
      return [204, undefined];
    },
  },
];
