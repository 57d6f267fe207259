import { roleDefinitionJson } from '../../pim/graph-serializers';
import { notFound } from '../graph-error';
import { applySelect, collectionPage, parseCollectionQuery } from '../odata-collection';
import { matchesFilter, parseFilter } from '../odata-filter';
import { Permissions } from '../permissions';
import { contextUrl, ID, type GraphRoute } from '../graph-context';

/** `roleManagement/directory/roleDefinitions`: `$filter` with eq/in on id, displayName, isBuiltIn, templateId. */
export function roleDefinitionRoutes(): GraphRoute[] {
  return [
    {
      method: 'GET',
      pattern: /^\/roleManagement\/directory\/roleDefinitions$/i,
      permission: Permissions.roleDefinitionsRead,
      handle(ctx) {
        const clauses = parseFilter(ctx.query.get('$filter') ?? undefined, [
          'id',
          'displayName',
          'isBuiltIn',
          'templateId',
          'isEnabled',
        ]);
        const items = ctx.state.roleDefinitions
          .map(roleDefinitionJson)
          .filter((r) => matchesFilter(r, clauses));
        return {
          status: 200,
          body: collectionPage(
            items,
            parseCollectionQuery(ctx.query),
            contextUrl(ctx, 'roleManagement/directory/roleDefinitions'),
            ctx.url,
          ),
        };
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/roleManagement/directory/roleDefinitions/${ID}$`, 'i'),
      permission: Permissions.roleDefinitionsRead,
      handle(ctx) {
        const role = ctx.state.roleDefinitions.find(
          (r) =>
            r.id.toLowerCase() === ctx.params[0].toLowerCase() ||
            r.templateId.toLowerCase() === ctx.params[0].toLowerCase(),
        );
        if (!role) throw notFound('unifiedRoleDefinition', ctx.params[0]);
        const q = parseCollectionQuery(ctx.query);
        return {
          status: 200,
          body: {
            '@odata.context': contextUrl(ctx, 'roleManagement/directory/roleDefinitions/$entity'),
            ...applySelect(roleDefinitionJson(role), q.select),
          },
        };
      },
    },
  ];
}
