// Imported first by main.ts. Shared domain modules build zod schemas at load time; zod probes
// `new Function` to JIT its parsers, which the renderer's CSP (no 'unsafe-eval') reports as a
// violation even though zod catches the failure. Jitless mode skips the probe.
import { config } from 'zod';

config({ jitless: true });
