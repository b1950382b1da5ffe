/**
 * The event log as OCEL 2.0 JSON (object-centric event log), written as it is read. Objects are the
 * cases (type 'case', with their case type) and the people who acted (type 'resource'); each event
 * relates to its case (qualifier 'case') and, when a person acted, to them ('resource').
 *
 * The four top-level arrays may come in any order; events come first so they can stream straight
 * from the pages, and the type lists, known only once every event was seen, come last.
 */
import type { CaseTrace } from './query';
import type { LogCounts, ResourceName } from './xes';

export const ocelContentType = 'application/json; charset=utf-8';

/**
 * Object attributes are versioned by time in OCEL 2.0; a value that holds from the start is given
 * at the epoch, as the standard does for initial values.
 */
const initially = '1970-01-01T00:00:00.000Z';

export interface OcelSources {
  traces: AsyncIterable<CaseTrace[]>;
  /** The cases that have events in range, in pages; read after the events. */
  cases: () => AsyncIterable<{ id: string; caseType: string }[]>;
  resource: ResourceName;
  /** Display names by user id, for admins only; pseudonymised logs name nobody. */
  displayNames?: (userIds: readonly string[]) => Promise<Map<string, string>>;
}

function eventJson(trace: CaseTrace, event: CaseTrace['events'][number], resource: ResourceName, resources: Map<string, string>): string {
  let relationships = `{"objectId":${JSON.stringify(trace.caseId)},"qualifier":"case"}`;
  if (event.actorId !== null) {
    let objectId = resources.get(event.actorId);
    if (objectId === undefined) {
      objectId = resource(event.actorId);
      resources.set(event.actorId, objectId);
    }
    relationships += `,{"objectId":${JSON.stringify(objectId)},"qualifier":"resource"}`;
  }
  return `{"id":${JSON.stringify(event.id)},"type":${JSON.stringify(event.kind)},"time":"${event.at.toISOString()}",`
    + `"attributes":[{"name":"lifecycle","value":"complete"}],"relationships":[${relationships}]}`;
}

/** The whole log as text chunks; `counts` grows as the chunks are taken. */
export async function* ocelDocument(sources: OcelSources, counts: LogCounts): AsyncGenerator<string> {
  const kinds = new Set<string>();
  // User id → object id; users are few, so this stays small however long the log is.
  const resources = new Map<string, string>();
  yield '{"events":[';
  let first = true;
  for await (const traces of sources.traces) {
    let out = '';
    for (const trace of traces) {
      counts.cases += 1;
      for (const event of trace.events) {
        kinds.add(event.kind);
        out += (first ? '\n' : ',\n') + eventJson(trace, event, sources.resource, resources);
        first = false;
        counts.events += 1;
      }
    }
    if (out) yield out;
  }
  yield '\n],"objects":[';
  first = true;
  for await (const page of sources.cases()) {
    let out = '';
    for (const kase of page) {
      out += `${first ? '\n' : ',\n'}{"id":${JSON.stringify(kase.id)},"type":"case","attributes":[{"name":"caseType","value":${JSON.stringify(kase.caseType)},"time":"${initially}"}]}`;
      first = false;
    }
    yield out;
  }
  const names = sources.displayNames ? await sources.displayNames([...resources.keys()]) : null;
  let out = '';
  for (const [userId, objectId] of resources) {
    const name = names?.get(userId);
    const attributes = name === undefined ? '' : `{"name":"displayName","value":${JSON.stringify(name)},"time":"${initially}"}`;
    out += `${first ? '\n' : ',\n'}{"id":${JSON.stringify(objectId)},"type":"resource","attributes":[${attributes}]}`;
    first = false;
  }
  yield out;
  const eventTypes = [...kinds].sort().map((kind) => ({ name: kind, attributes: [{ name: 'lifecycle', type: 'string' }] }));
  const objectTypes = [
    { name: 'case', attributes: [{ name: 'caseType', type: 'string' }] },
    { name: 'resource', attributes: names ? [{ name: 'displayName', type: 'string' }] : [] },
  ];
  yield `\n],"eventTypes":${JSON.stringify(eventTypes)},"objectTypes":${JSON.stringify(objectTypes)}}\n`;
}
