import http from "node:http";
import https from "node:https";
import type { HttpGet } from "@/lib/webgames/client";

/** A plain GET over node:http(s), outside Next's fetch instrumentation (see ProviderConfig.transport). */
export const httpGet: HttpGet = (url, timeoutMs) =>
  new Promise((resolve, reject) => {
    const client = url.startsWith("https:") ? https : http;
    const req = client.get(url, { timeout: timeoutMs, headers: { accept: "application/json" } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`GET timed out after ${timeoutMs} ms`)));
    req.on("error", reject);
  });
