/**
 * `frontier --help` prints from a static table in cli/main.ts instead of importing every command
 * module; this keeps the table, the command files and each command's own summary in step.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMAND_SUMMARIES, commandNames, loadCommand, main } from '../../src-main/cli/main.js';
import { repoRoot } from '../support/shared-data.js';

function captured(): { out: string[]; io: Parameters<typeof main>[1] } {
  const out: string[] = [];
  return { out, io: { stdout: (t) => out.push(t), stderr: (t) => out.push(t), cwd: repoRoot, env: {} } };
}

describe('frontier --help table', () => {
  it('has an entry for every command file and a command file for every entry', () => {
    expect(Object.keys(COMMAND_SUMMARIES).sort()).toEqual(commandNames());
  });

  it("matches each command's own name and summary", async () => {
    for (const name of commandNames()) {
      const command = await loadCommand(name);
      expect(command?.name, name).toBe(name);
      expect(COMMAND_SUMMARIES[name], name).toBe(command?.summary);
    }
  });

  it('prints every command with its summary', async () => {
    const { out, io } = captured();
    expect(await main(['--help'], io)).toBe(0);
    const text = out.join('\n');
    for (const [name, summary] of Object.entries(COMMAND_SUMMARIES)) expect(text).toMatch(new RegExp(`^  ${name} +${summary.replace(/[()]/g, '\\$&')}$`, 'm'));
  });

  it('loads nothing but node built-ins before a command is chosen', () => {
    // Static imports are evaluated before --help can print; the command modules, the API and the
    // services must come in through import() on the command path only.
    const source = readFileSync(join(repoRoot, 'src-main', 'cli', 'main.ts'), 'utf8');
    const valueImports = [...source.matchAll(/^import\s+(?!type\s)[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]);
    expect(valueImports.length).toBeGreaterThan(0);
    expect(valueImports.filter((from) => !from!.startsWith('node:'))).toEqual([]);
  });
});
