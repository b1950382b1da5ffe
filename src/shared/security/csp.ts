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
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Security headers sent with every renderer response besides the CSP. */
export const securityHeaders: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=()',
};
