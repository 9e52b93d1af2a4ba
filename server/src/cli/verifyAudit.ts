import { runVerifyAudit } from './verifyAuditCommand.js';

/** `npm run audit:verify -w server [checkpoint files or saved logs…]`: see verifyAuditCommand.ts. */
try {
  process.exitCode = await runVerifyAudit({
    env: process.env,
    files: process.argv.slice(2),
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
  });
} catch (err) {
  process.stderr.write(`audit:verify failed: ${(err as Error).message}\n`);
  process.exitCode = 2;
}
