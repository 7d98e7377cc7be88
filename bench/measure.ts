import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** Wall time of one call. */
export async function timeIt<T>(work: () => Promise<T> | T): Promise<{ seconds: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { seconds: (performance.now() - started) / 1000, result };
}

export function median(values: number[]): number {
  values.sort((a, b) => a - b);
  const mid = values.length >> 1;
  return values.length % 2 === 1
    ? (values[mid] as number)
    : ((values[mid - 1] as number) + (values[mid] as number)) / 2;
}

/** The first `count` lines of a file, streamed (the file may be larger than a string can hold). */
export async function firstLines(path: string, count: number): Promise<string[]> {
  const lines: string[] = [];
  const reader = createInterface({ input: createReadStream(path), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of reader) {
    if (lines.length === count) break;
    lines.push(line);
  }
  reader.close();
  return lines;
}
