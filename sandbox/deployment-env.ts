import { AsyncLocalStorage } from "node:async_hooks";

/**
 * A Convex deployment's environment variables for code running in the embedded engine, without
 * writing them into this process's environment: inside `withDeploymentEnv(env, fn)` (and
 * everything it starts), `process.env.X` reads the deployment's value when it has one; anywhere
 * else — the bot, the sandbox, another engine — process.env is untouched.
 *
 * process.env becomes a proxy over the real one, installed once per process (a second copy of this
 * module, as a test runner that re-evaluates modules makes, shares it). Writes, definitions and
 * deletions go straight to the real process.env, which takes only complete data descriptors: without
 * the `set` trap, `process.env.X = "1"` for an X that exists would reach it as a bare `{ value }`
 * and throw.
 */
const SCOPE = Symbol.for("film-fanatic.deploymentEnv.scope");
const INSTALLED = Symbol.for("film-fanatic.deploymentEnv.installed");
const processWide = globalThis as Record<symbol, unknown>;
const scope = (processWide[SCOPE] as AsyncLocalStorage<Readonly<Record<string, string>>> | undefined) ?? new AsyncLocalStorage();
processWide[SCOPE] = scope;

function install(): void {
  if (processWide[INSTALLED] === true) return;
  processWide[INSTALLED] = true;
  const host = process.env;
  const own = (key: string | symbol) => {
    const env = scope.getStore();
    return env && typeof key === "string" && Object.hasOwn(env, key) ? env : undefined;
  };
  process.env = new Proxy(host, {
    get: (target, key) => (own(key) ? own(key)![key as string] : Reflect.get(target, key)),
    has: (target, key) => Boolean(own(key)) || Reflect.has(target, key),
    set: (target, key, value) => Reflect.set(target, key, value),
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
