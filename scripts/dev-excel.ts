/**
 * `npm run dev:excel`: builds the add-in for https://localhost:3000 and serves dist/excel-addin
 * there with Office's development certificates (installed and trusted on first run by
 * office-addin-dev-certs). Sideload dist/excel-addin/manifest.xml in Excel; Ctrl-C to stop.
 */
import { getHttpsServerOptions } from "office-addin-dev-certs";
import { buildExcel } from "./build-excel";
import { serveDir } from "./serve";

async function main(): Promise<void> {
  const dir = await buildExcel({ minify: false });
  const tls = await getHttpsServerOptions();
  await serveDir(dir, 3000, tls);
  console.log(`vendorscore add-in served at https://localhost:3000/ from ${dir}`);
  console.log(`Sideload ${dir}/manifest.xml (see README: "Try it in Excel"). Ctrl-C to stop.`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
