/** Where a touchpoint happened (EVENTS.md `context.channel`). Code 0 means "not given". */
export const CHANNELS = [
  'web',
  'app',
  'email',
  'sms',
  'push',
  'phone',
  'chat',
  'social',
  'store',
  'ivr',
  'bot',
  'mail',
  'other',
] as const;

export type Channel = (typeof CHANNELS)[number];

const channelSet: ReadonlySet<string> = new Set(CHANNELS);

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && channelSet.has(value);
}

/** Dense code for the index: 0 = unknown, 1.. = CHANNELS order. */
export function channelCode(channel: Channel | null): number {
  return channel === null ? 0 : CHANNELS.indexOf(channel) + 1;
}

export function channelFromCode(code: number): Channel | null {
  return code === 0 ? null : (CHANNELS[code - 1] ?? null);
}
