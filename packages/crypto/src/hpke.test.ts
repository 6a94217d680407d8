import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hex, unhex, utf8 } from "./bytes.js";
import {
  aeadOpen,
  aeadSeal,
  deriveKeyPair,
  open,
  seal,
  setupBaseRecipient,
  setupBaseSender,
} from "./hpke.js";
import { generateRawKeyPair } from "./keys.js";

// RFC 9180 appendix A.1.1: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-128-GCM, base mode (published values).
const A1 = {
  info: "4f6465206f6e2061204772656369616e2055726e",
  ikmE: "7268600d403fce431561aef583ee1613527cff655c1343f29812e66706df3234",
  pkEm: "37fda3567bdbd628e88668c3c8d7e97d1d1253b6d4ea6d44c150f741f1bf4431",
  skEm: "52c4a758a802cd8b936eceea314432798d5baf2d7e9235dc084ab1b9cfa2f736",
  ikmR: "6db9df30aa07dd42ee5e8181afdb977e538f5e1fec8a06223f33f7013e525037",
  pkRm: "3948cfe0ad1ddb695d780e59077195da6c56506b027329794ab02bca80815c4d",
  skRm: "4612c550263fc8ad58375df3f557aac531d26850903e55a9f23f21d8534e8ac8",
  sharedSecret: "fe0e18c9f024ce43799ae393c7e8fe8fce9d218875e8227b0187c04e7d2ea1fc",
  key: "4531685d41d65f03dc48f6b8302c05b0",
  baseNonce: "56d890e5accaaf011cff4b7d",
  exporterSecret: "45ff1c2e220db587171952c0592d5f5ebe103f1561a2614e38f2ffd47e99e3f8",
  pt: "4265617574792069732074727574682c20747275746820626561757479",
  aad0: "436f756e742d30",
  ct0: "f938558b5d72f1a23810b4be2ab4f84331acc02fc97babc53a52ae8218a355a96d8770ac83d07bea87e13c512a",
};

describe("HPKE (RFC 9180)", () => {
  it("derives the appendix A.1 key pairs", () => {
    const e = deriveKeyPair(unhex(A1.ikmE));
    expect(hex(e.privateKey)).toBe(A1.skEm);
    expect(hex(e.publicKey)).toBe(A1.pkEm);
    const r = deriveKeyPair(unhex(A1.ikmR));
    expect(hex(r.privateKey)).toBe(A1.skRm);
    expect(hex(r.publicKey)).toBe(A1.pkRm);
  });

  it("matches every published value of A.1.1 on both sides", () => {
    const s = setupBaseSender(unhex(A1.pkRm), unhex(A1.info), "aes-128-gcm", unhex(A1.ikmE));
    expect(hex(s.enc)).toBe(A1.pkEm);
    expect(hex(s.sharedSecret)).toBe(A1.sharedSecret);
    expect(hex(s.key)).toBe(A1.key);
    expect(hex(s.baseNonce)).toBe(A1.baseNonce);
    expect(hex(s.exporterSecret)).toBe(A1.exporterSecret);
    expect(hex(aeadSeal(s, "aes-128-gcm", 0, unhex(A1.aad0), unhex(A1.pt)))).toBe(A1.ct0);
    const r = setupBaseRecipient(s.enc, unhex(A1.skRm), unhex(A1.info), "aes-128-gcm");
    expect(hex(aeadOpen(r, "aes-128-gcm", 0, unhex(A1.aad0), unhex(A1.ct0)))).toBe(A1.pt);
  });

  it("seals with AES-256-GCM so only the recipient's private key opens, and any change is refused", () => {
    const vault = generateRawKeyPair("x25519");
    const other = generateRawKeyPair("x25519");
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.uint8Array({ maxLength: 40 }), (pt, aad) => {
        const info = utf8("tracevault/batch/v1");
        const { enc, ct } = seal(vault.publicKey, info, aad, pt);
        expect(open(vault.privateKey, enc, info, aad, ct)).toEqual(pt);
        expect(() => open(other.privateKey, enc, info, aad, ct)).toThrow(/HPKE open failed/);
        const flipped = new Uint8Array(ct);
        flipped[0]! ^= 1;
        expect(() => open(vault.privateKey, enc, info, aad, flipped)).toThrow();
        expect(() => open(vault.privateKey, enc, info, new Uint8Array([...aad, 1]), ct)).toThrow();
      }),
      { numRuns: 50 },
    );
  });

  it("refuses a small-order public key", () => {
    expect(() => seal(new Uint8Array(32), utf8("x"), new Uint8Array(), utf8("secret"))).toThrow(
      /invalid X25519/,
    );
  });
});
