import { roleDefinitionJson } from '../../pim/graph-serializers';
import { notFound } from '../graph-error';
import { collectionResult, filteredByQuery, selectedEntityResult } from '../graph-results';
import { Permissions } from '../permissions';
import { ID, type GraphRoute } from '../graph-context';

/** `roleManagement/directory/roleDefinitions`: `$filter` with eq/in on id, displayName, isBuiltIn, templateId. */
export function roleDefinitionRoutes(): GraphRoute[] {
  return [
    {
      method: 'GET',
      pattern: /^\/roleManagement\/directory\/roleDefinitions$/i,
      permission: Permissions.roleDefinitionsRead,
      handle(ctx) {
        const items = filteredByQuery(ctx, ctx.state.roleDefinitions.map(roleDefinitionJson), [
          'id',
          'displayName',
          'isBuiltIn',
          'templateId',
          'isEnabled',
        ]);
        return collectionResult(ctx, 'roleManagement/directory/roleDefinitions', items);
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
        return selectedEntityResult(
          ctx,
          'roleManagement/directory/roleDefinitions/$entity',
          roleDefinitionJson(role),
        );
      },
    },
  ];
}
