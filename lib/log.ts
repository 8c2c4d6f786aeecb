import type { Logger } from "pino";
import { createLogger } from "./log-setup";

export { errSummary, scrub } from "./log-setup";

/**
 * The server's one logger (configuration and redaction: lib/log-setup.ts). One instance per
 * process, also when Next bundles this module into several routes; a test may install its own
 * instance (same configuration, another destination) on globalThis before the app's modules load.
 */
const globalForLog = globalThis as unknown as { webgamesLogger?: Logger };
globalForLog.webgamesLogger ??= createLogger();
export const logger: Logger = globalForLog.webgamesLogger;
