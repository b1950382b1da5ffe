/** Profiling aid: sequential pushes in-process against PostgreSQL; prints ms per mutation. */
import { randomUUID } from 'node:crypto';
import { createTestServer, seedWorld } from '../integration/server/harness';

async function main(): Promise<void> {
  const server = await createTestServer();
  const world = await seedWorld(server);
  const user = world.users.caseworkerA;
  const run = async (count: number) => {
    const started = performance.now();
    for (let index = 0; index < count; index += 1) {
      const response = await server.app.inject({ method: 'POST', url: '/sync/push', headers: { authorization: `Bearer ${user.token}` },
        payload: { mutations: [{ clientMutationId: randomUUID(), name: 'case.addNote', args: { caseId: world.cases.A1.id, noteId: randomUUID(), body: 'x' }, base: {} }] } });
      if (response.statusCode !== 200) throw new Error(response.body);
    }
    return (performance.now() - started) / count;
  };
  await run(50);
  console.log(JSON.stringify({ msPerMutation: await run(300), database: server.database.label }));
  await server.close();
}
void main();
