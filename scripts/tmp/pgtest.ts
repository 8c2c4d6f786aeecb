import { startEmbeddedPostgres, ensureDatabase } from "/work/main/scripts/lib/embedded-pg";
import { migrate } from "/work/main/scripts/lib/migrate";
const t=Date.now();
const p = await startEmbeddedPostgres({ dataDir: "/tmp/pgt1", port: 55999, persistent: false });
console.log("started", Date.now()-t);
await ensureDatabase(p.baseUrl, "x");
console.log(await migrate(p.urlFor("x"), console.log), Date.now()-t);
await p.stop();
