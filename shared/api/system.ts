/** API methods about the running app and long jobs. */
import { z } from 'zod';

export const systemRequests = {
  'app-info': z.object({}),
  'job-cancel': z.object({ jobId: z.string().min(1).max(100) }),
};

export interface SystemResponses {
  'app-info': { version: string; dbPath: string; mode: 'electron' | 'web' | 'cli'; schemaVersion: number };
  'job-cancel': { cancelled: boolean };
}
