import "server-only";

/** The slice of pino the engine uses, so tests can pass a silent or recording logger. */
export type EngineLogger = {
  debug(object: object, message?: string): void;
  info(object: object, message?: string): void;
  warn(object: object, message?: string): void;
  error(object: object, message?: string): void;
};

export const silentLogger: EngineLogger = { debug() {}, info() {}, warn() {}, error() {} };
