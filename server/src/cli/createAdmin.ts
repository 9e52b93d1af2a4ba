import { runCreateAdmin } from './createAdminCommand.js';

/** `npm run create-admin -w server -- --email … --display-name …`: see createAdminCommand.ts. */
async function readStdin(): Promise<string | undefined> {
  if (process.stdin.isTTY) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

try {
  process.exitCode = await runCreateAdmin({
    argv: process.argv.slice(2),
    env: process.env,
    readStdin,
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  });
} catch (err) {
  process.stderr.write(`create-admin failed: ${(err as Error).message}\n`);
  process.exitCode = 1;
}
