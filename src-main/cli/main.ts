/**
 * The `frontier` command: dispatches to cli/commands/<name>.js. Exit codes: 0 success, 1 user error
 * (one line on stderr naming the file/line/field), 2 a bug (with its stack).
 */
import { readdirSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { FrontierError, isApiError } from '../../shared/api.js';
import { resolveDbPath } from '../app-paths.js';
import { createJobPool, type JobPool } from '../jobs/pool.js';
import { createRuntime, appVersion, type Runtime } from '../services/runtime.js';
import type { CliCommand, CliContext } from './command.js';

const USER_ERROR_CODES = new Set(['invalid-request', 'not-found', 'user-error', 'conflict', 'cancelled', 'unauthorized', 'unknown-method']);
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

function commandNames(): string[] {
  return readdirSync(commandsDir)
    .filter((f) => f.endsWith(ownExt) && !f.endsWith(`.d${ownExt}`))
    .map((f) => f.slice(0, -ownExt.length))
    .sort();
}

async function loadCommand(name: string): Promise<CliCommand | null> {
  if (!/^[a-z][a-z-]*$/.test(name) || !commandNames().includes(name)) return null;
  const module = (await import(pathToFileURL(join(commandsDir, `${name}${ownExt}`)).href)) as { default: CliCommand };
  return module.default;
}

async function overview(): Promise<string> {
  const lines = ['Frontier — portfolio optimisation from the command line', '', 'usage: frontier <command> [options]', '', 'commands:'];
  for (const name of commandNames()) {
    const command = await loadCommand(name);
    if (command) lines.push(`  ${name.padEnd(10)} ${command.summary}`);
  }
  lines.push('', 'Run `frontier <command> --help` for its options. Most commands take --db FILE and --json.');
  return lines.join('\n');
}

interface Resources {
  runtimes: Map<string, Runtime>;
  pool: JobPool | null;
}

function makeContext(io: CliIo, resources: Resources): CliContext {
  const { runtimes } = resources;
  const ctx: CliContext = {
    ...io,
    jobs() {
      resources.pool ??= createJobPool();
      return resources.pool;
    },
    runtime(dbPath) {
      const path = resolveDbPath(dbPath, undefined, io.env);
      let runtime = runtimes.get(path);
      if (!runtime) {
        runtime = createRuntime({
          dbPath: path,
          mode: 'cli',
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
    io.stdout(await overview());
    return name ? 0 : 1;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(appVersion());
    return 0;
  }
  const command = await loadCommand(name);
  if (!command) {
    io.stderr(`frontier: unknown command "${name}" (try: ${commandNames().join(', ')})`);
    return 1;
  }
  const resources: Resources = { runtimes: new Map(), pool: null };
  try {
    const args = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
    if (args.values.help === true) {
      io.stdout(command.usage);
      return 0;
    }
    const code = await command.run(args, makeContext(io, resources));
    return code ?? 0;
  } catch (error) {
    if (error instanceof FrontierError || isApiError(error)) {
      const e = error as { code: string; message: string };
      if (USER_ERROR_CODES.has(e.code)) {
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
    await resources.pool?.close();
  }
}
