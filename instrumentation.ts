/**
 * Runs once when a server instance starts: the mail outbox sender polls from here, so mail queued
 * before a restart or during an SMTP outage still goes out (lib/mail/outbox.ts), and the callback
 * log's retention prune runs on its schedule (lib/callbacks/retention.ts).
 */
export async function register(): Promise<void> {
  // Next inlines NEXT_RUNTIME at build time; the outbox needs Node (pg, nodemailer), not the edge runtime.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startOutboxWorker } = await import("@/lib/mail/outbox");
  startOutboxWorker();
  const { startCallbackLogPruner } = await import("@/lib/callbacks/retention");
  startCallbackLogPruner();
}
