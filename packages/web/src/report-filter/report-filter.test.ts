import { describe, expect, it } from 'vitest';
import {
  breakdownKind,
  breakdownLabel,
  datePart,
  dateTimeInputValue,
  fromDateTimeInput,
  isEmptyRange,
  paramOfError,
  readFilter,
  reportQuery,
} from './report-filter.ts';

describe('report filter', () => {
  it('reads every field from the address, empty when absent', () => {
    const search = new URLSearchParams('journey=shop&segment=traits.persona%3Dfounder%3Bproperties.plan!%3Dbasic&x=1');
    expect(readFilter(search)).toEqual({
      journey: 'shop',
      from: '',
      to: '',
      segment: 'traits.persona=founder;properties.plan!=basic',
      breakdown: '',
      window: '',
    });
  });

  it('builds API queries in the given order, encoded, without empty values', () => {
    expect(reportQuery({ journey: 'shop', from: '', steps: 'Home Viewed>Signed Up', limit: 100, mode: null })).toBe(
      'journey=shop&steps=Home%20Viewed%3ESigned%20Up&limit=100',
    );
  });

  it('names breakdowns', () => {
    expect(breakdownKind('')).toBe('none');
    expect(breakdownKind('channel')).toBe('firstTouch');
    expect(breakdownKind('lastTouch')).toBe('lastTouch');
    expect(breakdownKind('traits.plan')).toBe('attribute');
    expect(breakdownLabel('firstTouch')).toBe('first touch (channel)');
    expect(breakdownLabel('properties.plan')).toBe('properties.plan');
  });

  it('finds the parameter a 400 answer is about', () => {
    const known = ['segment', 'window'];
    expect(paramOfError('segment: expected conditions like traits.persona=founder, got "x"', known)).toBe('segment');
    expect(paramOfError('funnel: expected one of A', known)).toBeNull();
    expect(paramOfError('Something else', known)).toBeNull();
  });

  it('knows an empty date range when it sees one, reading dates as UTC', () => {
    expect(isEmptyRange('2026-02-01', '2026-01-01')).toBe(true);
    expect(isEmptyRange('2026-01-01', '2026-01-01')).toBe(true);
    expect(isEmptyRange('2026-01-01', '2026-01-01T00:00:01')).toBe(false);
    expect(isEmptyRange('2026-01-01', '')).toBe(false);
    expect(datePart('2026-01-31T08:00:00Z')).toBe('2026-01-31');
    expect(datePart('soon')).toBe('');
  });

  it('shows dates and date-times in a date-time input as UTC, and writes them back as short as the API allows', () => {
    expect(dateTimeInputValue('2026-02-09T08:00Z')).toBe('2026-02-09T08:00');
    expect(dateTimeInputValue('2026-02-09')).toBe('2026-02-09T00:00');
    expect(dateTimeInputValue('2026-02-09T09:30:00+01:00')).toBe('2026-02-09T08:30');
    expect(dateTimeInputValue('soon')).toBe('');
    expect(dateTimeInputValue('')).toBe('');
    expect(fromDateTimeInput('2026-02-09T08:00')).toBe('2026-02-09T08:00Z');
    expect(fromDateTimeInput('2026-02-09T00:00')).toBe('2026-02-09');
    expect(fromDateTimeInput('')).toBe('');
  });
});
