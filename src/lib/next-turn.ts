// A turn of the event loop for long work to yield at (the export's pages, the import readers'
// rows), so other interactions are served meanwhile. Web APIs only: the core also runs in Convex.

/** Resolves on a later turn of the event loop (a timer, so I/O that arrived meanwhile runs first). */
export const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
