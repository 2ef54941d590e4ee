// What a client on the wire asks sign-in for: a token, or a new one that satisfies a Conditional
// Access claims challenge. The Graph adapter's AccessTokenProvider has the same shape; each adapter
// states it for itself, so that neither imports the other.
export interface TokenProvider {
  /** A bearer token, or null when none is needed (the local list store). */
  getAccessToken(request?: { readonly claims?: string }): Promise<string | null>;
}
