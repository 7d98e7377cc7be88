/**
 * Sends JSONL lines as Segment batch calls from `clients` concurrent keep-alive clients and
 * returns acknowledged (durable) events per second.
 */
export async function segmentLoad(
  url: string,
  lines: readonly string[],
  options: { clients: number; batchSize: number },
): Promise<{ events: number; seconds: number; eventsPerSecond: number; failures: number }> {
  const bodies: Array<{ body: string; events: number }> = [];
  for (let i = 0; i < lines.length; i += options.batchSize) {
    const slice = lines.slice(i, i + options.batchSize);
    bodies.push({ body: `{"batch":[${slice.join(',')}]}`, events: slice.length });
  }
  const auth = `Basic ${Buffer.from('bench:').toString('base64')}`;
  let next = 0;
  let acked = 0;
  let failures = 0;
  const started = performance.now();
  const client = async () => {
    while (next < bodies.length) {
      const item = bodies[next++];
      if (item === undefined) return;
      const response = await fetch(`${url}/v1/batch`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: auth },
        body: item.body,
      });
      const result = (await response.json()) as { accepted?: number };
      if (response.status === 200) acked += result.accepted ?? 0;
      else failures++;
    }
  };
  await Promise.all(Array.from({ length: options.clients }, client));
  const seconds = (performance.now() - started) / 1000;
  return { events: acked, seconds, eventsPerSecond: acked / seconds, failures };
}
