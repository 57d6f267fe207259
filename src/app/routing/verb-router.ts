import { DomainError, ErrorCodes } from '../../domain/errors';

export type CardData = Record<string, unknown>;
export type VerbHandler<Ctx, R, D = CardData> = (data: D, ctx: Ctx, verb: string) => Promise<R>;
/** Checks and types a card's data; throws DomainError(CardActionInvalid) naming the bad field. */
export type CardDataParser<D> = (data: CardData) => D;

interface VerbRegistration<Ctx, R> {
  verb: string;
  run: (data: CardData, ctx: Ctx) => Promise<R>;
}

const canonical = (verb: string) => verb.trim().toLowerCase();

function cardActionInvalid(message: string, details: Record<string, unknown>): DomainError {
  return new DomainError(ErrorCodes.CardActionInvalid, message, {
    remedy: 'The card may be out of date: ask again (for example "status" or "roles") for a fresh one.',
    details,
  });
}

/**
 * Routes card actions (Action.Execute verbs, or the verb carried in Action.Submit data) to
 * registered handlers: `router.verb('approve', handler)`, `await router.dispatch(verb, data, ctx)`.
 * Verbs match case-insensitively. An optional parser turns the raw data into a typed value.
 * Unknown or missing verbs and non-object data are DomainError(CardActionInvalid).
 */
export class VerbRouter<Ctx, R = void> {
  private readonly registrations = new Map<string, VerbRegistration<Ctx, R>>();

  verb(verb: string, handler: VerbHandler<Ctx, R>): this;
  verb<D>(verb: string, handler: VerbHandler<Ctx, R, D>, parse: CardDataParser<D>): this;
  verb<D>(verb: string, handler: VerbHandler<Ctx, R, D>, parse?: CardDataParser<D>): this {
    const key = canonical(verb);
    if (!key)
      throw new DomainError(ErrorCodes.Internal, 'A card verb must not be empty.', { details: { verb } });
    if (this.registrations.has(key)) {
      throw new DomainError(ErrorCodes.Internal, `The card verb "${key}" is already registered.`, {
        details: { verb: key },
      });
    }
    this.registrations.set(key, {
      verb: key,
      run: (data, ctx) => handler(parse ? parse(data) : (data as D), ctx, key),
    });
    return this;
  }

  /** The registered verbs, in registration order. */
  verbs(): string[] {
    return [...this.registrations.keys()];
  }

  has(verb: string): boolean {
    return this.registrations.has(canonical(verb));
  }

  async dispatch(verb: string | undefined | null, data: unknown, ctx: Ctx): Promise<R> {
    const known = this.verbs().join(', ');
    if (typeof verb !== 'string' || !verb.trim()) {
      throw cardActionInvalid(
        `The card action has no verb, so I don't know what it should do. Known actions: ${known}.`,
        {
          verb: verb ?? null,
          known: this.verbs(),
        },
      );
    }
    const registration = this.registrations.get(canonical(verb));
    if (!registration) {
      throw cardActionInvalid(`The card action "${verb}" is not one I know. Known actions: ${known}.`, {
        verb,
        known: this.verbs(),
      });
    }
    if (data !== undefined && data !== null && (typeof data !== 'object' || Array.isArray(data))) {
      throw cardActionInvalid(
        `The data of card action "${registration.verb}" must be an object, not ${Array.isArray(data) ? 'an array' : typeof data}.`,
        {
          verb: registration.verb,
        },
      );
    }
    return registration.run((data ?? {}) as CardData, ctx);
  }
}
