import {
  InvokeException,
  StatusCodes,
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type SigninStateVerificationQuery,
} from 'botbuilder';
import { isDomainError } from '../../domain/errors';
import type { Logger } from '../observability/logger';
import { refusalText } from './presenters/error-card.presenter';
import type { ConversationRecorder } from './conversation-recorder';
import type { SsoTokenSource } from './sso/sso-token-source';
import { TeamsTurn } from './teams-turn';

/** Routes chat text (after the @mention is removed) to a registered command handler. */
export interface TextDispatcher {
  dispatch(text: string, turn: TeamsTurn): Promise<void>;
}

/** Routes a card action (Action.Execute verb, or Action.Submit data.verb) to a registered handler. */
export interface VerbDispatcher {
  dispatch(verb: string, data: Record<string, unknown>, turn: TeamsTurn): Promise<void>;
}

export interface ElevateBotDeps {
  commands: TextDispatcher;
  verbs: VerbDispatcher;
  recorder: ConversationRecorder;
  welcome(turn: TeamsTurn): Promise<void>;
  /** Elevate was removed from a team, group chat or personal chat (forget what it was asked to send there). */
  removed?(turn: TeamsTurn): Promise<void>;
  logger: Logger;
  /** Completes Teams SSO sign-in invokes (tenant mode). */
  sso?: Pick<SsoTokenSource, 'exchange' | 'verifyState'>;
}

const SIGNED_IN_TEXT =
  'You are signed in to Elevate. Send your request again (for example "roles") and it will go through.';

/**
 * The Teams surface: notes where a new user or conversation can be reached (re-pointing a known
 * one waits for the identity check, see ConversationRecorder), then hands chat text and card
 * actions to the registered routes. No business logic lives here.
 */
export class ElevateBot extends TeamsActivityHandler {
  constructor(private readonly deps: ElevateBotDeps) {
    super();
    this.onMessage(async (context, next) => {
      const turn = new TeamsTurn(context);
      await deps.recorder.recordFirstContact(turn);
      const value = context.activity.value as Record<string, unknown> | undefined;
      if (value && typeof value === 'object' && typeof value.verb === 'string') {
        await this.runVerb(turn, value.verb, value);
      } else {
        const text = TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '';
        await deps.commands.dispatch(stripMentionLeftovers(text), turn);
      }
      await next();
    });
    // Teams sends both "bot added" (conversationUpdate) and installationUpdate, and repeats them
    // (reinstalls, client reloads): welcome a conversation only when Elevate has not seen it yet.
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.recordAndWelcomeIfNew(new TeamsTurn(context), true);
      await next();
    });
    this.onConversationUpdate(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const botAdded = (context.activity.membersAdded ?? []).some((member) => member.id === botId);
      const botRemoved = (context.activity.membersRemoved ?? []).some((member) => member.id === botId);
      if (botRemoved) await deps.removed?.(new TeamsTurn(context));
      else await this.recordAndWelcomeIfNew(new TeamsTurn(context), botAdded);
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await deps.removed?.(new TeamsTurn(context));
      await next();
    });
  }

  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const turn = new TeamsTurn(context);
    await this.deps.recorder.recordFirstContact(turn);
    const action = invokeValue.action;
    const data = (action?.data ?? {}) as Record<string, unknown>;
    await this.runVerb(turn, action?.verb ?? String(data.verb ?? ''), data);
    if (turn.invokeCard) {
      return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: turn.invokeCard };
    }
    return {
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: (turn.invokeMessage ?? 'Done.') as never,
    };
  }

  private async recordAndWelcomeIfNew(turn: TeamsTurn, botAdded: boolean): Promise<void> {
    const isNew = botAdded && !(await this.deps.recorder.isKnown(turn));
    // Installation events: the reference may have been deleted since this process wrote it.
    this.deps.recorder.forget(turn);
    await this.deps.recorder.recordFirstContact(turn);
    if (isNew) await this.deps.welcome(turn);
  }

  /**
   * Teams' silent SSO: exchange the token Teams offers. A failure must be answered 412 so Teams
   * falls back to the sign-in button (Teams docs, "Add code to handle an access token").
   */
  protected override async handleTeamsSigninTokenExchange(context: TurnContext): Promise<void> {
    const request = (context.activity.value ?? {}) as {
      id?: string;
      connectionName?: string;
      token?: string;
    };
    const exchange = this.deps.sso?.exchange?.bind(this.deps.sso);
    const exchanged =
      exchange && request.token
        ? await exchange(new TeamsTurn(context), request.token).catch((error: unknown) => {
            this.deps.logger.warn(
              { err: error, activityId: context.activity.id },
              'SSO token exchange failed',
            );
            return false;
          })
        : false;
    if (!exchanged) {
      throw new InvokeException(StatusCodes.PRECONDITION_FAILED, {
        id: request.id,
        connectionName: request.connectionName,
        failureDetail: 'Elevate could not exchange the Teams sign-in token; sign in with the button instead.',
      });
    }
    await context.sendActivity(SIGNED_IN_TEXT);
  }

  /** The sign-in button's completion: redeem the state, then tell the user to go ahead. */
  protected override async handleTeamsSigninVerifyState(
    context: TurnContext,
    query: SigninStateVerificationQuery,
  ): Promise<void> {
    const verify = this.deps.sso?.verifyState?.bind(this.deps.sso);
    const verified = verify && query?.state ? await verify(new TeamsTurn(context), query.state) : false;
    if (!verified) {
      await context.sendActivity(
        'Elevate could not complete your sign-in. Send your request again to get a fresh sign-in button.',
      );
      return;
    }
    await context.sendActivity(SIGNED_IN_TEXT);
  }

  private async runVerb(turn: TeamsTurn, verb: string, data: Record<string, unknown>): Promise<void> {
    try {
      await this.deps.verbs.dispatch(verb, data, turn);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      this.deps.logger.info({ code: error.code, verb, activityId: turn.activity.id }, 'card action refused');
      // A refusal never replaces the pressed card: it answers beside it (issue 13, defect 4).
      await turn.refuseCardAction(refusalText(error));
    }
  }
}

/** Teams may leave the bot's display name or stray markup when the <at> tag is removed. */
export function stripMentionLeftovers(text: string): string {
  return text
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/^\s*@?elevate\b[:,]?/i, ' ')
    .trim();
}
