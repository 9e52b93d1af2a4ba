import { z } from 'zod';

// The CSP allows no eval. Zod compiles fast object parsers with `new Function` when it may, and
// probing whether it may is itself a CSP violation report in every page's console. Jitless, it
// never asks. Imported first in main.tsx: a schema decides when it is made, not when it parses.
z.config({ jitless: true });
