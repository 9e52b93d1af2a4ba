import { describe, expect, it } from 'vitest';
import { MemoryAuditLog } from '../store/AuditLog.js';
import { runVerifyAudit, type VerifyIo } from './verifyAuditCommand.js';

async function logOf(n: number) {
  const audit = new MemoryAuditLog();
  for (let i = 0; i < n; i++) await audit.append({ at: i, action: 'admitted', actorId: 'f', targetId: `m${i}`, sessionId: 's' });
  return audit;
}

function io(audit: MemoryAuditLog | undefined, env: NodeJS.ProcessEnv = { REDIS_URL: 'redis://127.0.0.1:1' }) {
  const out: string[] = [];
  const err: string[] = [];
  const cli: VerifyIo = { env, out: (t) => out.push(t), err: (t) => err.push(t), openAudit: async () => ({ audit: audit!, close: async () => {} }) };
  return { cli, out, err };
}

describe('audit:verify', () => {
  it('reports an intact log and exits 0', async () => {
    const { cli, out } = io(await logOf(4));
    expect(await runVerifyAudit(cli)).toBe(0);
    expect(out.join('')).toMatch(/intact: 4 entries/);
  });

  it('names the first broken entry and exits 1', async () => {
    const audit = await logOf(5);
    const tampered = { all: async () => (await audit.all()).map((e) => (e.seq === 2 ? { ...e, action: 'removed' } : e)), append: audit.append.bind(audit), recent: audit.recent.bind(audit) };
    const { cli, err } = io(undefined);
    cli.openAudit = async () => ({ audit: tampered, close: async () => {} });
    expect(await runVerifyAudit(cli)).toBe(1);
    expect(err.join('')).toMatch(/BROKEN at entry 2 of 5/);
  });

  it('says where the log lives when REDIS_URL is not set', async () => {
    const { cli, err } = io(await logOf(1), {});
    expect(await runVerifyAudit(cli)).toBe(2);
    expect(err.join('')).toMatch(/REDIS_URL/);
  });
});
