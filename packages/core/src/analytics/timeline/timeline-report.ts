import type { JourneyDefinition } from '../../journey-definition/journey-definition.ts';
import type { JourneyIndex } from '../../journey-index/journey-index.ts';
import { ReportParamError, type ReportParams } from '../filter/filter.ts';
import { classifiedRows } from '../journey-view.ts';
import { attributePaths } from '../matching/event-matcher.ts';
import { chosenJourney, type ReportDefinition, type ReportEnvironment } from '../report-environment.ts';
import { suggestedCustomer } from './suggested-customer.ts';
import { customerTimeline, type TimelineReport } from './timeline.ts';

/** No customer has the id asked for (never seen, or erased). `statusCode` makes the HTTP API answer 404. */
export class UnknownCustomerError extends Error {
  readonly statusCode = 404;
}

/**
 * `timeline`: one customer's whole journey (`customer=<userId or anonymousId>`; without it, the
 * customer whose journey crossed the most channels, so the page opens on a real one), under the
 * journey (`journey=<id>`, or the only one) when the workspace has one. The kernel gives the
 * rows; `Workspace.report` adds the details the store holds (see withStoredDetails).
 */
export const timelineReport: ReportDefinition<TimelineReport> = {
  needs(params, environment) {
    const journey = optionalJourney(params, environment);
    return journey === null ? [] : attributePaths(journey.touchpoints.map((t) => t.match));
  },
  run(index, params, environment) {
    const customer = customerOf(index, params);
    const journey = optionalJourney(params, environment);
    return customerTimeline(
      index,
      customer,
      journey === null ? null : { definition: journey, classification: classifiedRows(index, journey) },
    );
  },
};

/** The customer named by `customer`; with none named, the suggested one (see suggestedCustomer). */
function customerOf(index: JourneyIndex, params: ReportParams): number {
  const id = params.customer;
  if (id === undefined) {
    const suggested = suggestedCustomer(index.rows());
    if (suggested === undefined) throw new UnknownCustomerError('customer: the workspace has no customers yet');
    return suggested;
  }
  if (id === '') throw new ReportParamError('customer: expected a userId or anonymousId');
  const customer = index.findCustomer(id);
  if (customer === undefined) throw new UnknownCustomerError(`customer: no customer with id ${JSON.stringify(id)}`);
  return customer;
}

/** The chosen journey, or none when the workspace has no journey definitions. */
function optionalJourney(params: ReportParams, environment: ReportEnvironment): JourneyDefinition | null {
  if (params.journey === undefined && environment.journeys.size === 0) return null;
  return chosenJourney(params, environment);
}
