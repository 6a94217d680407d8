// npm run bench -- ocr [--seed N] [--lines N] [--quick] [--renderer sharp|chromium] [--show]: what a screenshot still shows after the recorder's
// screen-text filter, read by real Tesseract. Fake sensitive values (valid check digits, reserved ranges) are
// rendered one per line beside a label, in sans, serif and monospace fonts at 12, 14 and 18 px, dark on light and
// light on dark. Each image is read by Tesseract as it is (what was readable), filtered by `ScreenTextRedactor`
// with the real engine exactly as the recorder filters a frame (boxes blacked out with the recorder's padding, a
// level-4 frame dropped), and read again (what is still readable). A value counts as readable when six
// characters of it in a row (all of it when shorter) appear in its line's text, after folding the letters OCR
// confuses with digits (O/0, l/1, S/5, …): a person reading "4lll" reads 4111. Images are drawn by sharp (librsvg)
// or, with `--renderer chromium`, by Debian's Chromium (headless, through playwright-core): a browser's text
// rendering (hinting, antialiasing) is what a recorder mostly sees.
// Prints one JSON line: {"name":"ocr", "values", "readable", "leaked", "leak_rate", "misread", "by_type": {TYPE:
// {values, readable, leaked, leak_rate, misread}}, "by_condition": {...}}; "misread" counts readable values that
// Tesseract did not read letter for letter (the confusions the engine's OCR folding is there for).
import sharp from "sharp";
import { existsSync } from "node:fs";
import { luhnCheckDigit, mod97 } from "../packages/privacy/dist/index.js";
import {
  blackout,
  DEFAULT_ENGINE,
  foldForEcho,
  ocrFrame,
  ScreenTextRedactor,
  tesseractAvailable,
} from "../packages/recorder/dist/index.js";

function option(args, name, fallback) {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
}

/** Small seeded PRNG (mulberry32), so a run can be repeated. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const digitsOf = (r, n) => Array.from({ length: n }, () => Math.floor(r() * 10)).join("");
const pick = (r, xs) => xs[Math.floor(r() * xs.length)];

const luhnComplete = (body) => body + luhnCheckDigit(body);
const ibanOf = (country, bban) => country + String(98 - mod97(bban + country + "00")).padStart(2, "0") + bban;

const group4 = (s) => s.replace(/(.{4})(?=.)/g, "$1 ");

/** Generators of fake values, by the type a leak counts against, with the labels a screen puts before them. */
const TYPES = {
  CREDIT_CARD: {
    labels: ["Card number", "Visa", "Pay with card", "Card"],
    value: (r) => {
      const v = luhnComplete(pick(r, ["4111", "4539", "5555", "5105"]) + digitsOf(r, 11));
      return r() < 0.7 ? group4(v) : v;
    },
  },
  IBAN_CODE: {
    labels: ["IBAN", "Account (IBAN)", "Pay to"],
    value: (r) =>
      group4(
        r() < 0.5
          ? ibanOf("GB", pick(r, ["WEST", "NWBK", "MIDL"]) + digitsOf(r, 14))
          : ibanOf("DE", digitsOf(r, 18)),
      ),
  },
  US_SSN: {
    labels: ["SSN", "Social Security No.", "SSN:"],
    value: (r) => {
      const area = String(1 + Math.floor(r() * 664)).padStart(3, "0");
      const group = String(1 + Math.floor(r() * 98)).padStart(2, "0");
      const serial = String(1 + Math.floor(r() * 9998)).padStart(4, "0");
      return `${area}-${group}-${serial}`;
    },
  },
  PHONE_NUMBER: {
    labels: ["Mobile", "Phone", "Call me on", "Tel."],
    value: (r) =>
      pick(r, [
        () => `+44 20 7946 0${digitsOf(r, 3)}`,
        () => `+44 113 496 0${digitsOf(r, 3)}`,
        () => `(201) 555-01${digitsOf(r, 2)}`,
        () => `+1 415 555 01${digitsOf(r, 2)}`,
        () => `+49 30 ${digitsOf(r, 3)} ${digitsOf(r, 4)}`,
      ])(),
  },
  EMAIL_ADDRESS: {
    labels: ["From:", "Email", "Reply to", "Contact"],
    value: (r) =>
      `${pick(r, ["zorqual", "ilsa", "tavrin", "dureildne", "mavek"])}.${pick(r, ["vennik", "prenn", "olbeck", "maqs"])}${Math.floor(r() * 90 + 10)}@${pick(r, ["example.com", "example.org", "example.net"])}`,
  },
  IP_ADDRESS: {
    labels: ["Host", "Server IP", "Connected to", "Address"],
    value: (r) => `${pick(r, ["192.0.2", "198.51.100", "203.0.113"])}.${1 + Math.floor(r() * 254)}`,
  },
  SECRET: {
    labels: ["export AWS_SECRET_ACCESS_KEY=", "token:", "AWS key", "api_key ="],
    value: (r) => {
      const up = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
      const any = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
      const s = (alpha, n) => Array.from({ length: n }, () => alpha[Math.floor(r() * alpha.length)]).join("");
      return r() < 0.5 ? "AKIA" + s(up, 16) : s(any, 32);
    },
  },
};

