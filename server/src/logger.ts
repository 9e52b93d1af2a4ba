import { pino, type Logger } from 'pino';

/**
 * Structured logs. What is said in a group is health information: log ids and event
 * names, never display names, chat, tokens, locations or phone numbers. The redact list
 * is a safety net for fields that must never appear even if passed by mistake.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'hearth' },
    redact: {
      paths: [
        'displayName', '*.displayName', 'pseudonym', '*.pseudonym', 'email', '*.email', 'password', '*.password',
        'contact', '*.contact', 'token', '*.token', 'invite', '*.invite', 'authorization', '*.authorization',
        'cookie', '*.cookie', 'location', '*.location', 'phone', '*.phone', 'callbackNumber', '*.callbackNumber',
        'consent', '*.consent', 'reason', '*.reason',
      ],
      censor: '[redacted]',
    },
  });
}

export type { Logger };
