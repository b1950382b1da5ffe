/** What other people do on the training server while a test works in the browser. */
import { randomUUID } from 'node:crypto';
import type { Preview } from '../../scripts/preview/server';
import { expect } from './fixtures';

/** Another user pushes one mutation to the server (the trainer may claim and release any case). */
export async function pushOnServer(preview: Preview, name: string, caseId: string, base: Record<string, string | null>): Promise<void> {
  const url = preview.training?.url;
  if (!url) throw new Error('the preview has no training server');
  const login = await fetch(`${url}/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'demo.trainer', password: 'training' }),
  });
  expect(login.status).toBe(200);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const push = await fetch(`${url}/sync/push`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({ mutations: [{ clientMutationId: randomUUID(), name, args: { caseId }, base }] }),
  });
  expect(push.status).toBe(200);
  const { results } = (await push.json()) as { results: { status: string }[] };
  expect(JSON.stringify(results)).not.toMatch(/rejected|conflict|failed|forbidden/);
}
