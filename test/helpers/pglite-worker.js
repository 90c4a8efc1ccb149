// Postgres (PGlite) in a process of its own: PGlite loads its WebAssembly with a dynamic import,
// which the test runner's module sandbox refuses. The tests send it SQL over the IPC channel.
"use strict";
const { PGlite } = require("@electric-sql/pglite");

const ready = PGlite.create();
process.on("message", async ({ id, op, sql }) => {
  try {
    const pg = await ready;
    if (op === "exec") {
      await pg.exec(sql);
      process.send({ id });
    } else if (op === "query") {
      const r = await pg.query(sql, [], { rowMode: "array" });
      process.send({ id, fields: r.fields.map((f) => f.name), rows: r.rows });
    } else if (op === "close") {
      await pg.close();
      process.send({ id });
      process.disconnect();
    }
  } catch (e) {
    process.send({ id, error: e instanceof Error ? e.message : String(e) });
  }
});
