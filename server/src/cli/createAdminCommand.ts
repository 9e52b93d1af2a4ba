import { parseArgs } from 'node:util';
import { z } from 'zod';
import { Accounts } from '../auth/Accounts.js';
import { Email, NewPassword, StaffName } from '../auth/schemas.js';
import { systemClock, type Clock } from '../lib/clock.js';
import { loadConfig, type Config } from '../config.js';
import { AlreadyExistsError } from '../errors.js';
import { createLogger } from '../logger.js';
import type { ClinicStore } from '../store/ClinicStore.js';
import { createStores } from '../store/Stores.js';

export const USAGE = `usage: npm run create-admin -w server -- --email <email> --display-name <name>
The password is read from HEARTH_ADMIN_PASSWORD, else from the first line of stdin.`;

export type CliIo = {
  argv: string[];
  env: NodeJS.ProcessEnv;
  /** The whole of stdin; undefined when stdin is a terminal (a typed password would be echoed). */
  readStdin: () => Promise<string | undefined>;
  out: (text: string) => void;
  err: (text: string) => void;
  openStore?: (config: Config, clock: Clock) => ClinicStore | Promise<ClinicStore>;
};

/** Creates an admin account in the configured store; returns the process exit code. */
export async function runCreateAdmin(io: CliIo): Promise<number> {
  let args;
  try {
    args = parseArgs({ args: io.argv, options: { email: { type: 'string' }, 'display-name': { type: 'string' } }, strict: true }).values;
  } catch (err) {
    io.err(`${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (!args.email || !args['display-name']) {
    io.err(`${USAGE}\n`);
    return 2;
  }
  const config = loadConfig(io.env);
  const store = await (io.openStore ?? openClinicStore)(config, systemClock);
  try {
    if (!store.persistent) {
      io.err(
        'create-admin needs a persistent store, and this Hearth keeps its accounts in memory: an account made here ' +
          'would vanish when this command exits. Start the server and create the first admin on its one-time ' +
          'setup page (POST /api/setup/admin) instead.\n',
      );
      return 1;
    }
    const password = io.env['HEARTH_ADMIN_PASSWORD'] ?? (await io.readStdin())?.split(/\r?\n/)[0];
    if (password === undefined) {
      io.err('set HEARTH_ADMIN_PASSWORD or pipe the password on stdin\n');
      return 2;
    }
    const input = z.object({ email: Email, password: NewPassword, displayName: StaffName }).safeParse({
      email: args.email,
      password,
      displayName: args['display-name'],
    });
    if (!input.success) {
      io.err(`${z.prettifyError(input.error)}\n`);
      return 2;
    }
    const accounts = new Accounts({ store, clock: systemClock, log: createLogger('silent') });
    const account = await accounts.create({ ...input.data, role: 'admin' });
    io.out(`admin account created for ${account.email}\n`);
    return 0;
  } catch (err) {
    if (!(err instanceof AlreadyExistsError)) throw err;
    io.err(`${err.message}\n`);
    return 1;
  } finally {
    await store.close();
  }
}

/** The configured store (Redis when REDIS_URL is set); its close closes the connection. */
async function openClinicStore(config: Config, clock: Clock): Promise<ClinicStore> {
  return (await createStores(config.redisUrl, clock, createLogger('silent'))).clinic;
}
