/**
 * The shape of a `frontier` sub-command and what it gets to run. A command lives in
 * cli/commands/<name>.ts and default-exports `defineCommand({...})`.
 */
import type { ParseArgsConfig } from 'node:util';
import { FrontierError, type ApiMethod, type ApiRequest, type ApiResponse } from '../../shared/api.js';
import type { Runtime } from '../services/runtime.js';

export type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

export interface CliContext {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /**
   * The runtime over the database named by --db / FRONTIER_DB / the default, or over an in-memory
   * store when the name starts with ':memory:' (one per name; opened on first use, closed on exit).
   */
  runtime(dbPath?: string): Runtime;
  /** Calls an API method through the same validation and services as the app (on `runtime(dbPath)`); throws FrontierError on failure. */
  call<M extends ApiMethod>(method: M, request: ApiRequest<M>, dbPath?: string): Promise<ApiResponse<M>>;
  /** Prints `value` as JSON when --json was given, else the human text. */
  print(json: boolean, value: unknown, human: () => string): void;
}

export interface CliCommand {
  name: string;
  /** One line for `frontier --help`. */
  summary: string;
  /** The full `frontier <name> --help` text. */
  usage: string;
  options: OptionsConfig;
  run(args: ParsedArgs, ctx: CliContext): Promise<number | void>;
}

export function defineCommand(command: CliCommand): CliCommand {
  return command;
}

/** Options most commands share. */
export const commonOptions = {
  db: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} satisfies OptionsConfig;

/** A string option's value, or undefined. */
export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.values[name];
  return typeof v === 'string' ? v : undefined;
}

/** All values of a repeatable string option. */
export function stringList(args: ParsedArgs, name: string): string[] {
  const v = args.values[name];
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
}

/** A finite number option, or a user error naming the flag. */
export function numberOption(args: ParsedArgs, name: string): number | undefined {
  const raw = stringOption(args, name);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value)) throw new FrontierError('user-error', `--${name}: "${raw}" is not a number`);
  return value;
}
