// Imported first by the pane's entry and by the checker's worker: zod validates without compiling
// code (its JIT probes `new Function`), since the pages' Content-Security-Policy forbids eval and
// a refused probe is still a policy violation. Parsing the catalogue and the settings stays fast
// enough interpreted; the CLI keeps the JIT.
import { config } from 'zod/mini';

config({ jitless: true });
