/**
 * Pseudonyms for the people in an event log. A team lead mines how work flows, not who did it, so
 * each user appears as a keyed hash of their id: the same person is the same pseudonym in every
 * export made with the same key (a process miner can still follow one resource across exports),
 * while the id cannot be recovered or guessed by hashing known ids without the server's key.
 */
import { createHmac } from 'node:crypto';

const keyLabel = 'werkbank event-log pseudonyms v1';

/**
 * The pseudonym key derived from a server secret (the token secret): a separate key, so the token
 * secret is never used for anything but tokens, and rotating one is visible as rotating the other.
 */
export function derivePseudonymKey(secret: Uint8Array): Uint8Array {
  return createHmac('sha256', secret).update(keyLabel, 'utf8').digest();
}

/** Maps user ids to pseudonyms; one per export, so each user's HMAC is computed once. */
export class Pseudonyms {
  private readonly known = new Map<string, string>();

  constructor(private readonly key: Uint8Array) {
    if (key.length < 32) throw new Error('pseudonym key must be at least 32 bytes');
  }

  /** 'res-' and 80 bits of HMAC-SHA256 in hex: short enough to read, far from colliding among users. */
  of(userId: string): string {
    let pseudonym = this.known.get(userId);
    if (pseudonym === undefined) {
      pseudonym = `res-${createHmac('sha256', this.key).update(userId, 'utf8').digest('hex').slice(0, 20)}`;
      this.known.set(userId, pseudonym);
    }
    return pseudonym;
  }
}
