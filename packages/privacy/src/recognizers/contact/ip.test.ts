import { analyze } from "../../engine.js";
import { describe, expect, it } from "vitest";
import type { Detection } from "../../types.js";
import { ipAddress, isValidIPv4, isValidIPv6 } from "./ip.js";
import { macAddress, macLength } from "./mac.js";

// Addresses are from the documentation ranges (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24,
// 2001:db8::/32) or private/link-local ones; MACs are made up.

function found(text: string, r = ipAddress): string[] {
  return r
    .detect({ text, lower: text.toLowerCase(), channel: "typed" })
    .filter((d: Detection) => d.score >= 0.5)
    .map((d) => text.slice(d.start, d.end));
}

describe("IPv4", () => {
  it.each(["192.0.2.1", "255.255.255.255", "10.0.0.1", "198.51.100.7", "203.0.113.254"])(
    "%s is valid",
    (ip) => {
      expect(isValidIPv4(ip)).toBe(true);
      expect(found(`host ${ip} blocked`)).toEqual([ip]);
    },
  );

  it.each(["256.1.1.1", "1.2.3", "1.2.3.4.5", "1..2.3", "1.2.3.1000", "a.b.c.d", "1.2.3.4."])(
    "%s is invalid",
    (s) => {
      expect(isValidIPv4(s)).toBe(false);
    },
  );

  it("finds addresses with ports, CIDR suffixes, in URLs and at sentence end", () => {
    expect(found("connect to 192.0.2.10:8080 now")).toEqual(["192.0.2.10"]);
    expect(found("route 10.1.0.0/16 via 10.1.0.1.")).toEqual(["10.1.0.0", "10.1.0.1"]);
    expect(found("open http://203.0.113.5/admin")).toEqual(["203.0.113.5"]);
    expect(found("range 192.0.2.1-192.0.2.9")).toEqual(["192.0.2.1", "192.0.2.9"]);
    expect(found("|198.51.100.22|%20/")).toEqual(["198.51.100.22"]);
  });

  it("skips longer dotted numbers, versions and invalid octets", () => {
    expect(found("OID 1.3.6.1.4.1 and 1.2.3.4.5")).toEqual([]);
    expect(found("version 1.2.3.4 shipped")).toEqual([]);
    expect(found("v1.2.3.4 and Chrome/120.0.6099.109 and build 10.0.19045.3693")).toEqual([]);
    expect(found("bad 300.1.2.3 and 1.2.3.256")).toEqual([]);
    expect(found("abc1.2.3.4 and 1.2.3.4abc")).toEqual([]);
  });

  it("on the ocr channel, an address with one number OCR misread out of range", () => {
    const ocr = (text: string) =>
      ipAddress
        .detect({ text, lower: text.toLowerCase(), channel: "ocr" })
        .map((d) => text.slice(d.start, d.end));
    expect(ocr("Server IP 263.0.113.20")).toEqual(["263.0.113.20"]);
    expect(ocr("Host 198.51.100.722")).toEqual(["198.51.100.722"]);
    // two numbers out of range, five numbers, a version: no address; typed text keeps the octet rule
    expect(ocr("bad 300.1.2.300 and 1.2.3.4.500 and version 1.2.3.400")).toEqual([]);
    expect(found("Server IP 263.0.113.20")).toEqual([]);
  });

  it("leaves the loopback block and the unspecified address (they name no machine)", () => {
    for (const ip of ["127.0.0.1", "0.0.0.0"]) {
      expect(isValidIPv4(ip)).toBe(true);
      expect(found(`listening on ${ip}:3000`)).toEqual([]);
    }
    expect(found("from 127.0.0.1 to 10.0.0.7")).toEqual(["10.0.0.7"]);
    // the rest of the loopback block is rare in text and may be any four numbers
    expect(found("server 127.155.154.108 down")).toEqual(["127.155.154.108"]);
    for (const ip of ["::1", "0:0:0:0:0:0:0:1", "0::1", "0000:0000:0000:0000:0000:0000:0000:0001"]) {
      expect(isValidIPv6(ip)).toBe(true);
      expect(found(`bind ${ip} now`)).toEqual([]);
    }
    expect(found("bind ::11 now")).toEqual(["::11"]);
  });

  it("reports level 2 (internal) with type IP_ADDRESS", () => {
    const d = ipAddress.detect({ text: "ip 192.0.2.1", lower: "ip 192.0.2.1", channel: "typed" });
    expect(d).toEqual([
      { start: 3, end: 12, type: "IP_ADDRESS", score: 0.85, level: 2, recognizer: "ip-address" },
    ]);
  });
});

