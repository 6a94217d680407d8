import { describe, expect, it } from "vitest";
import { ocrFrame, parseTesseractTsv, tesseractAvailable } from "../src/capture/ocr.js";
import { createCaptureSources } from "../src/platform/index.js";
import { parseXResources, parseXSettings } from "../src/platform/x11/desktop-settings.js";
import { parseXkbRulesNames } from "../src/platform/x11/keyboard-layout.js";

describe("Tesseract TSV", () => {
  const tsv = [
    "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext",
    "1\t1\t0\t0\t0\t0\t0\t0\t1280\t800\t-1\t",
    "4\t1\t1\t1\t1\t0\t4\t27\t400\t13\t-1\t",
    "5\t1\t1\t1\t1\t1\t4\t27\t56\t13\t93.6\thello",
    "5\t1\t1\t1\t1\t2\t75\t27\t57\t13\t40.5\tw0rld",
    "5\t1\t1\t1\t1\t3\t140\t27\t5\t13\t95\t ",
  ].join("\n");
  it("keeps word rows with boxes offset to screen pixels", () => {
    expect(parseTesseractTsv(tsv, 100, 200)).toEqual([
      { text: "hello", conf: 93.6, box: { x: 104, y: 227, w: 56, h: 13 }, block: 1, par: 1, line: 1 },
      { text: "w0rld", conf: 40.5, box: { x: 175, y: 227, w: 57, h: 13 }, block: 1, par: 1, line: 1 },
    ]);
    expect(parseTesseractTsv(tsv, 0, 0, 50).map((w) => w.text)).toEqual(["hello"]);
  });
  it("fails clearly when the binary is missing", async () => {
    expect(tesseractAvailable("/nonexistent/tesseract")).toBe(false);
    await expect(
      ocrFrame(
        { rgb: Buffer.alloc(3), width: 1, height: 1, x: 0, y: 0, takenAt: 0 },
        { binary: "/nonexistent/tesseract" },
      ),
    ).rejects.toMatchObject({
      code: "MISSING_TOOL",
      message: expect.stringMatching(/apt-get install tesseract-ocr/),
    });
  });
});

describe("desktop settings parsers", () => {
  function xsettings(entries: [number, string, number | string][]): Buffer {
    const parts: Buffer[] = [];
    const head = Buffer.alloc(12);
    head[0] = 0; // LSBFirst
    head.writeUInt32LE(7, 4);
    head.writeUInt32LE(entries.length, 8);
    parts.push(head);
    for (const [type, name, value] of entries) {
      const nameBuf = Buffer.alloc((name.length + 3) & ~3);
      nameBuf.write(name, "latin1");
      const h = Buffer.alloc(4);
      h[0] = type;
      h.writeUInt16LE(name.length, 2);
      parts.push(h, nameBuf, Buffer.alloc(4));
      if (type === 0) {
        const v = Buffer.alloc(4);
        v.writeInt32LE(value as number);
        parts.push(v);
      } else {
        const s = Buffer.from(value as string, "utf8");
        const l = Buffer.alloc(4);
        l.writeUInt32LE(s.length);
        parts.push(l, Buffer.concat([s, Buffer.alloc(((s.length + 3) & ~3) - s.length)]));
      }
    }
    return Buffer.concat(parts);
  }
  it("parses XSETTINGS (ints and strings)", () => {
    const m = parseXSettings(
      xsettings([
        [0, "Net/DoubleClickTime", 250],
        [1, "Net/ThemeName", "Adwaita"],
        [0, "Net/DndDragThreshold", 8],
        [0, "Xft/DPI", 98304],
      ]),
    );
    expect(m.get("Net/DoubleClickTime")).toBe(250);
    expect(m.get("Net/ThemeName")).toBe("Adwaita");
    expect(m.get("Net/DndDragThreshold")).toBe(8);
    expect(m.get("Xft/DPI")).toBe(98304);
    expect(parseXSettings(Buffer.alloc(3)).size).toBe(0);
  });
  it("parses X resources and XKB rule names", () => {
    const r = parseXResources("Xft.dpi:\t144\n*multiClickTime:\t300\n! comment\n");
    expect(r.get("Xft.dpi")).toBe("144");
    expect(r.get("*multiClickTime")).toBe("300");
    expect(parseXkbRulesNames(Buffer.from("evdev\0pc105\0de\0nodeadkeys\0\0", "latin1"))).toEqual({
      rules: "evdev",
      model: "pc105",
      layout: "de",
      variant: "nodeadkeys",
    });
  });
});

describe("createCaptureSources", () => {
  it("creates one source per allowed channel; macOS/Windows ones are marked untested", () => {
    for (const platform of ["darwin", "win32"] as const) {
      const s = createCaptureSources({ channels: ["keyboard", "window", "screenshots"], platform });
      expect(s.map((x) => [x.channel, x.platform, x.tested])).toEqual([
        ["keyboard", platform, false],
        ["window", platform, false],
        ["screenshots", platform, false],
      ]);
    }
    const linux = createCaptureSources({
      channels: ["mouse", "clipboard"],
      platform: "linux",
      display: ":0",
    });
    expect(linux.map((x) => [x.channel, x.platform, x.tested])).toEqual([["mouse", "linux-x11", true]]);
    expect(() => createCaptureSources({ channels: ["mouse"], platform: "aix" })).toThrow(
      /no capture sources for platform aix/,
    );
  });
});
