/**
 * The `session` calls: signing in (checking that the server is of this workbench's environment),
 * signing out (which wipes the cache), who is signed in, and the training environment's demo users.
 */
import type { sessionCalls, SignedInUserInfo } from '../../../shared/contract';
import { RpcError } from '../../../shared/rpc';
import type { HandlersOf, HostParts } from '../context';
import { CentralApiError } from '../sync/api-client';
import type { SyncService } from '../sync/service';
import { central } from './access';

/** Thrown at sign-in when the server is of the other environment than this workbench expects. */
export class EnvironmentMismatch extends RpcError {
  constructor(expected: 'training' | 'production', actual: 'training' | 'production') {
    super('forbidden', expected === 'training'
      ? 'This training workbench refuses to sign in to a production server. Ask the service desk for the right workbench.'
      : 'This workbench refuses to sign in to a training server. Ask the service desk for the right workbench.',
    { reason: 'environment_mismatch', expected, actual });
  }
}

/** A sign-in failure as the user should read it. */
function signInError(error: unknown): RpcError {
  if (error instanceof CentralApiError) {
    if (error.kind === 'unauthenticated') return new RpcError('forbidden', 'The username or password is not right.', { reason: 'wrong_credentials' });
    if (error.kind === 'rate_limited') return new RpcError('unavailable', 'Too many sign-in attempts. Wait a minute and try again.', { reason: 'rate_limited' });
    return new RpcError('unavailable', 'The central API cannot be reached. Check the connection and try again.', { kind: error.kind });
  }
  return error instanceof RpcError ? error : new RpcError('internal', 'Signing in failed.');
}

/**
 * Signs in and starts syncing. A training workbench never signs in to production, and vice versa;
 * a new role can see other cases, so the cache is pulled again (keeping outbox and conflicts).
 */
export async function signIn(sync: SyncService, username: string, password: string): Promise<{ user: SignedInUserInfo }> {
  let signedIn;
  try {
    const expected = sync.options.environment ?? 'production';
    const { environment } = await sync.trainingApi.health();
    if (environment !== expected) throw new EnvironmentMismatch(expected, environment);
    signedIn = await sync.session.signIn(username, password);
  } catch (error) {
    throw signInError(error);
  }
  const { scopeChanged, ...user } = signedIn;
  if (scopeChanged) sync.engine.inbound.resetForBootstrap();
  sync.options.onDidChangeCases({ listed: [], cases: 'all' });
  sync.engine.didSignIn();
  sync.start();
  void sync.training.refresh();
  return { user };
}

/** Stops syncing, ends the session and wipes the cache; the top bar learns of it at once. */
export async function signOut(sync: SyncService): Promise<Record<string, never>> {
  await sync.engine.stop();
  await sync.session.signOut();
  sync.options.onDidChangeStatus(sync.engine.status());
  return {};
}

export function sessionHandlers(parts: HostParts): HandlersOf<typeof sessionCalls> {
  const training = parts.environment === 'training';
  return {
    'session.signIn': ({ username, password }) => signIn(central(parts.sync), username, password),
    'session.signOut': () => signOut(central(parts.sync)),
    'session.current': async () => ({ user: (await parts.sync?.session.user()) ?? null, signInAvailable: parts.sync !== null }),
    'session.demoUsers': async () => {
      // A production server has none to offer; without the list the sign-in screen still works (the user types a name).
      if (!training || !parts.sync) return { users: [] };
      return { users: await parts.sync.api.demoUsers().catch(() => []) };
    },
  };
}
