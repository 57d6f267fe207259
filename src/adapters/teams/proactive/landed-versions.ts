/** Messages remembered at most (a bound on memory; forgetting only costs a redundant redraw). */
const MAX_MESSAGES = 10_000;

/**
 * Which stored version of a card answering several requests each message shows, as this
 * process's updates land, and which versions are on their way. After an update lands, a newer
 * version written meanwhile needs drawing again only when it is neither the one that landed last
 * nor still on its way (an update on its way lands after ours and leaves that version shown). A
 * redraw of what the message already shows is a second, identical message update in Teams.
 */
export class LandedVersions {
  private readonly landed = new Map<string, number>();
  private readonly onTheirWay = new Map<string, Map<number, number>>();

  /** An update carrying `version` leaves for the message. */
  leaving(message: string, version: number): void {
    const versions = this.onTheirWay.get(message) ?? new Map<number, number>();
    versions.set(version, (versions.get(version) ?? 0) + 1);
    this.onTheirWay.set(message, versions);
  }

  /** That update landed (the message shows `version` now) or failed (it shows what it showed). */
  arrived(message: string, version: number, landed: boolean): void {
    const versions = this.onTheirWay.get(message);
    const left = (versions?.get(version) ?? 1) - 1;
    if (versions && left > 0) versions.set(version, left);
    else versions?.delete(version);
    if (versions?.size === 0) this.onTheirWay.delete(message);
    if (!landed) return;
    if (this.landed.size >= MAX_MESSAGES && !this.landed.has(message)) this.landed.clear();
    this.landed.set(message, version);
  }

  /** Whether `version` will be shown without drawing it again. */
  covered(message: string, version: number): boolean {
    return this.landed.get(message) === version || (this.onTheirWay.get(message)?.has(version) ?? false);
  }
}
