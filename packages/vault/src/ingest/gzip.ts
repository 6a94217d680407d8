import { crc32, gunzipSync, inflateRawSync } from "node:zlib";

const HEADER = 10;
const TRAILER = 8;

/**
 * Decompress a batch payload (gzip, as the recorder seals it).
 *
 * `member` is set when the bytes are exactly one gzip member with no optional header fields (no name, comment
 * or extra field) and nothing after it — what the recorder writes. Then they carry nothing but `raw`: the
 * member's CRC-32 and length are checked against it, and the header's free bytes (time stamp, flags, OS) are
 * cleared in `member`. Such bytes may be stored as received, compressed, once `raw` has been checked.
 * Anything else gzip allows (several members) is still decompressed, and only `raw` is usable.
 * @example
 * const { raw, member } = gunzipPayload(gzipSync(Buffer.from("{}")), 1 << 20); // raw: "{}", member: the bytes
 */
export function gunzipPayload(buf: Buffer, maxOutputLength: number): { raw: Buffer; member?: Buffer } {
  if (
    buf.length >= HEADER + TRAILER + 2 &&
    buf[0] === 0x1f &&
    buf[1] === 0x8b &&
    buf[2] === 8 && // deflate
    buf[3] === 0 // FLG: no text flag, header CRC, extra field, name or comment
  ) {
    const { buffer: raw, engine } = inflateRawSync(buf.subarray(HEADER), {
      info: true,
      maxOutputLength,
    }) as unknown as {
      buffer: Buffer;
      engine: { bytesWritten: number };
    };
    const end = HEADER + engine.bytesWritten;
    if (
      end + TRAILER === buf.length &&
      buf.readUInt32LE(end) === crc32(raw) &&
      buf.readUInt32LE(end + 4) === raw.length % 0x100000000
    ) {
      const member = Buffer.from(buf);
      member.fill(0, 4, 9); // MTIME, XFL
      member[9] = 255; // OS: unknown
      return { raw, member };
    }
  }
  return { raw: gunzipSync(buf, { maxOutputLength }) };
}

/** A stored batch payload: gzip (the compressed batch as received) or, from before that or after a change, JSON. */
export function storedPayloadText(plain: Uint8Array): string {
  const b = Buffer.from(plain.buffer, plain.byteOffset, plain.byteLength);
  return (b[0] === 0x1f && b[1] === 0x8b ? gunzipSync(b) : b).toString("utf8");
}
