/**
 * `npm start`: builds the preview (the Excel task pane beside the sample workbook, all in the
 * browser, no Excel needed), prints the scorecard of the sample PO lines as the task-pane host
 * writes it into the in-memory workbook, then serves the preview on http://localhost:8080 until
 * Ctrl-C. `npm start -- --once` (or VS_ONCE=1) prints the scorecard and exits.
 */
import { generateSampleScorecard } from "../preview/once";
import { ROOT } from "./build-excel";
import { buildPreview } from "./build-preview";
import { serveDir } from "./serve";

async function main(): Promise<void> {
  const once = process.argv.includes("--once") || process.env.VS_ONCE === "1";
  const dir = await buildPreview();
  // The main job on the shipped sample data: the scorecard the task pane writes, printed first.
  const r = await generateSampleScorecard(ROOT);
  console.log(`Scorecard of samples/po-lines.csv as of 2025-03-31 (default weights), as the task pane writes it:\n`);
  console.log(r.text);
  console.log(`\n${r.message} ${r.syncs} context.sync() calls.`);
  if (once) return;
  let port = Number(process.env.PORT ?? 8080);
  for (;;) {
    try {
      await serveDir(dir, port);
      break;
    } catch (e) {
      if ((e as { code?: string }).code !== "EADDRINUSE" || port > 8100) throw e;
      port++;
    }
  }
  console.log(`vendorscore preview: http://localhost:${port}/  (sample workbook + the Excel task pane; Ctrl-C to stop)`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
