/** Byte helpers shared by the crypto modules. */

/** @example concat(Uint8Array.of(1), Uint8Array.of(2)) // Uint8Array [1, 2] */
export function concat(...parts: Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Big-endian unsigned integer of `len` bytes (RFC 9180's I2OSP). @example i2osp(1, 2) // [0, 1] */
export function i2osp(n: number | bigint, len: number): Uint8Array {
  let v = BigInt(n);
  const out = new Uint8Array(len);
  for (let i = len - 1; i >= 0; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  if (v !== 0n) throw new RangeError(`${n} does not fit in ${len} bytes`);
  return out;
}

/** @example hex(Uint8Array.of(255)) // "ff" */
export function hex(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("hex");
}

/** @example unhex("ff") // Uint8Array [255] */
export function unhex(s: string): Uint8Array {
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(s)) throw new Error("not a hex string");
  return new Uint8Array(Buffer.from(s, "hex"));
}

export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Constant-time equality for secrets and MACs. */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= a[i]! ^ b[i]!;
  return d === 0;
}
