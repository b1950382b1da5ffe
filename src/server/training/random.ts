/**
 * The one source of randomness of the demo dataset: a small seeded generator (splitmix32 mixing
 * into mulberry32), so the same seed gives the same dataset byte for byte. Never Math.random or
 * the clock. Each case draws from its own stream derived from (seed, stream, index), so case 17 is
 * the same whether 20 or 100,000 cases are generated.
 */

/** Mixes a 32-bit value into a well-spread 32-bit hash (splitmix32 finaliser). */
export function mix32(value: number): number {
  let z = (value + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** A deterministic random stream with the helpers the generator needs. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = mix32(seed) || 0x6d2b79f5;
  }

  /** A stream of its own for (seed, stream name, index): independent of how many others exist. */
  static derive(seed: number, stream: string, index = 0): Random {
    let hash = mix32(seed);
    for (let position = 0; position < stream.length; position += 1) hash = mix32(hash ^ stream.charCodeAt(position));
    return new Random(mix32(hash ^ mix32(index)));
  }

  /** A float in [0, 1) (mulberry32). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer from min through max, both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with the given probability. */
  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** One element of a non-empty list. */
  pick<Item>(items: readonly Item[]): Item {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('Random.pick: empty list');
    return item;
  }

  /** One value of a weighted list. */
  weighted<Value>(items: readonly { value: Value; weight: number }[]): Value {
    const total = items.reduce((sum, item) => sum + item.weight, 0);
    let point = this.next() * total;
    for (const item of items) {
      point -= item.weight;
      if (point < 0) return item.value;
    }
    const last = items[items.length - 1];
    if (!last) throw new Error('Random.weighted: empty list');
    return last.value;
  }

  /** A string of decimal digits of the given length (leading zeros allowed). */
  digits(length: number): string {
    let text = '';
    for (let position = 0; position < length; position += 1) text += String(this.int(0, 9));
    return text;
  }

  /** A version-4-shaped UUID drawn from this stream (the server's ids are UUIDs). */
  uuid(): string {
    const hex: string[] = [];
    for (let position = 0; position < 32; position += 1) hex.push(this.int(0, 15).toString(16));
    hex[12] = '4';
    hex[16] = (8 + this.int(0, 3)).toString(16);
    const text = hex.join('');
    return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
  }
}
