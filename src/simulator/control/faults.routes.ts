import { parseWith, readJson } from './control-body';
import { ControlError, type ControlRoutes } from './control-route';
import { FaultSpecSchema } from './faults';

/** GET, POST and DELETE /_sim/faults; DELETE /_sim/faults/{id}. */
export const faultRoutes: ControlRoutes = (deps) => [
  { method: 'GET', pattern: /^\/_sim\/faults$/, run: async () => [200, { value: deps.faults.list() }] },
  {
    method: 'POST',
    pattern: /^\/_sim\/faults$/,
    run: async (req) => {
      const spec = parseWith(FaultSpecSchema, await readJson(req), 'fault');
      const { pattern: _pattern, ...fault } = deps.faults.add(spec);
      return [201, fault];
    },
  },
  {
    method: 'DELETE',
    pattern: /^\/_sim\/faults$/,
    run: async () => {
      deps.faults.clear();
      return [204, undefined];
    },
  },
  {
    method: 'DELETE',
    pattern: /^\/_sim\/faults\/([^/]+)$/,
    run: async (_req, [id]) => {
      if (!deps.faults.remove(id)) throw new ControlError(404, `No fault with id '${id}'.`);
      return [204, undefined];
    },
  },
];
