/**
 * The applicant side for live demos and load tests: plays My IND against the intake endpoints at a
 * steady rate (new applications, PDF uploads, messages, address changes, notices of default) with
 * the intake service token. Events address the simulator's own new cases and, on a training server,
 * the dataset's cases (their numbers follow from /training/info). Same seed, same sequence of
 * events. It also plays My IND's delivery of what caseworkers send: about once a second it fetches
 * the pending outbound messages and acknowledges each as delivered, or (a small seeded share) as
 * failed with 'portal_unavailable', so the workbench shows every delivery state. Stops after the
 * duration or when the signal aborts, lets requests in flight finish, and reports what happened.
 */
import { addDays, type IsoDate } from '../../shared/domain/dates';
import { makeCaseNumber, makeVNumber } from './identifiers';
import { biometricsLocations } from './organisations';
import { antecedentsDeclaration } from './pdf/documents';
import { makePerson, nationalities, type NationalityCode } from './people';
import { Random } from './random';
import { teamDefinitions } from './staff';

export const simulatedEvents = ['application', 'document', 'message', 'contactChange', 'noticeOfDefault', 'biometrics'] as const;
export type SimulatedEvent = (typeof simulatedEvents)[number];

export interface SimulationOptions {
  /** The central API, e.g. http://127.0.0.1:8787. */
  serverUrl: string;
  /** The intake service token. */
  token: string;
  ratePerSecond: number;
  /** Stop after this long (absent: until the signal aborts). */
  durationMilliseconds?: number;
  /** Stop after this many events (tests; absent: no limit). */
  maxEvents?: number;
  seed: number;
  signal?: AbortSignal;
  /** Requests in flight at most; further events wait their turn. */
  concurrency?: number;
  fetch?: typeof fetch;
  /** How often pending outbound messages are fetched and acknowledged (default 1000 ms). */
  deliveryIntervalMilliseconds?: number;
  /** The share of deliveries that fail (default 0.05). */
  deliveryFailureShare?: number;
  /** Real time; injected by tests. */
  now?: () => number;
  sleep?: (milliseconds: number, signal?: AbortSignal) => Promise<void>;
  /** Only these kinds of event (a trainer's "the applicant writes now"); absent: all, at their usual weights. */
  events?: readonly SimulatedEvent[];
  /** Address only these cases (case numbers), e.g. the ones a trainee works on; absent: cases of the dataset and the run's own. */
  caseNumbers?: readonly string[];
}

export interface SimulationSummary {
  events: number;
  accepted: number;
  failed: number;
  byEvent: Record<SimulatedEvent, { accepted: number; failed: number }>;
  /** Failure counts by HTTP status (0: no answer). */
  failuresByStatus: Record<string, number>;
  milliseconds: number;
  casesCreated: number;
  /** Outbound messages acknowledged as My IND would: delivered, failed, and requests that got no good answer. */
  deliveries: { delivered: number; failed: number; errors: number };
}

/** The reason a simulated failed delivery gives (My IND's code for "could not show it now"). */
export const simulatedDeliveryFailure = 'portal_unavailable';

const eventWeights: { value: SimulatedEvent; weight: number }[] = [
  { value: 'application', weight: 25 }, { value: 'document', weight: 25 }, { value: 'message', weight: 25 },
  { value: 'contactChange', weight: 10 }, { value: 'noticeOfDefault', weight: 5 }, { value: 'biometrics', weight: 10 },
];
const caseTypes = teamDefinitions.flatMap((team) => team.caseTypes
  .filter((caseType) => !caseType.startsWith('objection'))
  .map((caseType) => ({ caseType, teamId: team.id })));
const messageBodies = [
  'Goedemiddag, ik heb de gevraagde documenten geüpload. Met vriendelijke groet.',
  'Hello, could you tell me when I can expect a decision on my application? Kind regards.',
  'Beste IND, mijn adres is gewijzigd; ik heb dit in Mijn IND doorgegeven.',
  'Dear Sir or Madam, attached you will find my updated employment contract.',
];

/** Waits, or stops waiting when the signal aborts. */
function abortableSleep(milliseconds: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', done);
      resolve();
    }, milliseconds);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** What a training server says about itself; null from a production server (404). */
async function trainingInfo(fetcher: typeof fetch, serverUrl: string): Promise<{ seed: number; caseCount: number; today: IsoDate } | null> {
  try {
    const response = await fetcher(`${serverUrl}/training/info`);
    if (!response.ok) return null;
    return await response.json() as { seed: number; caseCount: number; today: IsoDate };
  } catch {
    return null;
  }
}

