import http from 'node:http';

/*
 * A fake Microsoft Graph for the reconciler sweep (loopback only): under /n/<N>/ it lists N
 * activated role assignment instances, 999 a page with @odata.nextLink, shaped like Graph's
 * (REFERENCE §4). Every other tenant-wide listing is empty. Items are made up on the fly, so the
 * fake holds nothing: 10,000 principals, 20 roles, ends spread over the next two hours.
 * Prints "graph ready http://127.0.0.1:PORT".
 */
const PAGE = 999;
const now = Date.now();

function guid(prefix: number, i: number): string {
  const hex = i.toString(16).padStart(12, '0');
  return `${prefix.toString(16).padStart(8, '0')}-0000-4000-8000-${hex}`;
}

function instance(i: number) {
  const start = new Date(now - 3_600_000).toISOString();
  return {
    id: guid(1, i),
    principalId: guid(2, i % 10_000),
    roleDefinitionId: guid(3, i % 20),
    directoryScopeId: '/',
    appScopeId: null,
    startDateTime: start,
    endDateTime: new Date(now + 3_600_000 + (i % 3_600) * 1_000).toISOString(),
    assignmentType: 'Activated',
    memberType: 'Direct',
    roleAssignmentOriginId: guid(4, i),
    roleAssignmentScheduleId: guid(5, i),
  };
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://graph.invalid');
  const match = /^\/n\/(\d+)(\/.*)$/.exec(url.pathname);
  const send = (status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  if (!match) return send(404, { error: { code: 'NotFound', message: url.pathname } });
  const total = Number(match[1]);
  const path = match[2];
  const context = `https://graph.microsoft.com/v1.0/$metadata#${path.split('/').pop()}`;
  if (path === '/v1.0/roleManagement/directory/roleAssignmentScheduleInstances') {
    const from = Number(url.searchParams.get('$skiptoken') ?? 0);
    const to = Math.min(total, from + PAGE);
    const value = [];
    for (let i = from; i < to; i += 1) value.push(instance(i));
    const body: Record<string, unknown> = { '@odata.context': context, value };
    if (to < total) {
      body['@odata.nextLink'] = `http://${req.headers.host}/n/${total}${path}?$skiptoken=${to}`;
    }
    return send(200, body);
  }
  if (/ScheduleInstances$/.test(path)) return send(200, { '@odata.context': context, value: [] });
  return send(404, { error: { code: 'NotFound', message: path } });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as { port: number };
  process.stdout.write(`graph ready http://127.0.0.1:${port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