const FONTS = { sans: "DejaVu Sans", serif: "Liberation Serif", mono: "DejaVu Sans Mono" };
const THEMES = { light: ["#ffffff", "#1a1a1a"], dark: ["#1e1e1e", "#dcdcdc"] };

const xml = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A PNG as a raw RGB frame (what the recorder's capture hands the filter). */
async function rawFrame(png) {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { rgb: data, width: info.width, height: info.height, x: 0, y: 0, takenAt: Date.now() };
}

/** The same lines as a web page in Chromium, one per row of the same height, screenshot as a raw frame. */
async function renderChromium(page, lines, font, size, theme, lineH, top, width, height) {
  const [bg, fg] = THEMES[theme];
  const rows = lines
    .map((t) => `<div style="height:${lineH}px;line-height:${lineH}px;white-space:pre">${xml(t)}</div>`)
    .join("");
  await page.setViewportSize({ width, height });
  await page.setContent(
    `<!doctype html><html><body style="margin:0;padding:${top}px 16px;background:${bg};color:${fg};font-family:'${font}';font-size:${size}px">${rows}</body></html>`,
  );
  return rawFrame(await page.screenshot({ type: "png" }));
}

/** Render lines of text as a raw RGB frame, with sharp or in Chromium's page. */
async function render(lines, font, size, theme, page) {
  const lineH = Math.round(size * 2.2);
  const top = 12;
  const width = 1000;
  const height = top * 2 + lineH * lines.length;
  if (page)
    return {
      frame: await renderChromium(page, lines, font, size, theme, lineH, top, width, height),
      top,
      lineH,
    };
  const [bg, fg] = THEMES[theme];
  const body = lines
    .map(
      (t, i) =>
        `<text x="16" y="${top + i * lineH + Math.round(size * 1.4)}" font-family="${font}" font-size="${size}" fill="${fg}" xml:space="preserve">${xml(t)}</text>`,
    )
    .join("");
  const svg = `<svg width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg"><rect width="100%" height="100%" fill="${bg}"/>${body}</svg>`;
  return { frame: await rawFrame(Buffer.from(svg)), top, lineH };
}

const CHROMIUM = "/usr/bin/chromium";

/** The OCR'd text of each line (words attributed by the middle of their box). */
async function lineTexts(frame, top, lineH, n) {
  const out = Array.from({ length: n }, () => []);
  for (const w of await ocrFrame(frame)) {
    const i = Math.floor((w.box.y + w.box.h / 2 - top) / lineH);
    if (i >= 0 && i < n) out[i].push(w);
  }
  return out.map((ws) =>
    ws
      .sort((a, b) => a.box.x - b.box.x)
      .map((w) => w.text)
      .join(" "),
  );
}

/** Six characters of the value in a row (all of it when shorter) are in the line, both folded. */
function readable(value, line) {
  const v = foldForEcho(value);
  const l = foldForEcho(line);
  const k = Math.min(6, v.length);
  for (let i = 0; i + k <= v.length; i++) if (l.includes(v.slice(i, i + k))) return true;
  return false;
}

const squash = (s) => s.replace(/\s+/g, "");

export async function run(args = []) {
  if (!tesseractAvailable())
    throw new Error("tesseract is not installed (Debian: apt-get install tesseract-ocr)");
  const quick = args.includes("--quick");
  const show = args.includes("--show");
  const seed = Number(option(args, "--seed", "1"));
  const perImage = Number(option(args, "--lines", quick ? "7" : "14"));
  if (!Number.isInteger(seed)) throw new Error("--seed must be an integer");
  if (!Number.isInteger(perImage) || perImage < 1 || perImage > 40)
    throw new Error("--lines must be a whole number of lines from 1 to 40");
  const renderer = option(args, "--renderer", "sharp");
  if (renderer !== "sharp" && renderer !== "chromium")
    throw new Error("--renderer must be sharp or chromium");
  if (renderer === "chromium" && !existsSync(CHROMIUM))
    throw new Error(`--renderer chromium needs Debian's Chromium at ${CHROMIUM} (apt-get install chromium)`);
  let browser;
  let page;
  if (renderer === "chromium") {
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu"],
    });
    page = await browser.newPage();
  }
  const r = rng(seed);
  const sizes = quick ? [14] : [12, 14, 18];
  const types = Object.keys(TYPES);
  const tally = () => ({ values: 0, readable: 0, leaked: 0, misread: 0 });
  const total = tally();
  const byType = Object.fromEntries(types.map((t) => [t, tally()]));
  const byCondition = {};
  for (const [fontKey, font] of Object.entries(FONTS))
    for (const size of sizes)
      for (const theme of Object.keys(THEMES)) {
        const cond = `${fontKey}-${size}-${theme}`;
        const c = (byCondition[cond] = tally());
        const items = Array.from({ length: perImage }, (_, i) => {
          const type = types[i % types.length];
          const g = TYPES[type];
          const value = g.value(r);
          const label = pick(r, g.labels);
          return { type, value, line: label.endsWith("=") ? label + value : `${label} ${value}` };
        });
        const { frame, top, lineH } = await render(
          items.map((x) => x.line),
          font,
          size,
          theme,
          page,
        );
        const before = await lineTexts(frame, top, lineH, items.length);
        const redactor = new ScreenTextRedactor({ engine: DEFAULT_ENGINE });
        const res = await redactor.analyze({ ...frame, rgb: Buffer.from(frame.rgb) });
        let after;
        if (res.level4) after = items.map(() => "");
        else {
          const f = { ...frame, rgb: Buffer.from(frame.rgb) };
          blackout(f, res.boxes, 3);
          after = await lineTexts(f, top, lineH, items.length);
        }
        items.forEach((x, i) => {
          const seen = readable(x.value, before[i]);
          const left = seen && readable(x.value, after[i]);
          const wrong = seen && !squash(before[i]).includes(squash(x.value));
          // (--show: the fake values that leaked or were misread, to see why; they are generated, no one's)
          if (show && (left || wrong))
            console.error(
              JSON.stringify({ cond, type: x.type, left, line: x.line, read: before[i], after: after[i] }),
            );
          for (const t of [total, byType[x.type], c]) {
            t.values++;
            if (seen) t.readable++;
            if (left) t.leaked++;
            if (wrong) t.misread++;
          }
        });
      }
  await browser?.close();
  const rate = (t) => ({ ...t, leak_rate: t.readable ? +(t.leaked / t.readable).toFixed(4) : 0 });
  console.log(
    JSON.stringify({
      name: "ocr",
      renderer,
      ...rate(total),
      by_type: Object.fromEntries(Object.entries(byType).map(([k, v]) => [k, rate(v)])),
      by_condition: Object.fromEntries(Object.entries(byCondition).map(([k, v]) => [k, rate(v)])),
    }),
  );
}
