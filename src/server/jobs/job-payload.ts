import { UnrecoverableError, type Job } from 'bullmq';

/**
 * A payload that breaks its schema will break it on every attempt: it fails once, as unrecoverable (and lands
 * in the dead letters), instead of being retried eight times.
 */
export function parsePayload<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { path: PropertyKey[]; message: string }[] } } }, job: Job): T {
  const parsed = schema.safeParse(job.data);
  if (parsed.success) return parsed.data;
  const why = parsed.error.issues.slice(0, 3).map((i) => `${i.path.map(String).join('.') || '(payload)'}: ${i.message}`).join('; ');
  throw new UnrecoverableError(`invalid ${job.name} payload: ${why}`);
}
