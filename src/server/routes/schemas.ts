/** Schemas shared by the routes, and the problem responses every route documents. */
import { z } from 'zod';
import { problemSchema } from '../problem';

/** Error answers every authenticated route may give, for the OpenAPI document. */
export const problemResponses = {
  400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 429: problemSchema, 500: problemSchema,
} as const;

export const roleSchema = z.enum(['caseworker', 'reviewer', 'team_lead', 'trainer', 'admin']);
export const idParam = z.object({ id: z.uuid() });
export const bearerSecurity = [{ bearer: [] as string[] }];
export const intakeSecurity = [{ intake: [] as string[] }];

export const tokenPairSchema = z.object({
  accessToken: z.string(),
  accessTokenExpiresAt: z.string(),
  refreshToken: z.string(),
  sessionExpiresAt: z.string(),
  user: z.object({ id: z.string(), displayName: z.string(), role: roleSchema }),
});

/** A row of the API: the shape clients also receive through sync. */
export const recordSchema = z.record(z.string(), z.unknown());
