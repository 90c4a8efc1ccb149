import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer as createHttp, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createHttps, type ServerOptions } from "node:https";
import { extname, join, normalize, sep } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8", ".map": "application/json", ".png": "image/png", ".xml": "application/xml", ".ts": "text/plain; charset=utf-8",
};

/** A static file server for a build folder; https when TLS options are given. Files outside `dir` are never served. */
export function serveDir(dir: string, port: number, tls?: ServerOptions): Promise<Server> {
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    let file = normalize(join(dir, path));
    if (!file.startsWith(dir + sep) && file !== dir) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) {
      res.writeHead(404, { "content-type": "text/plain" }).end("Not found");
      return;
    }
    // Office loads the files cross-origin from its own pages; images must stay cacheable.
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "access-control-allow-origin": "*", "cache-control": "max-age=60" });
    createReadStream(file).pipe(res);
  };
  const server = tls ? createHttps(tls, handler) : createHttp(handler);
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "localhost", () => resolve(server));
  });
}
