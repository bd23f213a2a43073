/**
 * Lets a flag take a value that starts with "-" and a digit (`--bounds -1:1`, `--rf -0.005`): node's
 * parseArgs would read such a value as an option of its own, so `--flag -1…` becomes `--flag=-1…` for
 * every string-typed flag before parsing. Other dash-led tokens are left to parseArgs.
 */
export function joinNegativeValues(argv: readonly string[], options: Readonly<Record<string, { type: string }>>): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = argv[i + 1];
    const name = a.startsWith('--') && !a.includes('=') ? a.slice(2) : undefined;
    if (name !== undefined && options[name]?.type === 'string' && next !== undefined && /^-\.?\d/.test(next)) {
      out.push(`${a}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}
