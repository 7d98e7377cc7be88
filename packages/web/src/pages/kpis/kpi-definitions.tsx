import type { KpiDefinitions } from '@waymark/core';
import { Card } from '../../components/layout.tsx';
import { formatDayAndTime } from '../../format/format.ts';
import { ALL_KPIS } from './kpi-catalog.ts';

/** Names for the definitions that are not KPIs of their own. */
const OTHER_TERMS: Readonly<Record<string, string>> = {
  contacts: 'Contacts',
  offered: 'Offered',
  answered: 'Answered',
  surveys: 'Surveys',
};

const termOf = (key: string): string => ALL_KPIS.find((spec) => spec.key === key)?.label ?? OTHER_TERMS[key] ?? key;

/** A definition as the report words it, `event names` set as code. */
export function DefinitionText({ text }: { text: string }) {
  const parts = text.split(/`([^`]+)`/);
  return <>{parts.map((part, i) => (i % 2 === 1 ? <code key={`${i}:${part}`}>{part}</code> : part))}</>;
}

/** Every definition the report says is in force, in full, with the thresholds filled in. */
export function KpiDefinitionsCard({ definitions }: { definitions: KpiDefinitions }) {
  return (
    <Card
      title="Definitions in force"
      subtitle={`As the report states them for this view, thresholds filled in (docs/kpis.md).${
        definitions.dataEnd === null
          ? ''
          : ` FCR windows close by the data’s last event, ${formatDayAndTime(definitions.dataEnd)} UTC.`
      }`}
      testId="kpi-definitions"
    >
      <dl className="kpi-definitions">
        {Object.entries(definitions.kpis).map(([key, text]) => (
          <div key={key} style={{ display: 'contents' }}>
            <dt>{termOf(key)}</dt>
            <dd data-testid={`kpi-definition-${key}`} data-definition={text}>
              <DefinitionText text={text} />
            </dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
