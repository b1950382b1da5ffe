/** The binary frame of src/shared/rpc/binary.ts: bytes inside a message without base64, and what a broken frame gets. */
import { describe, expect, it } from 'vitest';
import { decodeBinaryFrame, decodeFrame, encodeFrame, MalformedFrame } from '../../src/shared/rpc';

const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0xff, 0x0a]);

/** Builds a frame by hand: header length, header JSON, then the parts as given. */
function frame(header: unknown, ...parts: Uint8Array[]): Uint8Array {
  const json = new TextEncoder().encode(typeof header === 'string' ? header : JSON.stringify(header));
  const out = new Uint8Array(4 + json.byteLength + parts.reduce((sum, part) => sum + part.byteLength, 0));
  new DataView(out.buffer).setUint32(0, json.byteLength);
  out.set(json, 4);
  let offset = 4 + json.byteLength;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

function refusal(value: unknown): MalformedFrame {
  expect(value).toBeInstanceOf(MalformedFrame);
  return value as MalformedFrame;
}

describe('encodeFrame', () => {
  it('writes a message without bytes as JSON text, as before', () => {
    expect(encodeFrame({ kind: 'call', id: 1, method: 'app.info', args: {} })).toBe('{"kind":"call","id":1,"method":"app.info","args":{}}');
  });

  it('writes a message with bytes as one binary frame whose payload is the raw bytes, not base64', () => {
    const encoded = encodeFrame({ kind: 'ok', id: 4, value: { documentId: 'd1', bytes: pdf } });
    expect(encoded).toBeInstanceOf(Uint8Array);
    const binary = encoded as Uint8Array;
    expect([...binary.subarray(binary.byteLength - pdf.byteLength)]).toEqual([...pdf]);
    expect(new TextDecoder().decode(binary)).not.toContain(Buffer.from(pdf).toString('base64'));
  });

  it('leaves the sender\'s message as it was', () => {
    const message = { kind: 'ok', id: 4, value: { bytes: pdf, other: [1] } };
    encodeFrame(message);
    expect(message.value.bytes).toBe(pdf);
  });
});

describe('decodeBinaryFrame', () => {
  it('gives back the message with every part where it was, nested and in arrays, each in a buffer of its own', () => {
    const second = new Uint8Array(3000).fill(7);
    const message = { kind: 'ok', id: 9, value: { items: [{ name: 'a', bytes: pdf }, { name: 'b', bytes: second }], empty: new Uint8Array(0), note: null } };
    const decoded = decodeFrame(encodeFrame(message) as Uint8Array) as typeof message;
    expect(decoded).toEqual(message);
    const first = decoded.value.items[0]?.bytes as Uint8Array;
    expect(first).toBeInstanceOf(Uint8Array);
    expect(first.byteOffset).toBe(0);
    expect(first.buffer.byteLength).toBe(pdf.byteLength);
    // A null the sender wrote stays null: only the header's paths say where bytes go.
    expect(decoded.value.note).toBeNull();
  });

  it('keeps text that looks like a placeholder as text', () => {
    const message = { kind: 'ok', id: 1, value: { title: '{"path":["value"],"length":3}', bytes: pdf } };
    expect(decodeFrame(encodeFrame(message) as Uint8Array)).toEqual(message);
  });

  it('refuses a frame shorter than its header length, or whose header runs past the end', () => {
    expect(refusal(decodeBinaryFrame(new Uint8Array([0, 0]))).reason).toMatch(/shorter than its header length/);
    const whole = frame({ message: { kind: 'ok', id: 1, value: null }, parts: [{ path: ['value'], length: 1 }] }, pdf.subarray(0, 1));
    expect(refusal(decodeBinaryFrame(whole.subarray(0, 10))).reason).toMatch(/header longer than the frame/);
  });

  it('refuses a header that is not UTF-8 JSON, or not the frame format', () => {
    expect(refusal(decodeBinaryFrame(frame('{"message":'))).reason).toMatch(/not UTF-8 JSON/);
    const notUtf8 = frame('{}');
    notUtf8.set([0xff, 0xfe], 4);
    expect(refusal(decodeBinaryFrame(notUtf8)).reason).toMatch(/not UTF-8 JSON/);
    expect(refusal(decodeBinaryFrame(frame({ message: { kind: 'call', id: 3 }, parts: [] }))).reason).toMatch(/does not match the frame format/);
  });

  it('refuses a frame whose parts do not add up to its length, and names the call it held', () => {
    const header = { message: { kind: 'call', id: 12, method: 'x.y', args: { bytes: null } }, parts: [{ path: ['args', 'bytes'], length: 8 }] };
    const short = refusal(decodeBinaryFrame(frame(header, pdf.subarray(0, 5))));
    expect(short.reason).toMatch(/holds \d+ bytes, its header declares \d+/);
    expect(short).toMatchObject({ kind: 'call', id: 12 });
    expect(refusal(decodeBinaryFrame(frame(header, pdf, pdf)))).toMatchObject({ kind: 'call', id: 12 });
  });

  it('refuses a part whose path leads nowhere, to something that is not a placeholder, or through __proto__', () => {
    const message = { kind: 'ok', id: 2, value: { title: 'x', bytes: null } };
    const at = (path: (string | number)[]) => decodeBinaryFrame(frame({ message, parts: [{ path, length: 8 }] }, pdf));
    expect(refusal(at(['value', 'missing'])).reason).toMatch(/leads nowhere/);
    expect(refusal(at(['value', 'title'])).reason).toMatch(/not end at a placeholder/);
    expect(refusal(at(['value', 0])).reason).toMatch(/leads nowhere/);
    expect(refusal(at(['__proto__', 'polluted'])).reason).toMatch(/__proto__/);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('decodeFrame', () => {
  it('reads JSON text and ignores text that is not JSON', () => {
    expect(decodeFrame('{"kind":"event","name":"x","payload":{}}')).toEqual({ kind: 'event', name: 'x', payload: {} });
    expect(decodeFrame('not json')).toBeUndefined();
  });
});
