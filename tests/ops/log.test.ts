import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { createLogger, scrub } from "@/lib/log-setup";

/** The logger's redaction, on real pino output captured in memory. */
function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...chunk.toString().split("\n").filter(Boolean));
      done();
    },
  });
  return { log: createLogger(stream), lines: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

const TOKEN = "Aj4BAnMZBepwoYqavIjwg3m3Aj4BAnMZBepwoYqavIj"; // 43 base64url chars, the shape of a launch token
const SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
const MD5 = "bac2df62b8873884dea9b0a918733554";
const ARGON = "$argon2id$v=19$m=19456,t=2,p=1$SDfkzThRpVLlIb0vLfvdqg$Uz1VdBa1IDPcCJhjo8/QhVk7aIGPruU7dhfGTzzvcfY";

describe("lib/log redaction", () => {
  it("fields named like secrets are replaced, at the top level and nested", () => {
    const { log, lines } = capture();
    log.info({ token: TOKEN, hash: MD5, password: "hunter22", body: { api_key: "k", token_hash: SHA256, deeper: { secret: "s" } } }, "x");
    const [line] = lines();
    expect(line).toMatchObject({ token: "[redacted]", hash: "[redacted]", password: "[redacted]" });
    expect(line!.body).toMatchObject({ api_key: "[redacted]", token_hash: "[redacted]", deeper: { secret: "[redacted]" } });
  });

  it("secrets inside free text (messages, error texts) are scrubbed by shape and by value", () => {
    const { log, lines } = capture();
    log.error(
      { err: new Error(`bad token ${TOKEN} with hash ${MD5}`), note: `session ${SHA256} pw ${ARGON}` },
      `calling with key ${env.WEBGAMES_API_KEY} and Bearer abc.def and postgresql://u:pa55@db/x`,
    );
    const text = JSON.stringify(lines());
    for (const s of [TOKEN, SHA256, MD5, ARGON, env.WEBGAMES_API_KEY, "abc.def", "pa55"]) expect(text).not.toContain(s);
    const [line] = lines();
    expect(line!.msg).toBe("calling with key [redacted] and Bearer [redacted] and postgresql://u:[redacted]@db/x");
    expect(line!.err).toMatchObject({ type: "Error", message: "bad token [redacted] with hash [redacted]" });
  });

  it("keeps what an operator needs: ids, uuids, codes, amounts", () => {
    const text = "player 42 round 179614151814841 session 0b5e8f2a-1c2d-4e5f-8a9b-0c1d2e3f4a5b amount 12.50 code 55P03";
    expect(scrub(text)).toBe(text);
  });

  it("an error with a SQLSTATE is one short line without a stack; an error without one keeps its stack", () => {
    const { log, lines } = capture();
    log.warn({ err: Object.assign(new Error("canceling statement due to lock timeout"), { code: "55P03" }) }, "db");
    log.error({ err: new TypeError("undefined is not a function") }, "bug");
    const [db, bug] = lines();
    expect(db!.err).toEqual({ type: "Error", message: "canceling statement due to lock timeout", code: "55P03" });
    expect((bug!.err as { stack?: string }).stack).toContain("TypeError");
  });
});
