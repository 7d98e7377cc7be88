/** Shown by journey reports when the workspace has no journey definition to report on. */
export function NoJourneys() {
  return (
    <div className="empty-state" data-testid="no-journeys">
      <h2>No journey definitions yet</h2>
      <p>
        Journey reports count customers through the stages and funnels of a journey definition. Add one as a YAML file
        to the data folder's <code>journeys/</code> directory and restart the server:
      </p>
      <pre>cp examples/journeys/simple-subscription.yaml ./data/journeys/</pre>
      <p className="muted">
        The demo (<code>npm start</code>) ships one; <code>examples/journeys/</code> in the repository has more to start
        from.
      </p>
    </div>
  );
}
