/**
 * The `frontier` command: dispatches to cli/commands/<name>.js. Exit codes: 0 success, 1 user error
 * (one line on stderr naming the file/line/field), 2 a bug (with its stack).
 * Only node built-ins load up front: `frontier --help` prints from the table below, and the API,
 * services and the chosen command are imported when a command runs.
 */
import { readdirSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Runtime } from '../services/runtime.js';
import type { CliCommand, CliContext } from './command.js';

/**
 * `frontier --help`'s one line per command, so the overview imports no command module (all of them
 * cost ~2 s of CPU). test/cli/help-table.test.ts keeps it equal to the files in cli/commands/ and
 * to each command's own `summary`.
 */
export const COMMAND_SUMMARIES: Readonly<Record<string, string>> = {
  allocate: 'turn portfolio weights and a cash amount into whole share counts',
  backtest: 'backtest a portfolio: equity curve, drawdowns, metrics, rebalances',
  db: 'show stored prices, transactions, positions, holdings and import batches',
  estimate: 'expected returns and covariance of a price source (annualised)',
  frontier: 'trace the efficient frontier (N points and, long-only, the exact turning points)',
  import: 'import price histories and broker CSV files into the database',
  optimize: 'optimise a portfolio (mean-variance, Sharpe, CVaR/CDaR, risk parity, HRP, Black–Litterman)',
  report: 'write a PDF report of a scenario (saved, or a scenario file)',
  scenario: 'list, show, export or import saved scenarios',
  serve: 'run Frontier in your browser (web mode) on 127.0.0.1',
  stress: 'stress-test weights: crisis windows, correlation shock, shocks, Monte Carlo',
  greeks: 'price and Greeks of one option (BSM with dividend yield, American tree) or its implied vol',
  options: 'option positions: import, Greeks, hedge, revaluation grid, dynamic-hedging replay',
  factors: 'import factor returns and exposures; fit factor exposures (PCA, time-series, characteristics)',
  resample: 'resampled efficiency (Michaud): resampled frontier or objective, weight bands, is the current portfolio within the noise',
  fx: 'import exchange rates (ECB, Yahoo EURUSD=X, date,base,quote,rate) and list a pair, inverse and crosses derived',
};

const commandsDir = join(dirname(fileURLToPath(import.meta.url)), 'commands');
const ownExt = extname(fileURLToPath(import.meta.url));

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  stderr: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  cwd: process.cwd(),
  env: process.env,
};

/** The command modules present in cli/commands/ (what `frontier <name>` can run). */
export function commandNames(): string[] {
  return readdirSync(commandsDir)
    .filter((f) => f.endsWith(ownExt) && !f.endsWith(`.d${ownExt}`))
    .map((f) => f.slice(0, -ownExt.length))
    .sort();
}

/** Loads a command module by name (the dispatcher's path, also used by the help-table test). */
export async function loadCommand(name: string): Promise<CliCommand | null> {
  if (!/^[a-z][a-z-]*$/.test(name) || !commandNames().includes(name)) return null;
  const module = (await import(pathToFileURL(join(commandsDir, `${name}${ownExt}`)).href)) as { default: CliCommand };
  return module.default;
}

function overview(): string {
  const lines = ['Frontier — portfolio optimisation from the command line', '', 'usage: frontier <command> [options]', '', 'commands:'];
  for (const [name, summary] of Object.entries(COMMAND_SUMMARIES).sort(([a], [b]) => a.localeCompare(b))) lines.push(`  ${name.padEnd(10)} ${summary}`);
  lines.push('', 'Run `frontier <command> --help` for its options. Most commands take --db FILE and --json.');
  return lines.join('\n');
}

/** What running a command needs beyond node built-ins, imported only then. */
async function loadBackend() {
  const [api, paths, runtime] = await Promise.all([
    import('../../shared/api.js'),
    import('../app-paths.js'),
    import('../services/runtime.js'),
  ]);
  return {
    FrontierError: api.FrontierError,
    isApiError: api.isApiError,
    EXIT_CODES: api.EXIT_CODES,
    resolveDbPath: paths.resolveDbPath,
    createRuntime: runtime.createRuntime,
  };
}
type Backend = Awaited<ReturnType<typeof loadBackend>>;

interface Resources {
  runtimes: Map<string, Runtime>;
}

function makeContext(io: CliIo, resources: Resources, backend: Backend): CliContext {
  const { runtimes } = resources;
  const { createRuntime, resolveDbPath, FrontierError } = backend;
  const ctx: CliContext = {
    ...io,
    runtime(dbPath) {
      const memory = dbPath?.startsWith(':memory:') === true;
      const path = memory ? dbPath! : resolveDbPath(dbPath, undefined, io.env);
      let runtime = runtimes.get(path);
      if (!runtime) {
        runtime = createRuntime({
          dbPath: memory ? ':memory:' : path,
          mode: 'cli',
          inlineJobs: true,
          makePrinter: async () => (await import('../host/chromium-printer.js')).createChromiumPrinter(),
        });
        runtimes.set(path, runtime);
      }
      return runtime;
    },
    async call(method, request, dbPath) {
      const result = await ctx.runtime(dbPath).call(method, request);
      if (!result.ok) throw new FrontierError(result.error.code, result.error.message, result.error.details);
      return result.data as never;
    },
    print(json, value, human) {
      io.stdout(json ? JSON.stringify(value, null, 2) : human());
    },
  };
  return ctx;
}

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(overview());
    return name ? 0 : 1;
  }
  if (name === '--version' || name === '-v') {
    io.stdout((await import('../services/runtime.js')).appVersion());
    return 0;
  }
  if (!commandNames().includes(name)) {
    io.stderr(`frontier: unknown command "${name}" (try: ${commandNames().join(', ')})`);
    return 1;
  }
  const [command, backend] = await Promise.all([loadCommand(name), loadBackend()]);
  if (!command) return 1; // listed a moment ago; only a file removed meanwhile gets here
  const { FrontierError, isApiError, EXIT_CODES } = backend;
  const resources: Resources = { runtimes: new Map() };
  // The one keep-alive: pool workers are unref'd, so without it the process could exit while a job runs.
  const keepAlive = setInterval(() => undefined, 1 << 30);
  try {
    // values like --bounds -1:1 (loaded now: nothing but built-ins loads before a command is chosen)
    const { joinNegativeValues } = await import('./negative-values.js');
    const args = parseArgs({ args: joinNegativeValues(rest, command.options), options: command.options, allowPositionals: true, strict: true });
    if (args.values.help === true) {
      io.stdout(command.usage);
      return 0;
    }
    const code = await command.run(args, makeContext(io, resources, backend));
    return code ?? 0;
  } catch (error) {
    if (error instanceof FrontierError || isApiError(error)) {
      const e = error as { code: keyof typeof EXIT_CODES; message: string };
      if (EXIT_CODES[e.code] === 1) {
        io.stderr(e.message);
        return 1;
      }
    }
    const nodeCode = (error as { code?: unknown }).code;
    if (typeof nodeCode === 'string' && nodeCode.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`frontier ${name}: ${(error as Error).message} (see frontier ${name} --help)`);
      return 1;
    }
    if (typeof nodeCode === 'string' && (nodeCode === 'ENOENT' || nodeCode === 'EACCES' || nodeCode === 'EISDIR')) {
      io.stderr((error as Error).message);
      return 1;
    }
    io.stderr(`frontier ${name}: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 2;
  } finally {
    await Promise.all([...resources.runtimes.values()].map((r) => r.close()));
    clearInterval(keepAlive);
  }
}
