/** `frontier report`: a PDF report of a saved scenario, or of a scenario file optimised on the spot. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FrontierError } from '../../../shared/api.js';
import { REPORT_PAPERS, REPORT_SECTIONS, type ReportSection } from '../../../shared/api/reports.js';
import { commonOptions, defineCommand, numberOption, stringList, stringOption, type CliContext, type ParsedArgs } from '../command.js';
import { loadPriceSource, priceSourceOptions, readJsonFile, readScenarioFile } from '../price-source.js';
import { findScenario } from '../scenario-ref.js';

/** The printing options of a report request, as the flags give them (the logo still a file path). */
interface ReportRequestOptions {
  paper: 'a4' | 'letter';
  sections?: ReportSection[];
  title?: string;
  author?: string;
  logo?: string;
  locale?: string;
  currency?: string;
  portfolioValue?: number;
  onePage?: boolean;
}

/** `--sections cover,summary,…` (repeatable) → validated section ids. */
export function parseSections(values: readonly string[]): ReportSection[] | undefined {
  if (values.length === 0) return undefined;
  const out: ReportSection[] = [];
  for (const raw of values.flatMap((v) => v.split(',')).map((s) => s.trim()).filter(Boolean)) {
    const known = REPORT_SECTIONS.find((s) => s === raw);
    if (!known) throw new FrontierError('user-error', `--sections: "${raw}" is not one of ${REPORT_SECTIONS.join(', ')}`);
    out.push(known);
  }
  return out;
}

/** Reads a PNG/JPEG/SVG file into the data URL the report embeds, checked by main as the app's uploads are. */
export async function checkedLogo(ctx: CliContext, db: string | undefined, path: string): Promise<string> {
  const bytes = readFileSync(resolve(path));
  try {
    // The label only has to pass the schema: main reads the type from the bytes, whatever the file is called.
    const res = await ctx.call('report-logo-check', { logo: `data:image/png;base64,${bytes.toString('base64')}` }, db);
    return res.logo;
  } catch (error) {
    if (error instanceof FrontierError) throw new FrontierError('user-error', `--logo: ${path}: ${error.message.replace(/^(report-logo-check: )?(logo: )?/, '')}`);
    throw error;
  }
}

function reportOptions(args: ParsedArgs): ReportRequestOptions {
  const paper = stringOption(args, 'paper') ?? 'a4';
  const known = REPORT_PAPERS.find((p) => p === paper);
  if (!known) throw new FrontierError('user-error', `--paper: "${paper}" is not a4 or letter`);
  const sections = parseSections(stringList(args, 'sections'));
  const title = stringOption(args, 'title');
  const author = stringOption(args, 'author');
  const logo = stringOption(args, 'logo');
  const locale = stringOption(args, 'locale');
  const currency = stringOption(args, 'currency');
  const portfolioValue = numberOption(args, 'portfolio-value');
  if (portfolioValue !== undefined && portfolioValue <= 0) throw new FrontierError('user-error', '--portfolio-value: give a positive amount');
  if (currency !== undefined && !/^[A-Z]{3}$/.test(currency)) throw new FrontierError('user-error', `--currency: "${currency}" is not a 3-letter code such as USD`);
  if (locale !== undefined) {
    try {
      new Intl.NumberFormat(locale);
    } catch {
      throw new FrontierError('user-error', `--locale: "${locale}" is not a locale such as en-US or de-DE`);
    }
  }
  return {
    paper: known,
    ...(sections ? { sections } : {}),
    ...(title !== undefined ? { title } : {}),
    ...(author !== undefined ? { author } : {}),
    ...(logo !== undefined ? { logo } : {}),
    ...(locale !== undefined ? { locale } : {}),
    ...(currency !== undefined ? { currency } : {}),
    ...(portfolioValue !== undefined ? { portfolioValue } : {}),
    ...(args.values['one-page'] === true ? { onePage: true } : {}),
  };
}

function isScenarioFile(ref: string): boolean {
  return ref.toLowerCase().endsWith('.json');
}

/** A saved scenario's id by exact name, else by id. */
async function storedScenarioId(ctx: CliContext, dbPath: string | undefined, ref: string): Promise<number> {
  const scenario = await findScenario(ctx, dbPath, ref, ` in ${ctx.runtime(dbPath).ctx.dbPath} (a scenario file must end in .json)`);
  return scenario.id;
}

/** Saved results inside a scenario file (e.g. written by the app), which the scenario schema strips. */
function resultsInFile(path: string): Record<string, unknown> | undefined {
  const json = readJsonFile(path) as { results?: unknown };
  const r = json.results;
  if (typeof r !== 'object' || r === null || !('optimize' in r)) return undefined;
  return r as Record<string, unknown>;
}

interface Printed {
  pdf: Uint8Array;
  pages: number;
  sections: ReportSection[];
  warnings: string[];
}