describe("IPv4 in paths and networks", () => {
  it("a path's segment and a network with its prefix", () => {
    expect(found("GET /proxy/10.0.0.254/status")).toEqual(["10.0.0.254"]);
    expect(found("route add 10.0.0.254/32")).toEqual(["10.0.0.254"]);
    expect(found("Version/1.2.3.4")).toEqual([]);
  });

  it("a network is no phone number in the engine", () => {
    const a = analyze("route add 10.0.0.254/32", { channel: "typed" });
    expect(a.spans.map((x) => x.type)).toEqual(["IP_ADDRESS"]);
  });
});

describe("IPv6 beside labels and punctuation", () => {
  it("a label glued by a colon, a colon ending the clause, a zone", () => {
    expect(found("id:2001:db8::8a2e:370:7334,name:x")).toEqual(["2001:db8::8a2e:370:7334"]);
    expect(found("addr:fe80::1ff:fe23:4567:890a%eth0")).toEqual(["fe80::1ff:fe23:4567:890a%eth0"]);
    expect(found("peer 2001:db8::8a2e:370:7334: connection refused")).toEqual(["2001:db8::8a2e:370:7334"]);
    expect(found("std::vector<int> and Add::Abc")).toEqual([]);
    expect(found("at 10:30:45 and 1:2:3")).toEqual([]);
  });
});

describe("IPv6", () => {
  const valid = [
    "2001:db8:0:0:0:0:0:1",
    "2001:0db8:85a3:0000:0000:8a2e:0370:7334",
    "2001:db8::1",
    "2001:db8::",
    "fe80::1",
    "fe80::1%eth0",
    "fe80::1%25en0",
    "::ffff:192.0.2.1",
    "64:ff9b::192.0.2.33",
    "2001:db8:1::ab9:C0A8:102",
    "1::",
    "1:2:3:4:5:6:7::",
    "::2:3:4:5:6:7:8",
    "1:2:3:4:5:6:192.0.2.1",
    "6e40:4041:c617:e898:c11:40d2:c669:2eb4",
  ];
  it.each(valid)("%s is valid and found with exact offsets", (ip) => {
    expect(isValidIPv6(ip)).toBe(true);
    expect(found(`addr ${ip} here`)).toEqual([ip]);
  });

  it.each([
    "2001:db8::1::2",
    "1:2:3:4:5:6:7:8:9",
    "1:2:3:4:5:6:7",
    "12345::1",
    "2001:db8:::1",
    "g::1",
    "::ffff:192.0.2.256",
    "1.2.3.4::1",
    "fe80::1%",
  ])("%s is invalid", (s) => {
    expect(isValidIPv6(s)).toBe(false);
  });

  it("finds bracketed literals in URLs", () => {
    expect(found("http://[2001:db8::1]:8080/x")).toEqual(["2001:db8::1"]);
  });

  it("ignores times, C++ paths, labels and MACs", () => {
    expect(found("at 12:30:45, std::vector, Foo::Bar, Add::bead, Note: fine, ::")).toEqual([]);
    expect(found("mac 00:1a:2b:3c:4d:5e")).toEqual([]);
  });
});

describe("MAC addresses", () => {
  it.each(["00:1A:2B:3C:4D:5E", "00-1a-2b-3c-4d-5e", "001a.2b3c.4d5e", "02:00:5e:10:00:00:00:01"])(
    "%s is found",
    (mac) => {
      expect(macLength(mac, 0)).toBe(mac.length);
      expect(found(`nic ${mac}.`, macAddress)).toEqual([mac]);
      const d = macAddress.detect({ text: mac, lower: mac.toLowerCase(), channel: "typed" });
      expect(d[0]).toMatchObject({ type: "MAC_ADDRESS", level: 2 });
    },
  );

  it("rejects mixed separators, wrong group counts and glued text", () => {
    expect(found("00:1a-2b:3c:4d:5e", macAddress)).toEqual([]);
    expect(found("00:1a:2b:3c:4d", macAddress)).toEqual([]);
    expect(found("00:1a:2b:3c:4d:5e:6f", macAddress)).toEqual([]);
    expect(found("x00:1a:2b:3c:4d:5e", macAddress)).toEqual([]);
    expect(found("de:ad:be:ef:ca:fe", macAddress)).toEqual([]); // no digit: a word game, not a NIC
  });
});
