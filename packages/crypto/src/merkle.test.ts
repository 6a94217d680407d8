import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hex, unhex } from "./bytes.js";
import {
  consistencyProof,
  inclusionProof,
  leafHash,
  rootOf,
  verifyConsistency,
  verifyInclusion,
} from "./merkle.js";

// Certificate Transparency's reference leaves and tree heads for RFC 6962 hashing.
const DATA = [
  "",
  "00",
  "10",
  "2021",
  "3031",
  "40414243",
  "5051525354555657",
  "606162636465666768696a6b6c6d6e6f",
];
const ROOTS = [
  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
  "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
  "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
  "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
  "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
  "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
  "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
  "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
  "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
];
const LEAVES = DATA.map((d) => leafHash(unhex(d)));

describe("Merkle tree (RFC 6962)", () => {
  it("matches the reference roots for sizes 0..8", () => {
    for (let n = 0; n <= 8; n++) expect(hex(rootOf(LEAVES.slice(0, n))), `size ${n}`).toBe(ROOTS[n]);
  });

  it("matches the reference inclusion proofs", () => {
    expect(inclusionProof(LEAVES, 0).map(hex)).toEqual([
      "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
    ]);
    expect(inclusionProof(LEAVES, 5).map(hex)).toEqual([
      "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
      "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    ]);
  });

  const many = Array.from({ length: 40 }, (_, i) => leafHash(Uint8Array.of(i, i * 7)));

  it("every inclusion and consistency proof verifies, and a wrong leaf, index or root does not", () => {
    for (let n = 1; n <= many.length; n++) {
      const tree = many.slice(0, n);
      const root = rootOf(tree);
      for (let i = 0; i < n; i++) {
        const p = inclusionProof(tree, i);
        expect(verifyInclusion(tree[i]!, i, n, p, root)).toBe(true);
        expect(verifyInclusion(leafHash(Uint8Array.of(255)), i, n, p, root)).toBe(false);
        if (n > 1) expect(verifyInclusion(tree[i]!, (i + 1) % n, n, p, root)).toBe(false);
      }
      for (let m = 1; m <= n; m++) {
        const p = consistencyProof(tree, m);
        const old = rootOf(tree.slice(0, m));
        expect(verifyConsistency(m, n, p, old, root), `${m}->${n}`).toBe(true);
        if (m < n) expect(verifyConsistency(m, n, p, rootOf(many.slice(1, m + 1)), root)).toBe(false);
      }
    }
  });

  it("property: changing any leaf changes the root", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 64 }), fc.nat(), (n, k) => {
        const tree = many.concat(many).slice(0, n);
        const i = k % n;
        const changed = [...tree];
        changed[i] = leafHash(Uint8Array.of(200, i));
        expect(hex(rootOf(changed))).not.toBe(hex(rootOf(tree)));
      }),
    );
  });
});

describe("MerkleFrontier", () => {
  it("property: its root equals rootOf over the same leaves at every size", async () => {
    const { MerkleFrontier } = await import("./merkle.js");
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 70 }), (n) => {
        const f = new MerkleFrontier();
        const leaves: Uint8Array[] = [];
        for (let i = 0; i < n; i++) {
          const l = leafHash(Uint8Array.of(i % 256, n));
          leaves.push(l);
          f.append(l);
          expect(hex(f.root())).toBe(hex(rootOf(leaves)));
        }
        expect(f.size).toBe(n);
      }),
      { numRuns: 30 },
    );
  });
});
