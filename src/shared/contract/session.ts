/** Contract of the `session` namespace: who is signed in, signing in and out. */
import { z } from 'zod';
import { defineCall } from '../rpc';
import { demoUser } from '../sync/protocol';
import { empty, inNamespace } from './common';

export const signedInUser = z.object({ id: z.string(), displayName: z.string(), role: z.string() });
export type SignedInUserInfo = z.infer<typeof signedInUser>;

/** Who is signed in on this workbench, and whether there is a central API to sign in to at all. */
export const sessionInfo = z.object({ user: signedInUser.nullable(), signInAvailable: z.boolean() });
export type SessionInfo = z.infer<typeof sessionInfo>;

export const signInArgs = z.object({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(1000),
}).strict();

export const sessionCalls = inNamespace('session', {
  'session.signIn': defineCall(signInArgs, z.object({ user: signedInUser }), 'Signs in to the central API; another user than before wipes the local cache.'),
  'session.signOut': defineCall(empty, z.object({}), 'Signs out and wipes the local cache.'),
  'session.current': defineCall(empty, sessionInfo, 'Who is signed in, and whether a central API is configured to sign in to.'),
  'session.demoUsers': defineCall(
    empty,
    z.object({ users: z.array(demoUser) }),
    'The demo users of the training environment for the sign-in screen; none for a production server.',
  ),
} as const);
