/** API methods that build PDF reports. */
import { z } from 'zod';

export const REPORT_SECTIONS = ['cover', 'summary', 'settings', 'weights', 'frontier', 'risk', 'methodology'] as const;

export const reportRequests = {
  'report-export': z.object({
    scenarioId: z.number().int().positive(),
    paper: z.enum(['a4', 'letter']).default('a4'),
    sections: z.array(z.enum(REPORT_SECTIONS)).optional(),
    title: z.string().max(200).optional(),
    author: z.string().max(200).optional(),
    jobId: z.string().min(1).max(100).optional(),
  }),
};

export interface ReportResponses {
  'report-export': { fileName: string; pdfBase64: string; pages: number };
}
