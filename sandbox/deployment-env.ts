import { AsyncLocalStorage } from "node:async_hooks";

/**
 * A Convex deployment's environment variables for code running in the embedded engine, without
 * writing them into this process's environment: inside `withDeploymentEnv(env, fn)` (and
 * everything it starts), `process.env.X` reads the deployment's value when it has one; anywhere
 * else — the bot, the sandbox, another engine — process.env is untouched.
 */
const scope = new AsyncLocalStorage<Readonly<Record<string, string>>>();
let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  const host = process.env;
  const own = (key: string | symbol) => {
    const env = scope.getStore();
    return env && typeof key === "string" && Object.hasOwn(env, key) ? env : undefined;
  };
  process.env = new Proxy(host, {
    get: (target, key) => (own(key) ? own(key)![key as string] : Reflect.get(target, key)),
    has: (target, key) => Boolean(own(key)) || Reflect.has(target, key),
    getOwnPropertyDescriptor: (target, key) => {
      const env = own(key);
      return env
        ? { value: env[key as string], writable: true, enumerable: true, configurable: true }
        : Reflect.getOwnPropertyDescriptor(target, key);
    },
    ownKeys: (target) => [...new Set([...Reflect.ownKeys(target), ...Object.keys(scope.getStore() ?? {})])],
  });
}

export function withDeploymentEnv<T>(env: Readonly<Record<string, string>>, fn: () => T): T {
  install();
  return scope.run(env, fn);
}
