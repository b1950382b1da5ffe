/**
 * The Content-Security-Policy of every renderer response (SECURITY.md), built in one place for the
 * app:// protocol and the browser preview. Scripts only from our own origin: no inline script, no
 * eval. Styles allow 'unsafe-inline' because Mantine sets CSS variables and per-component styles
 * through style attributes and one injected <style> element; style injection cannot run code.
 */
export interface CspOptions {
  /** Extra connect-src sources, e.g. the preview's loopback WebSocket. The app needs none. */
  connectSources?: readonly string[];
}

/** Returns the Content-Security-Policy header value. */
export function contentSecurityPolicy(options: CspOptions = {}): string {
  const connect = ["'self'", ...(options.connectSources ?? [])].join(' ');
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connect}`,
    "worker-src 'self' blob:",
    "frame-src 'self' blob:",
    "child-src 'self' blob:",
    "media-src 'none'",
    "object-src 'none'",
    "manifest-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    // 'self', not 'none': the app embeds its own sandboxed PDF viewer document (viewer/index.html).
    // Only documents served from our origin may frame our pages.
    "frame-ancestors 'self'",
  ].join('; ');
}

/** Directives a <meta> policy cannot carry: browsers ignore them there (and warn). */
const headerOnlyDirectives = ['frame-ancestors', 'report-uri', 'sandbox'];

/**
 * The same policy for the renderer's HTML as a <meta http-equiv> tag, defence in depth beside the
 * header: a page served without the header (a mistake in a protocol handler) is still held to it.
 */
export function metaContentSecurityPolicy(options: CspOptions = {}): string {
  return contentSecurityPolicy(options).split('; ')
    .filter((directive) => !headerOnlyDirectives.some((name) => directive.startsWith(`${name} `)))
    .join('; ');
}

/** Security headers sent with every renderer response besides the CSP. */
export const securityHeaders: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  // The PDF viewer runs in a sandboxed frame (opaque origin, serialised "null") so a pdf.js flaw
  // cannot reach window.werkbank. Its module scripts and styles are fetched in CORS mode from that
  // opaque origin. Any opaque-origin document may thus read these static files, which is acceptable:
  // they are the shipped bundle, never case data (that only travels over the bridge), and in the app
  // no other site's documents run at all.
  'Access-Control-Allow-Origin': 'null',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=()',
};
