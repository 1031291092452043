// A real TmdbClient against the real offline catalog server on loopback: the
// setup the TMDB client tests share.

import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { TmdbClient, TmdbError, type TmdbConfig } from "../src/lib/tmdb.ts";
import { startTmdbCatalogServer, type TmdbCatalogServer } from "../sandbox/tmdb-server.ts";

export interface TmdbCatalog {
  /** The loopback catalog server (started before the file's tests, faults cleared after each). */
  readonly server: TmdbCatalogServer;
  /** A fresh client (empty cache) whose sleeps are recorded instead of waited. */
  clientWith(overrides?: Partial<TmdbConfig>): { client: TmdbClient; sleeps: number[] };
  /** Requests the server receives while `work` runs. */
  requestsDuring(work: () => Promise<unknown>): Promise<number>;
}

/** Starts the catalog server for the calling test file. */
export function useTmdbCatalog(): TmdbCatalog {
  let server: TmdbCatalogServer | undefined;
  const running = (): TmdbCatalogServer => {
    if (!server) throw new Error("the catalog server starts in beforeAll");
    return server;
  };

  beforeAll(async () => {
    server = await startTmdbCatalogServer();
  });

  afterAll(async () => {
    await server?.close();
  });

  afterEach(() => {
    server?.setFaults({});
  });

  return {
    get server() {
      return running();
    },
    clientWith(overrides = {}) {
      const sleeps: number[] = [];
      const client = new TmdbClient({
        baseUrl: running().url,
        sleep: async (ms) => {
          sleeps.push(ms);
        },
        ...overrides,
      });
      return { client, sleeps };
    },
    async requestsDuring(work) {
      const before = running().requests;
      await work();
      return running().requests - before;
    },
  };
}

export async function failureOf(work: Promise<unknown>): Promise<TmdbError> {
  try {
    await work;
  } catch (error) {
    expect(error).toBeInstanceOf(TmdbError);
    return error as TmdbError;
  }
  throw new Error("expected the call to fail");
}
