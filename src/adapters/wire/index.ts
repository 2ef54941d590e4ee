// The wire Graph and SharePoint REST share: sign-in (the token port), the retry policy, the
// middleware chain and the typed errors. Both adapters use it; neither imports the other.
import type { AccessTokenProvider, Exchange, RetryPolicy, Sleep } from './middleware';
import type { Pacer } from './pacing';

export {
  type AccessTokenProvider,
  noToken,
  staticToken,
  DEFAULT_RETRY,
  RETRY_STATUSES,
  type RetryPolicy,
  type Exchange,
  type Sleep,
  realSleep,
  retryAfterSeconds,
  retryDelayMs,
  middlewareChain,
} from './middleware';
export { GraphRequestError, TransportError, ConflictError, pathOf, isStatus, scrubMessage, type GraphErrorInfo } from './errors';

/** How requests go on the wire: sign-in, transport, retry policy, observation. */
export interface WireOptions {
  readonly auth: AccessTokenProvider;
  readonly fetch?: typeof fetch;
  readonly sleep?: Sleep;
  readonly retry?: Partial<RetryPolicy>;
  /** Sees every request on the wire (tests, the bench). */
  readonly observe?: (exchange: Exchange) => void;
  /** Shared pacing by the tenant's budgets (pacing.ts); none unless given. */
  readonly pacer?: Pacer;
}
export { odataString } from './odata';
export { Pacer, PacingMiddleware, budgetOf, type PacerOptions, type PacerStats } from './pacing';
