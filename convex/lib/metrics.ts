/**
 * Observers of per-function transaction costs (documents and bytes read and
 * written). Nothing is registered in a deployment, so nothing is measured there;
 * the embedded engine, tests and benchmarks register one to see what each bot
 * call costs.
 */
export interface TransactionCost {
  functionName: string;
  documentsRead: number;
  documentsWritten: number;
  bytesRead: number;
  bytesWritten: number;
}

type Observer = (cost: TransactionCost) => void;
const observers = new Set<Observer>();

export function observeTransactions(observer: Observer): () => void {
  observers.add(observer);
  return () => observers.delete(observer);
}

interface MetricsCtx {
  meta: {
    getTransactionMetrics(): Promise<{
      bytesRead: { used: number };
      bytesWritten: { used: number };
      documentsRead: { used: number };
      documentsWritten: { used: number };
    }>;
    getFunctionMetadata(): Promise<{ name: string }>;
  };
}

export async function reportTransactionCost(ctx: MetricsCtx): Promise<void> {
  if (observers.size === 0) return;
  const [metrics, fn] = await Promise.all([ctx.meta.getTransactionMetrics(), ctx.meta.getFunctionMetadata()]);
  const cost: TransactionCost = {
    functionName: fn.name,
    documentsRead: metrics.documentsRead.used,
    documentsWritten: metrics.documentsWritten.used,
    bytesRead: metrics.bytesRead.used,
    bytesWritten: metrics.bytesWritten.used,
  };
  for (const observer of observers) observer(cost);
}
