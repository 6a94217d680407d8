import { createHash } from "node:crypto";
import { equalBytes } from "./bytes.js";

/**
 * RFC 6962 Merkle trees (§2.1): leaf hash SHA-256(0x00 || data), node hash SHA-256(0x01 || left || right),
 * split at the largest power of two smaller than n. Used by the audit log; proofs let an outside witness check
 * that an entry is in the log and that a later log extends an earlier one.
 */

/** @example leafHash(new Uint8Array()) // 6e340b9c… */
export function leafHash(data: Uint8Array): Uint8Array {
  return new Uint8Array(createHash("sha256").update(Uint8Array.of(0)).update(data).digest());
}

/** @example nodeHash(left, right) */
export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  return new Uint8Array(createHash("sha256").update(Uint8Array.of(1)).update(left).update(right).digest());
}

function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** Root of a list of leaf hashes (the empty tree's root is SHA-256 of nothing). @example rootOf([]) // e3b0c442… */
export function rootOf(leaves: readonly Uint8Array[]): Uint8Array {
  if (leaves.length === 0) return new Uint8Array(createHash("sha256").digest());
  // Iterative form of the RFC's recursion: fold complete subtrees from a stack, then merge right to left.
  const stack: { h: Uint8Array; size: number }[] = [];
  for (const leaf of leaves) {
    let node = { h: leaf, size: 1 };
    while (stack.length && stack[stack.length - 1]!.size === node.size) {
      const left = stack.pop()!;
      node = { h: nodeHash(left.h, node.h), size: left.size * 2 };
    }
    stack.push(node);
  }
  let acc = stack.pop()!.h;
  while (stack.length) acc = nodeHash(stack.pop()!.h, acc);
  return acc;
}

/** Inclusion proof (audit path) of leaf `index` in the tree of `leaves` (RFC 6962 §2.1.1). */
export function inclusionProof(leaves: readonly Uint8Array[], index: number): Uint8Array[] {
  if (!Number.isInteger(index) || index < 0 || index >= leaves.length)
    throw new RangeError("leaf index out of range");
  const path = (m: number, d: readonly Uint8Array[]): Uint8Array[] => {
    if (d.length <= 1) return [];
    const k = split(d.length);
    return m < k
      ? [...path(m, d.slice(0, k)), rootOf(d.slice(k))]
      : [...path(m - k, d.slice(k)), rootOf(d.slice(0, k))];
  };
  return path(index, leaves);
}

/** Consistency proof between the first `m` leaves and all of `leaves` (RFC 6962 §2.1.2). */
export function consistencyProof(leaves: readonly Uint8Array[], m: number): Uint8Array[] {
  const n = leaves.length;
  if (!Number.isInteger(m) || m < 1 || m > n) throw new RangeError("consistency proof needs 1 <= m <= n");
  const subproof = (m: number, d: readonly Uint8Array[], complete: boolean): Uint8Array[] => {
    if (m === d.length) return complete ? [] : [rootOf(d)];
    const k = split(d.length);
    return m <= k
      ? [...subproof(m, d.slice(0, k), complete), rootOf(d.slice(k))]
      : [...subproof(m - k, d.slice(k), false), rootOf(d.slice(0, k))];
  };
  return subproof(m, leaves, true);
}

/** Verify an inclusion proof (RFC 9162 §2.1.3.2 algorithm). */
export function verifyInclusion(
  leaf: Uint8Array,
  index: number,
  size: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  if (index < 0 || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && equalBytes(r, root);
}

/** Verify a consistency proof between tree sizes m <= n (RFC 9162 §2.1.4.2 algorithm). */
export function verifyConsistency(
  m: number,
  n: number,
  proof: readonly Uint8Array[],
  oldRoot: Uint8Array,
  newRoot: Uint8Array,
): boolean {
  if (m < 1 || m > n) return false;
  if (m === n) return proof.length === 0 && equalBytes(oldRoot, newRoot);
  let p = [...proof];
  if (isPowerOfTwo(m)) p = [oldRoot, ...p];
  if (p.length === 0) return false;
  let fn = m - 1;
  let sn = n - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = p[0]!;
  let sr = p[0]!;
  for (const c of p.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && equalBytes(fr, oldRoot) && equalBytes(sr, newRoot);
}

function isPowerOfTwo(x: number): boolean {
  return x > 0 && (x & (x - 1)) === 0;
}

/**
 * The right edge of a growing RFC 6962 tree: one hash per complete subtree, largest first. Appending is
 * O(log n) and so is the root, so a log of millions of entries never re-hashes its history.
 */
export class MerkleFrontier {
  private stack: { h: Uint8Array; size: number }[] = [];
  private n = 0;

  get size(): number {
    return this.n;
  }

  append(leaf: Uint8Array): void {
    let node = { h: leaf, size: 1 };
    while (this.stack.length && this.stack[this.stack.length - 1]!.size === node.size) {
      const left = this.stack.pop()!;
      node = { h: nodeHash(left.h, node.h), size: left.size * 2 };
    }
    this.stack.push(node);
    this.n++;
  }

  /** Same value as `rootOf(all leaves appended so far)`. */
  root(): Uint8Array {
    if (this.stack.length === 0) return rootOf([]);
    let acc = this.stack[this.stack.length - 1]!.h;
    for (let i = this.stack.length - 2; i >= 0; i--) acc = nodeHash(this.stack[i]!.h, acc);
    return acc;
  }
}
