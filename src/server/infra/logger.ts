import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * The one logger. Redaction is a safety net: code must not pass secrets or personal data in the first place.
 */
export function createLogger(level: string = 'info'): Logger {
  return pino({
    level,
    base: undefined,
    redact: {
      paths: [
        'token', 'accessToken', 'refreshToken', 'clientSecret', 'apiKey', 'authorization',
        '*.token', '*.accessToken', '*.refreshToken', '*.clientSecret', '*.apiKey', '*.authorization',
        'req.headers.authorization', 'email', '*.email', 'phone', '*.phone',
      ],
      censor: '[redacted]',
    },
  });
}
