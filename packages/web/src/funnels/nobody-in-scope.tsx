/** Shown instead of a funnel when the filter leaves no customer in scope. */
export function NobodyInScope() {
  return (
    <div className="empty-state wide" data-testid="nobody-in-scope">
      <h2>No customers in this view</h2>
      <p>
        No customer has events in the date range who also matches the segment. A trait or property that no event carries
        matches nobody: check its spelling, or clear the filters.
      </p>
    </div>
  );
}
