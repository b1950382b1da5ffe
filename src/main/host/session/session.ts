/**
 * Sign-in to the central API from the host. Tokens live in an injected SecretStore (Electron's
 * safeStorage behind the main process in the app, memory in tests), never in the cache file.
 * Offline work is allowed for a grace period after the last online sign-in; sign-out or a
 * different user signing in wipes the local cache (SECURITY.md).
 */
import type Database from 'better-sqlite3';
import { RpcError } from '../../../shared/rpc';
import { CentralApiError, tokenPair, type CentralApi, type TokenPair } from '../sync/api-client';

/** Where tokens are kept; the app's implementation encrypts with safeStorage in the main process. */
export interface SecretStore {
  read(key: string): Promise<string | null>;
  write(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

/** A SecretStore in memory (tests, and the training environment whose tokens need not survive). */
export function memorySecretStore(): SecretStore & { readonly entries: ReadonlyMap<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    read: async (key) => entries.get(key) ?? null,
    write: async (key, value) => {
      entries.set(key, value);
    },
    delete: async (key) => {
      entries.delete(key);
    },
  };
}

const tokenKey = 'central-api.tokens';

export interface SignedInUser {
  id: string;
  displayName: string;
  role: string;
}

export interface SessionOptions {
  sqlite: Database.Database;
  api: CentralApi;
  secrets: SecretStore;
  now: () => Date;
  /** How long after the last online sign-in offline work is still allowed (default 7 days). */
  offlineGraceMilliseconds?: number;
  /** Runs after the cache was wiped: removes what lives outside the database (document files). */
  onDidWipe?: () => void;
}

/** Thrown when the user must sign in (again) before syncing; the outbox is left as it is. */
export class SignInRequired extends RpcError {
  constructor() {
    super('forbidden', 'Sign in again to continue synchronising. Your local changes are kept.', { reason: 'sign_in_required' });
  }
}

/** Clears every table of the local cache that holds case data (user switch, sign-out). */
export function wipeCache(sqlite: Database.Database): void {
  sqlite.transaction(() => {
    sqlite.exec(`
      DELETE FROM server_rows; DELETE FROM parties; DELETE FROM documents; DELETE FROM cases; DELETE FROM cases_search;
      DELETE FROM outbox; DELETE FROM conflicts; DELETE FROM parked; DELETE FROM document_files; DELETE FROM applied_letter_drafts;
      DELETE FROM message_index; DELETE FROM messages_search; DELETE FROM unread_messages;
      UPDATE sync_state SET user_id = NULL, cursor = NULL, bootstrapped = 0, last_sync_at = NULL,
        last_online_sign_in_at = NULL, scope = NULL WHERE id = 1;`);
  }).immediate();
}

function parseTokens(stored: string): TokenPair | null {
  try {
    const parsed = tokenPair.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export class Session {
  private tokens: TokenPair | null = null;
  private loaded = false;
  private refreshing: Promise<TokenPair> | null = null;
  private readonly grace: number;

  constructor(private readonly options: SessionOptions) {
    this.grace = options.offlineGraceMilliseconds ?? 7 * 24 * 3600_000;
  }

  private state(): { userId: string | null; lastOnlineSignInAt: string | null; scope: string | null } {
    return this.options.sqlite.prepare(
      'SELECT user_id AS userId, last_online_sign_in_at AS lastOnlineSignInAt, scope FROM sync_state WHERE id = 1',
    ).get() as { userId: string | null; lastOnlineSignInAt: string | null; scope: string | null };
  }

  /** The user the cache belongs to, or null before the first sign-in. */
  userId(): string | null {
    return this.state().userId;
  }

  /**
   * Signs in online; a different user than the cache's owner wipes the cache first. Returns
   * whether the same user's scope (their role) changed, which calls for a fresh bootstrap.
   */
  async signIn(username: string, password: string): Promise<SignedInUser & { scopeChanged: boolean }> {
    const pair = await this.options.api.login(username, password);
    const { userId: owner, scope: previousScope } = this.state();
    if (owner !== null && owner !== pair.user.id) {
      wipeCache(this.options.sqlite);
      this.options.onDidWipe?.();
    }
    const scope = JSON.stringify({ role: pair.user.role });
    const scopeChanged = owner === pair.user.id && previousScope !== null && previousScope !== scope;
    this.options.sqlite.prepare('UPDATE sync_state SET user_id = ?, last_online_sign_in_at = ?, scope = ? WHERE id = 1')
      .run(pair.user.id, this.options.now().toISOString(), scope);
    await this.store(pair);
    return { ...pair.user, scopeChanged };
  }

  /** Ends the session on the server (best effort) and wipes tokens and the local cache. */
  async signOut(): Promise<void> {
    const pair = await this.current().catch(() => null);
    if (pair) await this.options.api.logout(pair.refreshToken).catch(() => undefined);
    this.tokens = null;
    this.loaded = true;
    try {
      await this.options.secrets.delete(tokenKey);
    } finally {
      // The cache is wiped even when the secret store failed; tokens without an owner are then
      // discarded when next read (see current()).
      wipeCache(this.options.sqlite);
      this.options.onDidWipe?.();
    }
  }

  /** The signed-in user as the central API described them at sign-in, or null. */
  async user(): Promise<SignedInUser | null> {
    return (await this.current())?.user ?? null;
  }

  /** True while offline work is allowed: signed in, and within the grace period of the last online sign-in. */
  mayWorkOffline(): boolean {
    const { userId, lastOnlineSignInAt } = this.state();
    if (userId === null || lastOnlineSignInAt === null) return false;
    return this.options.now().getTime() - Date.parse(lastOnlineSignInAt) <= this.grace;
  }

  private async current(): Promise<TokenPair | null> {
    if (!this.loaded) {
      const stored = await this.options.secrets.read(tokenKey);
      // A sign-in or sign-out that finished while the store was being read has the last word.
      if (this.loaded) return this.tokens;
      let pair = stored === null ? null : parseTokens(stored);
      // Stored tokens count only for the user the cache belongs to: after a sign-out whose delete
      // did not reach the store, or a damaged value, the user signs in again.
      if (stored !== null && (pair === null || pair.user.id !== this.state().userId)) {
        pair = null;
        await this.options.secrets.delete(tokenKey).catch(() => undefined);
      }
      this.tokens = pair;
      this.loaded = true;
    }
    return this.tokens;
  }

  private async store(pair: TokenPair): Promise<void> {
    this.tokens = pair;
    this.loaded = true;
    await this.options.secrets.write(tokenKey, JSON.stringify(pair));
  }

  /** The access token to use, or SignInRequired when there is none. */
  async accessToken(): Promise<string> {
    const pair = await this.current();
    if (!pair) throw new SignInRequired();
    return pair.accessToken;
  }

  /**
   * Runs `call` with the access token and, after a 401, once more with a refreshed one. Every
   * authenticated request of the host (pull, push, pokes, documents, trainer calls) goes through here.
   */
  async authorised<T>(call: (token: string) => Promise<T>): Promise<T> {
    try {
      return await call(await this.accessToken());
    } catch (error) {
      if (!(error instanceof CentralApiError) || error.kind !== 'unauthenticated') throw error;
      return call(await this.refresh());
    }
  }

  /**
   * After a 401: exchange the refresh token once (concurrent callers share one exchange). A
   * refused refresh means the user must sign in again; a network failure is just offline.
   */
  async refresh(): Promise<string> {
    const pair = await this.current();
    if (!pair) throw new SignInRequired();
    this.refreshing ??= this.options.api.refresh(pair.refreshToken).finally(() => {
      this.refreshing = null;
    });
    try {
      const next = await this.refreshing;
      await this.store(next);
      return next.accessToken;
    } catch (error) {
      if (error instanceof CentralApiError && (error.kind === 'unauthenticated' || error.kind === 'refused')) {
        this.tokens = null;
        await this.options.secrets.delete(tokenKey).catch(() => undefined);
        throw new SignInRequired();
      }
      throw error;
    }
  }
}
