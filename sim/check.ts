// Partner-wallet conformance checker (CLI). See docs/simulator.md.
//   npm run sim:check -- --url <partner_api_url> --key <api_key> --launch <url> [--launch …]
//     [--launch-cmd "<prints a fresh launch URL>"] [--blocked-launch <url>] [--json report.json]
import { exec } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { type CheckOptions, formatTable, runChecks, summaryLine } from "./check-cases.js";

const sh = promisify(exec);

/** Runs the command and takes the last line that looks like a URL (scripts may log before it). */
export async function launchFromCommand(cmd: string): Promise<string> {
  const { stdout } = await sh(cmd, { timeout: 60_000, maxBuffer: 1024 * 1024 });
  const url = stdout
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => /^https?:\/\//.test(l))
    .at(-1);
  if (!url) throw new Error(`--launch-cmd printed no URL: ${stdout.slice(0, 200)}`);
  return url;
}

export async function main(argv: string[]): Promise<number> {
  const get = (name: string): string[] => {
    const out: string[] = [];
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i] ?? "";
      if (a === `--${name}` && argv[i + 1] !== undefined) out.push(argv[++i] ?? "");
      else if (a.startsWith(`--${name}=`)) out.push(a.slice(name.length + 3));
    }
    return out;
  };
  const url = get("url").at(-1);
  const key = get("key").at(-1);
  if (!url || !key) {
    console.error(
      'usage: sim:check -- --url <partner_api_url> --key <api_key> --launch <url> [--launch …] [--launch-cmd "<cmd>"] [--blocked-launch <url>] [--json report.json]',
    );
    return 2;
  }
  const opts: CheckOptions = { url: url.replace(/\/+$/, ""), key, launches: get("launch") };
  const cmd = get("launch-cmd").at(-1);
  if (cmd) opts.freshLaunch = () => launchFromCommand(cmd);
  const blocked = get("blocked-launch").at(-1);
  if (blocked) opts.blockedLaunch = blocked;
  const report = await runChecks(opts);
  console.log(formatTable(report.results));
  console.log(summaryLine(report));
  const json = get("json").at(-1);
  if (json) {
    await writeFile(
      json,
      JSON.stringify({ url: opts.url, at: new Date().toISOString(), summary: summaryLine(report), ...report }, null, 2),
    );
  }
  return report.failed > 0 ? 1 : 0;
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(entry).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : String(err));
      process.exit(2);
    },
  );
}
