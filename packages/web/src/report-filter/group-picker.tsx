import { formatInteger } from '../format/format.ts';
import { Field } from './filter-bar.tsx';

/** The page parameter that picks one breakdown group to show (the web app's own; not sent to the API). */
export const GROUP_PARAM = 'group';

/** The group named `name`, or undefined for the total (also when no group has that name). */
export function chosenGroup<G extends { name: string }>(groups: readonly G[], name: string): G | undefined {
  return name === '' ? undefined : groups.find((group) => group.name === name);
}

interface GroupPickerProps {
  groups: ReadonlyArray<{ name: string; customers: number }>;
  /** Customers of the total. */
  customers: number;
  /** The chosen group's name; '' for all customers. */
  value: string;
  onChange: (name: string) => void;
}

/**
 * For reports that show one group at a time (paths, retention): all customers, or one breakdown
 * group, each with its customers. Shown only when the report has groups.
 */
export function GroupPicker({ groups, customers, value, onChange }: GroupPickerProps) {
  const chosen = chosenGroup(groups, value)?.name ?? '';
  return (
    <Field label="Group" htmlFor="filter-group">
      <select
        id="filter-group"
        className="select"
        value={chosen}
        onChange={(event) => onChange(event.target.value)}
        title="Show all customers, or one breakdown group"
        data-testid="filter-group"
      >
        <option value="">All customers ({formatInteger(customers)})</option>
        {groups.map((group) => (
          <option key={group.name} value={group.name}>
            {group.name} ({formatInteger(group.customers)})
          </option>
        ))}
      </select>
    </Field>
  );
}
