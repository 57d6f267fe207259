/** The slice of a pino-style logger the store uses. */
export interface StoreLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export const silentStoreLogger: StoreLogger = {
  info: () => undefined,
  warn: () => undefined,
};
