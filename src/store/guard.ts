// Who may talk to a local server (the store, and the harness in front of it). Both listen on
// 127.0.0.1 only, but any web page the user visits can still send requests there: by a form or
// fetch from its own origin, or by DNS rebinding (its own host name resolving to 127.0.0.1). So a
// request is answered only when its Host is the loopback address served, and, when a browser says
// where it comes from (Origin, Sec-Fetch-Site), only from an origin allowed. Each check returns a
// reason to refuse, or null.
import { timingSafeEqual } from 'node:crypto';

/** The Host values a server on 127.0.0.1:<port> answers to: that address, or localhost, with the port. */
export function loopbackHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

/** Host must name the loopback address and port served (a rebinding page's host name is refused). */
export function hostRefusal(host: string | undefined, allowed: ReadonlySet<string>): string | null {
  if (host === undefined || host === '') return 'The request has no Host header.';
  return allowed.has(host.trim().toLowerCase()) ? null : 'The Host header does not name this server (127.0.0.1 and its port).';
}

/**
 * A browser names the requesting page's origin in Origin (on every request but same-origin GET/HEAD)
 * and says in Sec-Fetch-Site how it relates. Only the server's own origin and those allowed may send
 * requests; a cross-site request without Origin may only read (GET/HEAD), which a page cannot see
 * the answer to without CORS, which these servers never grant.
 */
export function originRefusal(
  headers: Readonly<Record<string, string | undefined>>,
  method: string,
  allowed: ReadonlySet<string>,
): string | null {
  const origin = headers.origin;
  if (origin !== undefined) return allowed.has(origin.trim().toLowerCase()) ? null : 'Requests from another origin are refused.';
  const site = (headers['sec-fetch-site'] ?? '').toLowerCase();
  if ((site === 'cross-site' || site === 'same-site') && method !== 'GET' && method !== 'HEAD')
    return 'Requests from another origin are refused.';
  return null;
}

/** Compares secrets in constant time (no timing side channel on how many characters matched). */
export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The token of an "Authorization: Bearer <token>" header, or null. */
export function bearerToken(authorization: string | undefined): string | null {
  const match = /^bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match ? match[1]! : null;
}

/** Media types that are JSON: application/json and application/*+json, with any parameters. */
export function isJsonContentType(contentType: string | undefined): boolean {
  const media = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return media === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(media);
}
