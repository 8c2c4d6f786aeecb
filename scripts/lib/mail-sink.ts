import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * A real SMTP server on a loopback port for tests: it receives what the app sends, parses each
 * mail with mailparser and keeps it in memory. `failNext(n)` makes the next n deliveries fail with
 * a temporary SMTP error (451), to prove the outbox retries. Optional AUTH (user/pass) proves the
 * credentials in SMTP_URL are used.
 */
export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** Every http(s) link in the text body. */
  links: string[];
  receivedAt: string;
}

export interface MailSink {
  url: string;
  port: number;
  mails: ReceivedMail[];
  /** Mails to one address (case-insensitive), oldest first. */
  to(address: string): ReceivedMail[];
  /** Waits until `address` has at least `count` mails (default 1), then returns them. */
  waitFor(address: string, count?: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  failNext(n: number): void;
  /** Makes the server take this long to accept each following mail (0 = answer at once). */
  stall(ms: number): void;
  /** SMTP transactions refused by failNext so far. */
  refused: number;
  close(): Promise<void>;
}

function toMail(parsed: ParsedMail, envelopeTo: string[]): ReceivedMail {
  const text = parsed.text ?? "";
  return {
    from: parsed.from?.text ?? "",
    to: envelopeTo,
    subject: parsed.subject ?? "",
    text,
    html: typeof parsed.html === "string" ? parsed.html : "",
    links: [...text.matchAll(/https?:\/\/[^\s<>"]+/g)].map((m) => m[0]),
    receivedAt: new Date().toISOString(),
  };
}

export async function startMailSink(opts: { port?: number; auth?: { user: string; pass: string } } = {}): Promise<MailSink> {
  const mails: ReceivedMail[] = [];
  let failures = 0;
  let stallMs = 0;
  const sink: MailSink = {
    url: "",
    port: 0,
    mails,
    refused: 0,
    to: (address) => mails.filter((m) => m.to.some((t) => t.toLowerCase() === address.toLowerCase())),
    async waitFor(address, count = 1, timeoutMs = 15_000) {
      const until = Date.now() + timeoutMs;
      while (Date.now() < until) {
        const got = sink.to(address);
        if (got.length >= count) return got;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`mail sink: ${count} mail(s) to ${address} not received within ${timeoutMs} ms (got ${sink.to(address).length})`);
    },
    failNext(n) {
      failures = n;
    },
    stall(ms) {
      stallMs = ms;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ["STARTTLS"],
    authOptional: !opts.auth,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (opts.auth && auth.username === opts.auth.user && auth.password === opts.auth.pass) return callback(null, { user: auth.username });
      return callback(new Error("Invalid username or password"));
    },
    onData(stream, session, callback) {
      const envelopeTo = session.envelope.rcptTo.map((r) => r.address);
      if (failures > 0) {
        failures--;
        sink.refused++;
        stream.resume();
        stream.on("end", () => callback(Object.assign(new Error("Temporary failure, try again later"), { responseCode: 451 })));
        return;
      }
      simpleParser(stream)
        .then(async (parsed) => {
          if (stallMs > 0) await new Promise((r) => setTimeout(r, stallMs));
          mails.push(toMail(parsed, envelopeTo));
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  sink.port = port;
  sink.url = opts.auth
    ? `smtp://${encodeURIComponent(opts.auth.user)}:${encodeURIComponent(opts.auth.pass)}@127.0.0.1:${port}`
    : `smtp://127.0.0.1:${port}`;
  return sink;
}
