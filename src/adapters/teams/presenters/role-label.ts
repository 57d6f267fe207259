// How roles are named to people lives in the domain (app/ messages need it too).
export { roleInCommand, roleLabel } from '../../../domain/role-label';