/** Runs the simulation until the duration, maxEvents or the signal ends it. */
export async function runSimulation(options: SimulationOptions): Promise<SimulationSummary> {
  if (!(options.ratePerSecond > 0) || options.ratePerSecond > 1000) throw new Error('rate must be above 0 and at most 1000 per second');
  const fetcher = options.fetch ?? fetch;
  const now = options.now ?? (() => performance.now());
  const sleep = options.sleep ?? abortableSleep;
  const serverUrl = options.serverUrl.replace(/\/+$/, '');
  const random = Random.derive(options.seed, 'simulator');
  const info = await trainingInfo(fetcher, serverUrl);
  const today = info?.today ?? new Date().toISOString().slice(0, 10);
  // Own case numbers carry the run's start, so two runs never collide on a number.
  const run = Date.now().toString(36).toUpperCase();
  const ownCases: string[] = [];
  let created = 0;

  const byEvent = Object.fromEntries(eventWeights.map(({ value }) => [value, { accepted: 0, failed: 0 }])) as SimulationSummary['byEvent'];
  const failuresByStatus: Record<string, number> = {};
  let events = 0;

  const weights = options.events ? eventWeights.filter(({ value }) => options.events?.includes(value)) : eventWeights;
  if (weights.length === 0) throw new Error('no event kinds to simulate');
  const chosenCases = options.caseNumbers && options.caseNumbers.length > 0 ? options.caseNumbers : null;
  if (!weights.some(({ value }) => value === 'application') && !chosenCases && !info) {
    throw new Error('these events need existing cases: name them (caseNumbers) or run against a training server');
  }
  const someCase = (): string | null => {
    if (chosenCases) return random.pick(chosenCases);
    if (info && (ownCases.length === 0 || random.chance(0.5))) return makeCaseNumber(random.int(0, info.caseCount - 1), info.seed);
    return ownCases.length > 0 ? random.pick(ownCases) : null;
  };
  const person = () => makePerson(random, random.pick(Object.keys(nationalities) as NationalityCode[]), today, 18, 60);

  /** The next event as a request, drawn from the seeded stream (so a seed replays the same run). */
  const nextRequest = (): { event: SimulatedEvent; path: string; body: Record<string, unknown>; onAccepted?: () => void } => {
    let event = random.weighted(weights);
    const caseNumber = event === 'application' ? null : someCase();
    // Before the run has cases of its own (and without a training server's), an application makes one.
    if (!caseNumber) event = 'application';
    switch (event) {
      case 'application': {
        const number = `SIM-${run}-${options.seed}-${events}`;
        const applicant = person();
        const { caseType, teamId } = random.pick(caseTypes);
        return {
          event, path: '/intake/applications',
          body: {
            caseNumber: number, caseType, teamId, receivedOn: today, feeAmountCents: random.pick([21_000, 38_000, 41_600]),
            applicant: { name: applicant.fullName, vNumber: makeVNumber(random), birthDate: applicant.birthDate, nationality: applicant.nationality },
          },
          onAccepted: () => {
            ownCases.push(number);
            created += 1;
          },
        };
      }
      case 'document': {
        const applicant = person();
        const nationality = nationalities[applicant.nationality];
        const pdf = antecedentsDeclaration({
          person: { ...applicant, nationalityCode: nationality.code, nationalityName: nationality.name.en, countryName: nationality.country },
          signedOn: today, place: 'Den Haag',
        });
        return { event, path: '/intake/documents', body: { caseNumber, title: 'Antecedentenverklaring', kind: 'antecedents_declaration', mediaType: 'application/pdf', contentBase64: pdf.bytes.toString('base64') } };
      }
      case 'message':
        return { event, path: '/intake/messages', body: { caseNumber, subject: 'Vraag over mijn aanvraag', counterpart: 'applicant', body: random.pick(messageBodies) } };
      case 'contactChange':
        return { event, path: '/intake/contact-changes', body: { caseNumber, partyRole: 'applicant', address: { street: `Laan van Meerdervoort ${random.int(1, 400)}`, postcode: `25${random.int(10, 99)} AB`, city: 'Den Haag', country: 'NLD' } } };
      case 'noticeOfDefault':
        return { event, path: '/intake/notices-of-default', body: { caseNumber, receivedOn: today } };
      case 'biometrics': {
        const location = random.pick(biometricsLocations);
        return { event, path: '/intake/biometrics-appointments', body: { caseNumber, kind: location.kind, location: location.location, at: `${addDays(today, random.int(3, 20))}T09:30:00.000Z` } };
      }
    }
  };

  // A stream of its own, so acknowledging deliveries leaves the seeded sequence of intake events as it was.
  const deliveryRandom = Random.derive(options.seed, 'simulator-delivery');
  const deliveries: SimulationSummary['deliveries'] = { delivered: 0, failed: 0, errors: 0 };
  const headers = { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' };
  /** One pass of My IND over what waits for delivery, oldest first, one acknowledgement at a time. */
  const deliverPending = async (): Promise<void> => {
    let items: { id: string }[];
    try {
      const response = await fetcher(`${serverUrl}/intake/messages/outbound?limit=100`, { headers: { authorization: headers.authorization } });
      if (!response.ok) {
        await response.arrayBuffer();
        deliveries.errors += 1;
        return;
      }
      items = ((await response.json()) as { items: { id: string }[] }).items;
    } catch {
      deliveries.errors += 1;
      return;
    }
    for (const item of items) {
      const failed = deliveryRandom.chance(options.deliveryFailureShare ?? 0.05);
      try {
        const response = await fetcher(`${serverUrl}/intake/messages/${encodeURIComponent(item.id)}/delivery`, {
          method: 'POST', headers, body: JSON.stringify(failed ? { status: 'failed', reason: simulatedDeliveryFailure } : { status: 'delivered' }),
        });
        await response.arrayBuffer();
        if (response.ok) deliveries[failed ? 'failed' : 'delivered'] += 1;
        else deliveries.errors += 1;
      } catch {
        deliveries.errors += 1;
      }
    }
  };
  const deliveryInterval = options.deliveryIntervalMilliseconds ?? 1000;
  let nextDelivery = Number.NEGATIVE_INFINITY;
  // A holder, not a let: the pass ends in a callback, which the compiler's narrowing cannot see.
  const delivering: { pass: Promise<void> | null } = { pass: null };
  const deliverWhenDue = () => {
    if (delivering.pass || now() < nextDelivery) return;
    nextDelivery = now() + deliveryInterval;
    delivering.pass = deliverPending().finally(() => {
      delivering.pass = null;
    });
  };

  const send = async (request: ReturnType<typeof nextRequest>): Promise<void> => {
    let status = 0;
    try {
      const response = await fetcher(`${serverUrl}${request.path}`, {
        method: 'POST', headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' }, body: JSON.stringify(request.body),
      });
      status = response.status;
      await response.arrayBuffer();
    } catch {
      // No answer (connection refused, reset): counted under status 0.
    }
    if (status === 201) {
      byEvent[request.event].accepted += 1;
      request.onAccepted?.();
    } else {
      byEvent[request.event].failed += 1;
      failuresByStatus[String(status)] = (failuresByStatus[String(status)] ?? 0) + 1;
    }
  };

  const started = now();
  const interval = 1000 / options.ratePerSecond;
  const concurrency = options.concurrency ?? 16;
  const inFlight = new Set<Promise<void>>();
  const ended = () => options.signal?.aborted === true
    || (options.durationMilliseconds !== undefined && now() - started >= options.durationMilliseconds)
    || (options.maxEvents !== undefined && events >= options.maxEvents);

  while (!ended()) {
    deliverWhenDue();
    if (inFlight.size >= concurrency) {
      await Promise.race(inFlight);
      continue;
    }
    const request = nextRequest();
    events += 1;
    const sending = send(request).finally(() => inFlight.delete(sending));
    inFlight.add(sending);
    // Pace on the schedule, not after each answer: a slow server does not lower the rate.
    const due = started + events * interval;
    const wait = Math.max(0, due - now());
    if (!ended() && wait > 0) await sleep(options.durationMilliseconds === undefined ? wait : Math.min(wait, Math.max(0, started + options.durationMilliseconds - now())), options.signal);
  }
  await Promise.all(inFlight);
  await delivering.pass;
  const accepted = Object.values(byEvent).reduce((total, counts) => total + counts.accepted, 0);
  return { events, accepted, failed: events - accepted, byEvent, failuresByStatus, milliseconds: Math.round(now() - started), casesCreated: created, deliveries };
}

/** Parses "2/s", "30/min" or "5" (per second). */
export function parseRate(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(?:\/(s|sec|min|m))?$/.exec(text.trim());
  if (!match) throw new Error(`--rate '${text}' is not a rate like 2/s or 30/min`);
  const value = Number(match[1]);
  return match[2] === 'min' || match[2] === 'm' ? value / 60 : value;
}

/** Parses "60s", "5m", "1h" or "1500ms" into milliseconds. */
export function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (!match) throw new Error(`--duration '${text}' is not a duration like 60s or 5m`);
  const factor = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[match[2] ?? 's'] ?? 1000;
  return Number(match[1]) * factor;
}
