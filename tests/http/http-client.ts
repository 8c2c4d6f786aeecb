import http from "node:http";

/**
 * One HTTP request from a chosen loopback address (every 127.x.y.z is this machine), so tests can be
 * "another client" for real: the server sees `localAddress` as the TCP peer.
 */
export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json: () => Record<string, unknown>;
}

export function request(
  url: string,
  opts: { method?: string; from?: string; headers?: Record<string, string | string[]>; body?: string } = {},
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: opts.method ?? "GET", localAddress: opts.from ?? "127.0.0.1", headers: opts.headers ?? {}, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) as Record<string, unknown> });
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.setTimeout(30_000, () => req.destroy(new Error(`timeout: ${url}`)));
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

export function postJson(url: string, body: unknown, opts: { from?: string; headers?: Record<string, string | string[]> } = {}) {
  return request(url, {
    method: "POST",
    from: opts.from,
    headers: { "content-type": "application/json", ...opts.headers },
    body: JSON.stringify(body),
  });
}
