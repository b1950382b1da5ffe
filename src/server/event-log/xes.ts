/**
 * The event log as IEEE 1849-2016 XES (eXtensible Event Stream), written as it is read. The XML
 * follows the standard's schema, which declares its elements in no namespace, so the log carries
 * no xmlns: with one, a validating reader would reject every element.
 */
import type { CaseTrace } from './query';

/** Who did an event, as the log shows them: a pseudonym or, for admins, the user id. */
export type ResourceName = (userId: string) => string;

export const xesContentType = 'application/xml; charset=utf-8';

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&apos;' };

/**
 * Escapes text for a double-quoted XML attribute. Characters XML 1.0 cannot carry at all (C0
 * controls other than tab and newlines, lone surrogates) become U+FFFD: a log must stay parseable
 * even if a kind or case type ever held such a character.
 */
export function xmlAttribute(value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is matched here.
  return value.replace(/[&<>"']|[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    (character) => escapes[character] ?? '\ufffd');
}

const header = [
  '<?xml version="1.0" encoding="UTF-8"?>',
  // xes.version is an xs:decimal in the standard's schema; 1849.2016 names the IEEE edition.
  '<log xes.version="1849.2016">',
  '<extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>',
  '<extension name="Time" prefix="time" uri="http://www.xes-standard.org/time.xesext"/>',
  '<extension name="Lifecycle" prefix="lifecycle" uri="http://www.xes-standard.org/lifecycle.xesext"/>',
  '<extension name="Organizational" prefix="org" uri="http://www.xes-standard.org/org.xesext"/>',
  '<global scope="trace"><string key="concept:name" value="UNKNOWN"/><string key="caseType" value="UNKNOWN"/></global>',
  '<global scope="event"><string key="concept:name" value="UNKNOWN"/><date key="time:timestamp" value="1970-01-01T00:00:00.000Z"/>'
    + '<string key="lifecycle:transition" value="complete"/></global>',
  '<classifier name="Activity" keys="concept:name"/>',
  '<classifier name="ActivityTransition" keys="concept:name lifecycle:transition"/>',
  '<string key="concept:name" value="Werkbank case events"/>',
  '',
].join('\n');

/**
 * Escaped values that repeat on every page (kinds, case types, resources: few distinct ones), so
 * the escaping runs once per value rather than once per event.
 */
class Escaped {
  private readonly values = new Map<string, string>();

  of(value: string): string {
    let escaped = this.values.get(value);
    if (escaped === undefined) {
      escaped = xmlAttribute(value);
      // Bounded: a log with unexpectedly many distinct values escapes the rest each time.
      if (this.values.size < 10_000) this.values.set(value, escaped);
    }
    return escaped;
  }
}

/** One page of traces as XES text. */
export function xesTraces(traces: readonly CaseTrace[], resource: ResourceName, escaped = new Escaped()): string {
  let out = '';
  for (const trace of traces) {
    out += `<trace><string key="concept:name" value="${xmlAttribute(trace.caseId)}"/><string key="caseType" value="${escaped.of(trace.caseType)}"/>\n`;
    for (const event of trace.events) {
      out += `<event><string key="concept:name" value="${escaped.of(event.kind)}"/><date key="time:timestamp" value="${event.at.toISOString()}"/>`
        + '<string key="lifecycle:transition" value="complete"/>';
      if (event.actorId !== null) out += `<string key="org:resource" value="${escaped.of(resource(event.actorId))}"/>`;
      out += '</event>\n';
    }
    out += '</trace>\n';
  }
  return out;
}

export interface LogCounts {
  cases: number;
  events: number;
}

/** The whole log as text chunks, one per page of traces; `counts` grows as the chunks are taken. */
export async function* xesDocument(pages: AsyncIterable<CaseTrace[]>, resource: ResourceName, counts: LogCounts): AsyncGenerator<string> {
  yield header;
  const escaped = new Escaped();
  for await (const traces of pages) {
    counts.cases += traces.length;
    for (const trace of traces) counts.events += trace.events.length;
    if (traces.length > 0) yield xesTraces(traces, resource, escaped);
  }
  yield '</log>\n';
}
