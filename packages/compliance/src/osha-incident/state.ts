import type { Outcome, OshaReportClock } from './clocks.js';
import type { OshaIncidentEvent } from './events.js';

/** An OSHA incident as its events left it. JSON-serialisable. */
export interface OshaIncident {
  readonly exists: boolean;
  readonly incidentId: string;
  readonly zone: string;
  readonly occurredAt: string;
  readonly outcomes: readonly Outcome[];
  readonly reports: readonly OshaReportClock[];
  /** Outcome → when OSHA was told. */
  readonly reported: Readonly<Partial<Record<Outcome, string>>>;
  readonly logBy: string;
  readonly loggedOn?: string;
  readonly retainLogUntil: string;
}

/** No incident yet. */
export const initialState: OshaIncident = {
  exists: false,
  incidentId: '',
  zone: 'UTC',
  occurredAt: '',
  outcomes: [],
  reports: [],
  reported: {},
  logBy: '',
  retainLogUntil: '',
};

/** Applies one event. Pure. */
export const evolve = (s: OshaIncident, e: OshaIncidentEvent): OshaIncident => {
  switch (e.type) {
    case 'OshaIncidentRecorded':
      return {
        exists: true,
        incidentId: e.data.incidentId,
        zone: e.data.zone,
        occurredAt: e.data.occurredAt,
        outcomes: [e.data.outcome],
        reports: e.data.reports,
        reported: {},
        logBy: e.data.logBy,
        retainLogUntil: e.data.retainLogUntil,
      };
    case 'OshaIncidentOutcomeWorsened':
      return { ...s, outcomes: [...s.outcomes, e.data.outcome], reports: [...s.reports, ...e.data.reports] };
    case 'OshaIncidentReportedToOsha':
      return { ...s, reported: { ...s.reported, [e.data.outcome]: e.data.reportedAt } };
    case 'OshaIncidentLogged':
      return { ...s, loggedOn: e.data.loggedOn };
  }
};
