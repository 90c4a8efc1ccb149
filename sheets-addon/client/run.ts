import type { Endpoints } from "../server/endpoints";

/** The client side of `google.script.run`, as much of it as the sidebar uses. */
export interface ScriptRun {
  withSuccessHandler(f: (value: unknown) => void): ScriptRun;
  withFailureHandler(f: (error: Error) => void): ScriptRun;
  [fn: string]: unknown;
}

/** Every server endpoint as a promise, typed from the server module. */
export type Server = { readonly [K in keyof Endpoints]: (...args: Parameters<Endpoints[K]>) => Promise<ReturnType<Endpoints[K]>> };

/**
 * Wraps `google.script.run` in typed promises. A name the server does not export does not
 * compile; a server failure rejects with its message.
 */
export function serverOf(run: () => ScriptRun): Server {
  return new Proxy({} as Server, {
    get: (_, name: string) =>
      (...args: unknown[]) =>
        new Promise((resolve, reject) => {
          const call = run().withSuccessHandler(resolve).withFailureHandler(reject)[name];
          if (typeof call !== "function") return reject(new Error(`The add-on has no server function ${name}: reload the sidebar.`));
          (call as (...a: unknown[]) => void)(...args);
        }),
  });
}
