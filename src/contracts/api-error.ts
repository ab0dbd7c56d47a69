import { z } from 'zod';

/**
 * Every non-2xx answer of the card API: a stable machine code (the card picks its message and advice from it)
 * and an English message for logs and developers. Never carries data of another portal or a secret.
 */
export const ApiError = z.object({
  code: z.string().min(1).max(64),
  message: z.string().max(500),
});
export type ApiError = z.infer<typeof ApiError>;

