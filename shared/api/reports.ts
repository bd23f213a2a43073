/** API methods that build PDF reports. */
import { z } from 'zod';
import { scenarioFileSchema } from '../domain/scenario.js';
import { isLocaleTag, MAX_MONEY } from '../domain/bounds.js';

/**
 * Report sections a client may ask for (the first seven are the original skeleton's). A section is
 * printed only when the scenario has content for it; the document order is REPORT_SECTION_ORDER.
 */
export const REPORT_SECTIONS = [
  'cover',
  'summary',
  'settings',
  'weights',
  'frontier',
  'risk',
  'methodology',
  'views',
  'correlation',
  'backtest',
  'stress',
  'comparison',
  'robustness',
] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

/** The order sections appear in the document. */
export const REPORT_SECTION_ORDER: readonly ReportSection[] = [
  'cover',
  'summary',
  'comparison',
  'settings',
  'views',
  'weights',
  'risk',
  'frontier',
  'correlation',
  'backtest',
  'stress',
  'robustness',
  'methodology',
];

/** Headings as printed, also the labels of the export dialog's checkboxes. */
export const REPORT_SECTION_TITLES: Record<ReportSection, string> = {
  cover: 'Cover',
  summary: 'Executive summary',
  comparison: 'Scenario comparison',
  settings: 'Settings',
  views: 'Black-Litterman views',
  weights: 'Weights and trades',
  risk: 'Risk contributions',
  frontier: 'Efficient frontier',
  correlation: 'Correlation',
  backtest: 'Backtest',
  stress: 'Stress tests',
  robustness: 'Robustness to estimation error',
  methodology: 'Methodology and disclaimer',
};

/** The walking skeleton's one-page report: title block, key metrics, weights table and chart, frontier. */
export const REPORT_ONE_PAGE_SECTIONS: readonly ReportSection[] = ['cover', 'summary', 'weights', 'frontier'];

/**
 * The export dialog's sections with Backtest and Stress tests ticked when the scenario has them saved
 * (results.backtest / results.stress), in the API's order; other choices are kept as they are.
 */
export function sectionsWithSavedResults(sections: readonly ReportSection[], results: Readonly<Record<string, unknown>> | null): ReportSection[] {
  const set = new Set(sections);
  if (results?.['backtest'] != null) set.add('backtest');
  if (results?.['stress'] != null) set.add('stress');
  return REPORT_SECTIONS.filter((s) => set.has(s));
}

export const REPORT_PAPERS = ['a4', 'letter'] as const;

/** Largest logo image accepted, in bytes (decoded); the export dialog checks it before sending. */
export const LOGO_MAX_BYTES = 1024 * 1024;
export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/svg+xml'] as const;
export type LogoType = (typeof LOGO_TYPES)[number];

/**
 * A logo as a data URL of a PNG, JPEG or SVG image; nothing else may load in a report. Main then reads
 * the type from the bytes, caps the size at LOGO_MAX_BYTES and rebuilds an SVG without scripts
 * (src-main/report/logo.ts).
 */
export const logoDataUrlSchema = z
  .string()
  .max(Math.ceil((LOGO_MAX_BYTES * 4) / 3) + 100, `logo: at most ${LOGO_MAX_BYTES} bytes`)
  .regex(/^data:image\/(png|jpeg|svg\+xml);base64,[A-Za-z0-9+/=\s]+$/, 'logo must be a base64 data URL of a PNG, JPEG or SVG image');

/** Options shared by every way of asking for a report (API, CLI). */
export const reportOptionsShape = {
  paper: z.enum(REPORT_PAPERS).default('a4'),
  sections: z.array(z.enum(REPORT_SECTIONS)).optional(),
  title: z.string().max(200).optional(),
  author: z.string().max(200).optional(),
  logo: logoDataUrlSchema.optional(),
  /** BCP 47 locale for thousands and decimal separators (default en-US); a tag Intl cannot read is refused here. */
  locale: z
    .string()
    .min(2)
    .max(35)
    .refine(isLocaleTag, 'not a BCP 47 locale such as en-US or de-CH')
    .optional(),
  /** Portfolio value in money, to print trades in shares and money (at most MAX_MONEY). */
  portfolioValue: z.number().positive().max(MAX_MONEY).optional(),
  /**
   * Shrink the print (down to 60 %) until the report fits one page. Default: on when the sections asked
   * for are among REPORT_ONE_PAGE_SECTIONS.
   */
  onePage: z.boolean().optional(),
  /** ISO 4217 currency code for money columns (default: none, plain numbers). */
  currency: z.string().regex(/^[A-Z]{3}$/, 'a 3-letter currency code such as USD').optional(),
};

export const reportRequests = {
  'report-export': z.object({
    scenarioId: z.number().int().positive(),
    /** Up to two more scenarios printed side by side with the first in a comparison section. */
    compareIds: z.array(z.number().int().positive()).max(2).optional(),
    ...reportOptionsShape,
    jobId: z.string().min(1).max(100).optional(),
  }),
  /** Checks a logo before it is remembered by the export dialog: the image as the report will print it. */
  'report-logo-check': z.object({ logo: logoDataUrlSchema }),
  /**
   * A report of a scenario that is not stored (a scenario file; the CLI's `report --scenario FILE.json`),
   * on the store's prices. Without `results` the scenario is optimised first (and its frontier traced;
   * a frontier that fails is left out with a warning).
   */
  'report-export-file': z.object({
    scenario: scenarioFileSchema,
    results: z.record(z.string(), z.unknown()).optional(),
    ...reportOptionsShape,
    jobId: z.string().min(1).max(100).optional(),
  }),
};

export interface ReportResponses {
  'report-export': {
    fileName: string;
    pdfBase64: string;
    pages: number;
    /** The sections printed, in document order (asked-for sections without content are left out). */
    sections?: ReportSection[];
  };
  'report-export-file': {
    fileName: string;
    pdfBase64: string;
    pages: number;
    sections: ReportSection[];
    /** What the report left out and why (e.g. a frontier that could not be traced). */
    warnings: string[];
  };
  'report-logo-check': {
    /** The image as printed: relabelled by its content; an SVG rebuilt without scripts or external links. */
    logo: string;
    type: LogoType;
    bytes: number;
  };
}
