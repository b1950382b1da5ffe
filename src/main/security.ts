/**
 * The denials of SECURITY.md: no navigation, no new windows, no <webview>, no permissions, and
 * external links only to an https allow-list after the user confirms. Each decision is a pure
 * function so the unit tests can prove it; `guardWebContents` and `guardSession` attach them.
 */
import type { Session, WebContents } from 'electron';

/** Hosts the app may open in the user's browser (after confirmation). Subdomains are included. */
export const externalHostAllowList: readonly string[] = ['ind.nl', 'overheid.nl', 'wetten.overheid.nl'];

/** True when `rawUrl` is an https: link to an allow-listed host, without credentials or odd ports. */
export function isAllowedExternalUrl(rawUrl: string, allowList: readonly string[] = externalHostAllowList): boolean {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return false;
  const host = url.hostname.toLowerCase();
  return allowList.some((allowed) => host === allowed || host.endsWith(`.${allowed}`));
}

/** Asks the user whether to open a link in their browser; resolves true only on an explicit yes. */
export type ConfirmExternal = (url: string) => Promise<boolean>;
/** Opens a confirmed link in the user's browser (shell.openExternal). */
export type OpenExternal = (url: string) => Promise<void>;

export interface GuardOptions {
  confirmExternal: ConfirmExternal;
  openExternal: OpenExternal;
  /** Told about refusals: the kind and the URL's scheme only, never the whole URL. */
  onRefusal?: (kind: string, scheme: string) => void;
}

function schemeOf(rawUrl: string): string {
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(rawUrl);
  return match?.[1]?.toLowerCase() ?? 'invalid';
}

/**
 * Handles a link the page tried to open in a new window: never a new window; an allow-listed
 * https link goes to the browser after confirmation. Returns whether the browser was asked to open it.
 */
export async function openExternalIfAllowed(rawUrl: string, options: GuardOptions): Promise<boolean> {
  if (!isAllowedExternalUrl(rawUrl)) {
    options.onRefusal?.('external-link', schemeOf(rawUrl));
    return false;
  }
  if (!(await options.confirmExternal(rawUrl))) return false;
  await options.openExternal(rawUrl);
  return true;
}

/** Attaches the navigation, new-window and webview denials to one webContents. */
export function guardWebContents(contents: WebContents, options: GuardOptions): void {
  // The UI is a single page: any navigation is either an attack or a bug.
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    options.onRefusal?.('navigate', schemeOf(url));
  });
  contents.on('will-redirect', (event, url) => {
    event.preventDefault();
    options.onRefusal?.('redirect', schemeOf(url));
  });
  contents.on('will-frame-navigate', (event) => {
    // Subframes (the PDF viewer's sandboxed frame) may load our own origin and blob: only.
    if (event.isMainFrame) return;
    const scheme = schemeOf(event.url);
    if (scheme !== 'app' && scheme !== 'blob' && scheme !== 'about') {
      event.preventDefault();
      options.onRefusal?.('frame-navigate', scheme);
    }
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    options.onRefusal?.('webview', 'none');
  });
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalIfAllowed(url, options).catch(() => undefined);
    return { action: 'deny' };
  });
}

/** The permission request handler: every request is refused. */
export function denyPermissionRequest(
  _contents: WebContents,
  _permission: string,
  callback: (permissionGranted: boolean) => void,
): void {
  callback(false);
}

/** The permission check handler: every check answers no. */
export function denyPermissionCheck(): boolean {
  return false;
}

/** Network schemes the renderer must never reach on its own (all traffic goes through the host). */
const networkSchemes = new Set(['http', 'https', 'ws', 'wss', 'ftp', 'file']);

/** Whether the session may load `rawUrl`; `extraOrigins` is the dev server's origin in development. */
export function isRequestAllowed(rawUrl: string, extraOrigins: readonly string[] = []): boolean {
  const scheme = schemeOf(rawUrl);
  if (!networkSchemes.has(scheme)) return true;
  try {
    const origin = new URL(rawUrl).origin;
    const devOrigins = extraOrigins.flatMap((allowed) => [allowed, allowed.replace(/^http/, 'ws')]);
    return devOrigins.includes(origin);
  } catch {
    return false;
  }
}

/** Attaches the permission denials and the network block to a session. */
export function guardSession(session: Session, extraOrigins: readonly string[] = []): void {
  session.setPermissionRequestHandler(denyPermissionRequest);
  session.setPermissionCheckHandler(denyPermissionCheck);
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isRequestAllowed(details.url, extraOrigins) });
  });
}