/** A scenario file: its saved results, or an optimisation (and frontier) of it run now, on the source's prices. */
async function reportFromFile(args: ParsedArgs, ctx: CliContext, path: string, options: ReportRequestOptions): Promise<Printed> {
  const file = readScenarioFile(path);
  const source = await loadPriceSource(args, ctx);
  const results = resultsInFile(path);
  const logo = options.logo === undefined ? {} : { logo: await checkedLogo(ctx, source.db, options.logo) };
  const res = await ctx.call('report-export-file', { scenario: file, ...(results ? { results } : {}), ...options, ...logo }, source.db);
  return { pdf: Buffer.from(res.pdfBase64, 'base64'), pages: res.pages, sections: res.sections, warnings: res.warnings };
}

export default defineCommand({
  name: 'report',
  summary: 'write a PDF report of a scenario (saved, or a scenario file)',
  usage: `usage: frontier report --scenario NAME|ID|FILE.json --out FILE.pdf [options]

  --scenario NAME|ID         a saved scenario (from --db) with its saved results
  --scenario FILE.json       a scenario file; optimised now on its prices (from --db, or --prices FILE.csv)
                             unless the file carries saved results
  --out FILE.pdf             where to write the PDF (required)
  --db FILE                  database (default: FRONTIER_DB or the user data folder)
  --prices FILE.csv          wide price CSV for a scenario file instead of the database
  --paper a4|letter          paper size, portrait (default a4)
  --sections LIST            comma-separated, in any order: ${REPORT_SECTIONS.join(', ')}
                             (default: every section the scenario has content for)
  --title TEXT  --author TEXT
  --logo FILE                PNG, JPEG or SVG shown on the cover (at most 1 MB; SVG scripts are removed)
  --portfolio-value N        print trades in shares and money for a portfolio of this value
  --currency CODE            currency code for money columns, e.g. USD
  --locale TAG               number format, e.g. en-US (default), de-DE
  --compare NAME|ID          a saved scenario to compare with (repeat for a third)
  --one-page                 shrink the print (to 60 % at most) to fit one page; automatic when
                             --sections lists only cover, summary, weights, frontier
  --json                     print {file, pages, sections, bytes} as JSON`,
  options: {
    ...commonOptions,
    ...priceSourceOptions,
    out: { type: 'string', short: 'o' },
    paper: { type: 'string' },
    sections: { type: 'string', multiple: true },
    title: { type: 'string' },
    author: { type: 'string' },
    logo: { type: 'string' },
    'portfolio-value': { type: 'string' },
    currency: { type: 'string' },
    locale: { type: 'string' },
    compare: { type: 'string', multiple: true },
    'one-page': { type: 'boolean' },
  },
  async run(args, ctx) {
    const ref = stringOption(args, 'scenario') ?? args.positionals[0];
    if (!ref) throw new FrontierError('user-error', 'name the scenario: --scenario NAME|ID|FILE.json (see frontier report --help)');
    const out = stringOption(args, 'out');
    if (!out) throw new FrontierError('user-error', '--out FILE.pdf is required');
    const options = reportOptions(args);
    const dbPath = stringOption(args, 'db');
    const compare = stringList(args, 'compare');
    let printed: Printed;
    if (isScenarioFile(ref)) {
      if (!existsSync(resolve(ref))) throw new FrontierError('user-error', `${ref}: no such scenario file`);
      if (compare.length > 0) throw new FrontierError('user-error', '--compare works with saved scenarios only; save the file first (frontier scenario import)');
      // loadPriceSource reads --scenario as the file; a positional file name is passed on the same way.
      const withScenario: ParsedArgs = { ...args, values: { ...args.values, scenario: ref } };
      printed = await reportFromFile(withScenario, ctx, ref, options);
    } else {
      const { sections, logo: logoPath, ...rest } = options;
      const logo = logoPath === undefined ? {} : { logo: await checkedLogo(ctx, dbPath, logoPath) };
      const scenarioId = await storedScenarioId(ctx, dbPath, ref);
      const compareIds: number[] = [];
      for (const c of compare) compareIds.push(await storedScenarioId(ctx, dbPath, c));
      const request = { scenarioId, ...rest, ...logo, ...(sections ? { sections: [...sections] } : {}), ...(compareIds.length > 0 ? { compareIds } : {}) };
      const res = await ctx.call('report-export', request, dbPath);
      printed = { pdf: Buffer.from(res.pdfBase64, 'base64'), pages: res.pages, sections: res.sections ?? [], warnings: [] };
    }
    try {
      writeFileSync(resolve(out), printed.pdf);
    } catch (error) {
      throw new FrontierError('user-error', `--out: cannot write ${out}: ${(error as Error).message}`);
    }
    for (const w of printed.warnings) ctx.stderr(`warning: ${w}`);
    const json = args.values.json === true;
    ctx.print(json, { file: out, pages: printed.pages, sections: printed.sections, bytes: printed.pdf.byteLength }, () =>
      `wrote ${out} (${printed.pages} ${printed.pages === 1 ? 'page' : 'pages'}: ${printed.sections.join(', ')})`,
    );
  },
});
