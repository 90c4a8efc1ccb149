import * as v8 from "node:v8";

declare const gc: (() => void) | undefined;

/** V8 heap in use plus memory held outside it by ArrayBuffers (typed columns live there). */
export function heapBytes(): number {
  const h = v8.getHeapStatistics();
  return h.used_heap_size + h.external_memory;
}

export function collect(): void {
  if (typeof gc !== "function") throw new Error("run with node --expose-gc (npm run bench does)");
  gc();
  gc();
}

/**
 * Peak memory of a call above what was live before it: the larger of the heap (+ external) at
 * the end of the call and just before each garbage collection during it (read with V8's
 * GCProfiler). Garbage counts until it is collected, as it does for the host.
 */
export function peakOf<T>(fn: () => T): { peak: number; result: T } {
  collect();
  const base = heapBytes();
  const profiler = new v8.GCProfiler();
  profiler.start();
  const result = fn();
  let peak = heapBytes();
  const stats = profiler.stop() as unknown as { statistics: { beforeGC: { heapStatistics: { usedHeapSize: number; externalMemory: number } } }[] } | undefined;
  for (const s of stats?.statistics ?? []) peak = Math.max(peak, s.beforeGC.heapStatistics.usedHeapSize + s.beforeGC.heapStatistics.externalMemory);
  return { peak: peak - base, result };
}

/** Heap (+ external) that building a value keeps alive: the input size the memory target compares to. */
export function sizeOf<T>(build: () => T): { bytes: number; value: T } {
  collect();
  const before = heapBytes();
  const value = build();
  collect();
  return { bytes: heapBytes() - before, value };
}
