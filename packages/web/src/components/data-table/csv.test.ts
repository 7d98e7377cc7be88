import { describe, expect, it } from 'vitest';
import { csvCell, csvFileName, toCsv } from './csv.ts';
import { tableCsv } from './table-csv.ts';

describe('csv', () => {
  it('quotes only cells that need it, doubling quotes', () => {
    expect(csvCell('Awareness')).toBe('Awareness');
    expect(csvCell('Service, Support')).toBe('"Service, Support"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('writes numbers exactly and null or non-finite as empty', () => {
    expect(csvCell(0.83999154512788)).toBe('0.83999154512788');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(null)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('@me')).toBe("'@me");
  });

  it('joins a header and rows with CRLF line ends', () => {
    expect(
      toCsv(
        ['stage', 'customers'],
        [
          ['Awareness', 5000],
          ['Consideration', null],
        ],
      ),
    ).toBe('stage,customers\r\nAwareness,5000\r\nConsideration,\r\n');
  });

  it('makes file names from titles', () => {
    expect(csvFileName('Stage funnel', 'Subscribe to home internet')).toBe(
      'stage-funnel-subscribe-to-home-internet.csv',
    );
    expect(csvFileName('→')).toBe('export.csv');
  });
});

describe('tableCsv', () => {
  it('exports every row, leaves out screen-only columns and uses CSV labels', () => {
    const columns = [
      { label: 'Stage', value: (row: { stage: string; seconds: number | null }) => row.stage },
      { label: 'Bar', screenOnly: true },
      { label: 'Median', csvLabel: 'Median seconds', value: (row: { seconds: number | null }) => row.seconds },
    ];
    expect(
      tableCsv(columns, [
        { stage: 'Awareness', seconds: null },
        { stage: 'Purchase', seconds: 249.5 },
      ]),
    ).toBe('Stage,Median seconds\r\nAwareness,\r\nPurchase,249.5\r\n');
  });
});
