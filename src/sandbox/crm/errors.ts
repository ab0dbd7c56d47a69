import { randomUUID } from 'node:crypto';

export interface HubSpotErrorDetail {
  message: string;
  code?: string;
  in?: string;
  subCategory?: string;
  context?: Record<string, string[]>;
}

/** An error the sandbox answers in HubSpot's shape: {status:'error', message, correlationId, category, errors?, context?}. */
export class HubSpotError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly category: string,
    message: string,
    readonly errors?: HubSpotErrorDetail[],
    readonly context?: Record<string, string[]>,
  ) {
    super(message);
    this.name = 'HubSpotError';
  }

  toBody(): Record<string, unknown> {
    return hubSpotErrorBody(this.message, this.category, this.errors, this.context);
  }
}

export function hubSpotErrorBody(
  message: string,
  category: string,
  errors?: HubSpotErrorDetail[],
  context?: Record<string, string[]>,
): Record<string, unknown> {
  const body: Record<string, unknown> = { status: 'error', message, correlationId: randomUUID(), category };
  if (errors && errors.length > 0) body.errors = errors;
  if (context) body.context = context;
  return body;
}

export const notFound = (message = 'resource not found'): HubSpotError => new HubSpotError(404, 'OBJECT_NOT_FOUND', message);

export const validationError = (message: string, errors?: HubSpotErrorDetail[], context?: Record<string, string[]>): HubSpotError =>
  new HubSpotError(400, 'VALIDATION_ERROR', message, errors, context);

export const conflict = (message: string, context?: Record<string, string[]>): HubSpotError =>
  new HubSpotError(409, 'CONFLICT', message, undefined, context);

/** Per-item error inside a 207 batch answer (HubSpot's StandardError schema). */
export function standardError(
  category: string,
  message: string,
  context: Record<string, string[]> = {},
  errors: HubSpotErrorDetail[] = [],
): Record<string, unknown> {
  return { status: 'error', category, message, context, errors, links: {} };
}
