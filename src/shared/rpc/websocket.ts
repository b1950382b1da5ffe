/**
 * How the loopback WebSocket transport (tests and the browser preview) is reached and guarded.
 * Browsers cannot set headers on a WebSocket, so the random token travels as a subprotocol,
 * never in a URL; the page learns it from the URL fragment the preview prints (a fragment is
 * never sent to a server) and keeps it in sessionStorage.
 */

/** Path of the RPC endpoint on the preview's own origin. */
export const rpcWebSocketPath = '/rpc';

/** The subprotocol that names the RPC version. */
export const rpcSubprotocol = 'werkbank.rpc.v1';

/** Prefix of the subprotocol that carries the token: `werkbank.token.<token>`. */
export const tokenSubprotocolPrefix = 'werkbank.token.';

/** The fragment parameter that hands the token to the page: `#token=<token>`. */
export const tokenFragmentKey = 'token';

/** Tokens are 32 random bytes in base64url: 43 characters of [A-Za-z0-9_-]. */
export const tokenPattern = /^[A-Za-z0-9_-]{43}$/;
