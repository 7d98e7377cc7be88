import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeMessage } from './normalize.ts';

const at = { receivedAtMs: Date.UTC(2026, 0, 1) };

describe('normalizeMessage', () => {
  it('turns a track call into an event with its activity, channel and time', () => {
    const result = normalizeMessage(
      {
        type: 'track',
        messageId: 'm1',
        userId: 'u1',
        event: 'Order Completed',
        timestamp: '2026-01-02T10:00:00+01:00',
        properties: { plan: 'pro' },
        context: { channel: 'web', ip: '1.2.3.4' },
      },
      at,
    );
    expect(result).toEqual({
      ok: true,
      event: {
        messageId: 'm1',
        type: 'track',
        userId: 'u1',
        anonymousId: null,
        previousId: null,
        timestampMs: Date.UTC(2026, 0, 2, 9),
        receivedAtMs: at.receivedAtMs,
        activity: 'Order Completed',
        channel: 'web',
        properties: { plan: 'pro' },
        traits: null,
        context: { ip: '1.2.3.4' },
      },
    });
  });

  it('names pages and screens, and uses the receive time when no timestamp is sent', () => {
    const page = normalizeMessage({ type: 'page', anonymousId: 'a', name: 'Pricing' }, at);
    const screen = normalizeMessage({ type: 'screen', anonymousId: 'a' }, at);
    const identify = normalizeMessage({ type: 'identify', userId: 'u', traits: { tier: 'vip' } }, at);
    expect(page.ok && page.event.activity).toBe('Pricing');
    expect(page.ok && page.event.timestampMs).toBe(at.receivedAtMs);
    expect(screen.ok && screen.event.activity).toBe('Screen Viewed');
    expect(identify.ok && identify.event.activity).toBeNull();
    expect(identify.ok && identify.event.traits).toEqual({ tier: 'vip' });
  });

  it('names every bad field', () => {
    const missingIds = normalizeMessage({ type: 'track', event: 'X' }, at);
    expect(missingIds).toEqual({
      ok: false,
      errors: [{ field: 'userId', message: 'userId or anonymousId is required' }],
    });
    const badTime = normalizeMessage({ type: 'track', userId: 'u', event: 'X', timestamp: '2026-01-02 10:00' }, at);
    expect(badTime.ok).toBe(false);
    expect(!badTime.ok && badTime.errors[0]?.field).toBe('timestamp');
    expect(!badTime.ok && badTime.errors[0]?.message).toContain('"2026-01-02 10:00"');
    const badType = normalizeMessage({ type: 'click', userId: 'u' }, at);
    expect(!badType.ok && badType.errors[0]).toEqual({
      field: 'type',
      message: 'expected one of track, identify, page, screen, alias, group, got "click"',
    });
    const badChannel = normalizeMessage({ type: 'track', userId: 'u', event: 'X', context: { channel: 'fax' } }, at);
    expect(!badChannel.ok && badChannel.errors[0]?.field).toBe('context.channel');
    const noEvent = normalizeMessage({ type: 'track', userId: 'u' }, at);
    expect(!noEvent.ok && noEvent.errors).toEqual([{ field: 'event', message: 'track needs the event name' }]);
    expect(normalizeMessage([1, 2], at)).toEqual({
      ok: false,
      errors: [{ field: '(message)', message: 'expected a JSON object' }],
    });
  });

  it('derives the same messageId whatever the key order, and a different one for other content', () => {
    const a = normalizeMessage({ type: 'track', userId: 'u', event: 'X', properties: { a: 1, b: 2 } }, at);
    const b = normalizeMessage({ properties: { b: 2, a: 1 }, event: 'X', userId: 'u', type: 'track' }, at);
    const c = normalizeMessage({ type: 'track', userId: 'u', event: 'Y', properties: { a: 1, b: 2 } }, at);
    expect(a.ok && b.ok && a.event.messageId === b.event.messageId).toBe(true);
    expect(a.ok && c.ok && a.event.messageId !== c.event.messageId).toBe(true);
  });

  it('never throws, whatever arrives (property)', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const result = normalizeMessage(value, at);
        if (!result.ok) expect(result.errors.length).toBeGreaterThan(0);
      }),
    );
    fc.assert(
      fc.property(
        fc.record({
          type: fc.constantFrom('track', 'page', 'identify', 'alias', 'nope'),
          userId: fc.option(fc.oneof(fc.string(), fc.integer()), { nil: undefined }),
          anonymousId: fc.option(fc.string(), { nil: undefined }),
          event: fc.option(fc.string(), { nil: undefined }),
          timestamp: fc.option(fc.string(), { nil: undefined }),
          properties: fc.option(fc.dictionary(fc.string(), fc.jsonValue()), { nil: undefined }),
        }),
        (message) => {
          const result = normalizeMessage(message, at);
          if (result.ok) expect(result.event.userId ?? result.event.anonymousId).not.toBeNull();
          else for (const error of result.errors) expect(error.field.length).toBeGreaterThan(0);
        },
      ),
    );
  });
});

describe('normalizeMessage: text the store could not keep', () => {
  it('rejects ids and names with a lone surrogate', () => {
    const result = normalizeMessage({ type: 'track', userId: 'u\uD83D', event: 'Order \uDE00', messageId: 'm' }, at);
    expect(result).toEqual({
      ok: false,
      errors: [
        { field: 'userId', message: 'contains a lone UTF-16 surrogate (broken Unicode text)' },
        { field: 'event', message: 'contains a lone UTF-16 surrogate (broken Unicode text)' },
      ],
    });
  });
});

describe('normalizeMessage: nesting', () => {
  it('refuses properties nested deeper than 32 levels, without overflowing the stack', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(normalizeMessage({ type: 'track', userId: 'u', event: 'e', properties: { deep } }, at)).toEqual({
      ok: false,
      errors: [{ field: 'properties', message: 'nested deeper than 32 levels' }],
    });
    const fine = JSON.parse(`${'['.repeat(30)}${']'.repeat(30)}`);
    expect(normalizeMessage({ type: 'track', userId: 'u', event: 'e', properties: { fine } }, at).ok).toBe(true);
  });
});
