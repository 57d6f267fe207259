/**
 * A card could not be produced from its template: unknown template name, a template file that is
 * not a valid Adaptive Card, data the template needs but the presenter did not supply, or a result
 * too large for Teams. These are programming errors, not user errors, so they are not DomainErrors.
 */
export class CardTemplateError extends Error {
  constructor(
    readonly templateName: string,
    message: string,
  ) {
    super(`Card template "${templateName}": ${message}`);
    this.name = 'CardTemplateError';
  }
}
