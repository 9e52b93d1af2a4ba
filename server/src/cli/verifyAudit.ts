import { runVerifyAudit } from './verifyAuditCommand.js';

/** `npm run audit:verify -w server`: see verifyAuditCommand.ts. */
try {
  process.exitCode = await runVerifyAudit({ env: process.env, out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) });
} catch (err) {
  process.stderr.write(`audit:verify failed: ${(err as Error).message}\n`);
  process.exitCode = 2;
}
