/** The little logging the scheduler's use cases do (pino's call shape, so a pino logger fits). */
export interface WorkLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}
