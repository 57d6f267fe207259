import type { GraphHttp } from './graph-http';

/** Every page of a user-initiated (delegated) Graph read. */
export function getAllAsUser<T>(
  http: GraphHttp,
  path: string,
  token: string,
  query?: Record<string, string>,
): Promise<T[]> {
  return http.getAll<T>({ path, ...(query ? { query } : {}), token, userInitiated: true, operation: 'read' });
}
