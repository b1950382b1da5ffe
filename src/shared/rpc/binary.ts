/**
 * Bytes inside RPC messages (a document's content) without base64. A message is plain data in which
 * a Uint8Array may stand anywhere. A MessagePort carries it as it is (structured clone copies the
 * bytes once, as bytes). A WebSocket carries a message without bytes as a JSON text frame, and one
 * with bytes as a single binary frame:
 *
 *   [header length: uint32, big-endian][header: UTF-8 JSON][part 0][part 1]…
 *
 * where the header is `{ message, parts: [{ path, length }] }`: the message with null where each
 * part was, and for each part the keys that lead to it and its byte length. Paths, not markers in
 * the data, so no text a user typed can be mistaken for bytes. A frame that does not add up is
 * refused whole (MalformedFrame), never half applied.
 */
import { z } from 'zod';

/** The contract's schema for bytes: a Uint8Array (a Node Buffer is one too) over any buffer. */
export const bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'Expected bytes (a Uint8Array)');

/** TextEncoder and TextDecoder exist in every runtime that runs this code; shared code sees no DOM or Node types. */
interface TextCodecs {
  TextEncoder: new () => { encode(text: string): Uint8Array };
  TextDecoder: new (label: string, options: { fatal: boolean }) => { decode(data: Uint8Array): string };
}
const codecs = globalThis as unknown as TextCodecs;

/** Bounds of a binary frame's header, so a hostile one cannot make the reader walk far. */
const maxParts = 64;
const maxPathDepth = 32;
const headerLengthBytes = 4;

type PathKey = string | number;

/** A frame that could not be read, with why; `kind` and `id` when its header said so (to answer it). */
export class MalformedFrame {
  constructor(
    readonly reason: string,
    readonly kind?: string,
    readonly id?: number,
  ) {}
}

interface Part {
  path: PathKey[];
  bytes: Uint8Array;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** The message with null in place of each Uint8Array (copying only the containers on a path to one), and the parts found. */
function strip(value: unknown, path: PathKey[], parts: Part[]): unknown {
  if (value instanceof Uint8Array) {
    parts.push({ path: [...path], bytes: value });
    return null;
  }
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    value.forEach((item: unknown, index) => {
      path.push(index);
      const stripped = strip(item, path, parts);
      path.pop();
      if (stripped !== item) (copy ??= [...value])[index] = stripped;
    });
    return copy ?? value;
  }
  if (isPlainObject(value)) {
    let copy: Record<string, unknown> | null = null;
    for (const [key, item] of Object.entries(value)) {
      path.push(key);
      const stripped = strip(item, path, parts);
      path.pop();
      if (stripped !== item) (copy ??= { ...value })[key] = stripped;
    }
    return copy ?? value;
  }
  return value;
}

/** Encodes a message for a WebSocket: JSON text when it holds no bytes, else one binary frame. */
export function encodeFrame(message: unknown): string | Uint8Array<ArrayBuffer> {
  const parts: Part[] = [];
  const stripped = strip(message, [], parts);
  if (parts.length === 0) return JSON.stringify(message);
  const header = new codecs.TextEncoder().encode(JSON.stringify({
    message: stripped,
    parts: parts.map((part) => ({ path: part.path, length: part.bytes.byteLength })),
  }));
  const total = parts.reduce((sum, part) => sum + part.bytes.byteLength, headerLengthBytes + header.byteLength);
  const frame = new Uint8Array(total);
  new DataView(frame.buffer).setUint32(0, header.byteLength);
  frame.set(header, headerLengthBytes);
  let offset = headerLengthBytes + header.byteLength;
  for (const part of parts) {
    frame.set(part.bytes, offset);
    offset += part.bytes.byteLength;
  }
  return frame;
}

const forbiddenKeys: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
const frameHeader = z.object({
  message: z.unknown(),
  parts: z.array(z.object({
    path: z.array(z.union([z.string().max(200), z.number().int().nonnegative()])).min(1).max(maxPathDepth),
    length: z.number().int().nonnegative(),
  })).min(1).max(maxParts),
});

/** What the header says the message is, so the refusal can answer it. */
function identify(message: unknown): { kind?: string; id?: number } {
  if (!isPlainObject(message)) return {};
  const { kind, id } = message;
  return {
    ...(typeof kind === 'string' ? { kind } : {}),
    ...(typeof id === 'number' && Number.isInteger(id) && id >= 0 ? { id } : {}),
  };
}

/** Puts a part where its path says: only into a null that the message already holds there. */
function place(message: unknown, path: readonly PathKey[], value: Uint8Array): string | null {
  let holder: unknown = message;
  for (let depth = 0; depth < path.length; depth++) {
    const key = path[depth] as PathKey;
    if (typeof key === 'string' && forbiddenKeys.has(key)) return `part path holds the key ${key}`;
    const fits = typeof key === 'number' ? Array.isArray(holder) && key < holder.length : isPlainObject(holder) && Object.hasOwn(holder, key);
    if (!fits) return 'part path leads nowhere in the message';
    const container = holder as Record<PathKey, unknown>;
    if (depth === path.length - 1) {
      if (container[key] !== null) return 'part path does not end at a placeholder';
      container[key] = value;
      return null;
    }
    holder = container[key];
  }
  return 'part path is empty';
}

/** Decodes a binary frame into its message; a frame that does not add up is a MalformedFrame. */
export function decodeBinaryFrame(frame: Uint8Array): unknown {
  if (frame.byteLength < headerLengthBytes) return new MalformedFrame('binary frame shorter than its header length');
  const headerLength = new DataView(frame.buffer, frame.byteOffset, frame.byteLength).getUint32(0);
  if (headerLength > frame.byteLength - headerLengthBytes) return new MalformedFrame('binary frame header longer than the frame');
  let raw: unknown;
  try {
    raw = JSON.parse(new codecs.TextDecoder('utf-8', { fatal: true }).decode(frame.subarray(headerLengthBytes, headerLengthBytes + headerLength)));
  } catch {
    return new MalformedFrame('binary frame header is not UTF-8 JSON');
  }
  const header = frameHeader.safeParse(raw);
  const known = identify(isPlainObject(raw) ? raw['message'] : undefined);
  const refuse = (reason: string): MalformedFrame => new MalformedFrame(reason, known.kind, known.id);
  if (!header.success) return refuse('binary frame header does not match the frame format');
  let offset = headerLengthBytes + headerLength;
  const declared = header.data.parts.reduce((sum, part) => sum + part.length, offset);
  if (declared !== frame.byteLength) return refuse(`binary frame holds ${frame.byteLength} bytes, its header declares ${declared}`);
  const { message } = header.data;
  for (const part of header.data.parts) {
    // A copy of its own (not a view: a Buffer's slice is one), so the receiver may keep or transfer
    // it without holding on to the whole frame.
    const value = new Uint8Array(part.length);
    value.set(frame.subarray(offset, offset + part.length));
    offset += part.length;
    const problem = place(message, part.path, value);
    if (problem) return refuse(problem);
  }
  return message;
}

/**
 * The message of a WebSocket frame: JSON text, or a binary frame (a MalformedFrame when it does not
 * add up); undefined for text that is not JSON, which is ignored like any other malformed message.
 */
export function decodeFrame(data: string | Uint8Array): unknown {
  if (typeof data !== 'string') return decodeBinaryFrame(data);
  try {
    return JSON.parse(data);
  } catch {
    return undefined;
  }
}
