import type { ConversationRoutes, RouteChange } from '../../../app/channels/manage-channel-routes.use-case';
import type { ChannelRoute } from '../../../ports/stores';

const list = (names: string[]) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
const roleNames = (routes: ChannelRoute[]) => list(routes.map((r) => r.roleName));
/** `where` ("this channel") at the start of a sentence. */
const capital = (where: string) => where.charAt(0).toUpperCase() + where.slice(1);

/** The answer to subscribe / unsubscribe / approvals here / approvals off, in plain words. */
export function routeChangeText(result: RouteChange, where: string): string {
  const lines: string[] = [];
  const announce = result.purpose === 'announce';
  if (result.change === 'added') {
    if (result.changed.length)
      lines.push(
        announce
          ? `**${capital(where)} is now subscribed to ${list(result.changed)}.** Each activation is announced here once and kept current until it ends.`
          : `**Approval requests for ${list(result.changed)} are now posted in ${where} too.** Approvers can decide them here.`,
      );
    if (result.unchanged.length)
      lines.push(`Already ${announce ? 'subscribed to' : 'posted here'}: ${list(result.unchanged)}.`);
  } else {
    if (result.changed.length)
      lines.push(
        announce
          ? `**${capital(where)} no longer gets announcements for ${list(result.changed)}.**`
          : `**Approval requests for ${list(result.changed)} are no longer posted in ${where}.**`,
      );
    else if (!result.unchanged.length)
      lines.push(
        announce
          ? `${capital(where)} was not subscribed to anything.`
          : `No approval requests were posted in ${where}.`,
      );
    if (result.unchanged.length)
      lines.push(
        `${announce ? 'Was not subscribed to' : 'Were not posted here'}: ${list(result.unchanged)}.`,
      );
  }
  lines.push(nowLine(result.purpose, result.now, where));
  return lines.join('\n\n');
}

function nowLine(purpose: RouteChange['purpose'], now: ChannelRoute[], where: string): string {
  if (purpose === 'announce') {
    return now.length
      ? `Subscribed now: ${roleNames(now)}. Say "unsubscribe" to stop, or "who" for who holds what.`
      : `${capital(where)} gets no announcements now. Say "subscribe" for all privileged roles, or "subscribe" followed by role names.`;
  }
  return now.length
    ? `Approvals posted here now: ${roleNames(now)}. Say "approvals off" to stop.`
    : `Approval requests go to the approvers (and the default approvals channel) only.`;
}

/** The answer to `subscriptions`. */
export function subscriptionsText(routes: ConversationRoutes, where: string): string {
  const announce = routes.announce.length
    ? `**Announced in ${where}:** ${roleNames(routes.announce)}.`
    : `**${capital(where)} is not subscribed to any role.** Say "subscribe" for all privileged roles, or "subscribe" followed by role names, e.g. "subscribe Exchange Administrator, User Administrator".`;
  const approvals = routes.approvals.length
    ? `**Approval requests posted here:** ${roleNames(routes.approvals)}.`
    : 'Approval requests are not posted here (say "approvals here" followed by role names to change that).';
  return `${announce}\n\n${approvals}`;
}
