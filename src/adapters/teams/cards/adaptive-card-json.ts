/**
 * An expanded Adaptive Card as plain JSON, ready to be attached to a message or returned from an
 * `adaptiveCard/action` invoke. Only the top-level shape is typed; the body is whatever the
 * template in `cards/` produced.
 */
export interface AdaptiveCardJson {
  type: 'AdaptiveCard';
  version: string;
  body?: unknown[];
  actions?: unknown[];
  [property: string]: unknown;
}

/** Teams refuses messages over about 100 KB (413 MessageSizeTooBig); we stay well under it. */
export const MAX_CARD_BYTES = 80 * 1024;

/** Highest Adaptive Card schema version Teams renders. */
export const MAX_CARD_VERSION = '1.5';
