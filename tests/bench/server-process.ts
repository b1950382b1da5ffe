/**
 * The central API in its own process for the benchmark, so the load generator does not share its
 * event loop. Prints one JSON line with the URL on stdout, stops on SIGTERM.
 */
import { startServer } from '../../src/server/start';
import { silentLogger } from '../../src/server/services';

async function main(): Promise<void> {
const server = await startServer({
  port: 0,
  ...(process.env['DATABASE_URL'] ? { databaseUrl: process.env['DATABASE_URL'] } : {}),
  intakeTokens: [process.env['WERKBANK_INTAKE_TOKEN'] ?? 'bench-intake-token'],
  tokenSecret: Buffer.from(process.env['WERKBANK_TOKEN_SECRET'] ?? '', 'base64'),
  logger: silentLogger,
  server: { loginsPerMinute: 100_000 },
});
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
process.on('SIGTERM', () => {
  void server.close().then(() => process.exit(0));
});
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
