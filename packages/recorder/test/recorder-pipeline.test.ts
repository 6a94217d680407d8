/**
 * The recorder's filter pipeline end to end with fake capture sources (no display needed): typed values
 * dropped key by key, excluded windows, password contexts, the control hotkey, fail-closed, batching and
 * the manifest gate. Everything is checked on the sealed spool, opened with the vault key.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { RawEvent } from "@tracevault/core";
import { analyze, redact } from "@tracevault/privacy";
import { Spool } from "../src/spool.js";
import { Recorder, policyVersionProblem, type RecorderOptions } from "../src/pipeline/recorder.js";
import {
  FakeSource,
  FakeWindows,
  keysAndHash,
  now,
  openAll,
  sleep,
  removeTempDirs,
  tempDir,
  testManifest,
  typeText,
  typed,
} from "./helpers.js";

function setup(over: Partial<RecorderOptions> = {}, manifest = testManifest()) {
  const { keys, hash } = keysAndHash(manifest);
  const dir = tempDir();
  const spool = Spool.open(join(dir, "spool"));
  const kb = new FakeSource("keyboard");
  const mouse = new FakeSource("mouse");
  const win = new FakeWindows();
  const rec = new Recorder({
    manifest,
    manifestHash: hash,
    vault: { publicKey: keys.seal.publicKey, kid: keys.seal.kid },
    deviceId: "test-device-1",
    spool,
    sources: [win, kb, mouse],
    settleMs: 50,
    ...over,
  });
  return { rec, kb, mouse, win, keys, hash, dir, spoolDir: join(dir, "spool"), manifest };
}

function feed(src: FakeSource, evs: RawEvent[]): void {
  for (const e of evs) src.emit(e);
}

afterAll(() => removeTempDirs());

describe("recorder filter pipeline", () => {
  it("drops exactly the keys of a typed card number, email and API key; leaves markers; keeps the rest", async () => {
    const s = setup();
    await s.rec.start();
    s.win.focus(now(), 11, "XTerm", "notes");
    const text =
      "hello team card 4111 1111 1111 1111 mail jane.doe@example.com key AKIAIOSFODNN7EXAMPLE done\n";
    feed(s.kb, typeText(text, now()));
    s.mouse.emit({ kind: "mouse_down", t: now(), x: 10, y: 20, button: "left" });
    s.mouse.emit({ kind: "mouse_up", t: now() + 1, x: 10, y: 20, button: "left" });
    const sum = await s.rec.stop();
    expect(sum.error).toBeUndefined();
    const { events, batches } = openAll(s.spoolDir, s.keys);
    const t = typed(events);
    expect(t).toContain("hello team card");
    expect(t).toContain("done");
    expect(t).not.toMatch(/4111/);
    expect(t).not.toContain("jane");
    expect(t).not.toContain("example.com");
    expect(t).not.toContain("AKIA");
    const markers = events.filter((e) => e.kind === "marker").map((e) => (e as { name: string }).name);
    expect(markers).toEqual(
      expect.arrayContaining(["redacted:CREDIT_CARD", "redacted:EMAIL_ADDRESS", "redacted:SECRET:aws"]),
    );
    // no key_up names a dropped character: every key_up follows a kept key_down
    const json = JSON.stringify(events);
    expect(json).not.toContain("jane");
    expect(analyze(t).spans).toEqual([]);
    expect(events.some((e) => e.kind === "mouse_down")).toBe(true);
    // batches are stamped with the manifest hash and carry stats
    expect(batches.every((b) => b.header.manifestHash === s.hash)).toBe(true);
    expect(batches.reduce((a, b) => a + (b.payload.stats?.droppedKeys ?? 0), 0)).toBeGreaterThan(40);
    // the spool files themselves hold no plaintext
    for (const f of readdirSync(join(s.spoolDir, "batches"))) {
      const raw = readFileSync(join(s.spoolDir, "batches", f)).toString("latin1");
      expect(raw).not.toContain("hello");
      expect(raw).not.toContain("XTerm");
    }
  });

  it("the shift presses of a dropped value (or a password) go with it: they would reveal its shape", async () => {
    const s = setup();
    await s.rec.start();
    s.win.focus(now(), 11, "XTerm", "notes");
    feed(s.kb, typeText("Key AKIAIOSFODNN7EXAMPLE Done ", now(), true));
    await sleep(400);
    s.win.focus(now(), 12, "XTerm", "Unlock keyring");
    feed(s.kb, typeText("PassWORD", now() + 100, true));
    await s.rec.stop();
    const { events } = openAll(s.spoolDir, s.keys);
    expect(typed(events)).toBe("Key  Done ");
    const shifts = events.filter((e) => (e.kind === "key_down" || e.kind === "key_up") && e.key === "shift");
    expect(shifts).toHaveLength(4); // the K and the D only, down and up
  });

  it("an excluded window: nothing from it, not even its title; a marker instead of its focus event", async () => {
    const s = setup();
    await s.rec.start();
    s.win.focus(now(), 11, "XTerm", "work notes");
    feed(s.kb, typeText("before ", now()));
    await sleep(150); // typed key times run 5 ms apart into the future
    s.win.focus(now(), 12, "KeePassXC", "Passwords.kdbx - KeePassXC");
    feed(s.kb, typeText("hunter2 secret", now()));
    s.mouse.emit({ kind: "mouse_down", t: now(), x: 500, y: 300, button: "left" });
    s.mouse.emit({ kind: "mouse_up", t: now(), x: 500, y: 300, button: "left" });
    await sleep(20);
    s.win.focus(now(), 11, "XTerm", "work notes");
    feed(s.kb, typeText("after", now() + 100));
    const sum = await s.rec.stop();
    expect(sum.error).toBeUndefined();
    const { events } = openAll(s.spoolDir, s.keys);
    const json = JSON.stringify(events);
    expect(json).not.toContain("KeePass");
    expect(json).not.toContain("kdbx");
    expect(json).not.toContain("hunter");
    expect(typed(events)).toBe("before after");
    expect(events.filter((e) => e.kind === "marker" && e.name === "excluded")).toHaveLength(1);
    expect(events.some((e) => e.kind === "mouse_down")).toBe(false);
    expect(sum.status.excludedWindows).toBe(1);
  });

  it("a focus change reported after the first keys still excludes them (late news within the settle time)", async () => {
    const s = setup({ settleMs: 300 });
    await s.rec.start();
    s.win.focus(now(), 11, "XTerm", "work");
    const t0 = now();
    feed(s.kb, typeText("topsecret", t0 + 5));
    // the window source reports the switch 40 ms late, stamped with the time of the change
    await sleep(40);
    s.win.focus(t0, 13, "Bitwarden", "Bitwarden");
    await s.rec.stop();
    const { events } = openAll(s.spoolDir, s.keys);
    expect(typed(events)).toBe("");
    expect(JSON.stringify(events)).not.toContain("Bitwarden");
  });

  it("manifest scope: excluded titles and sites, allow mode", async () => {
    const m = testManifest({
      scope: { mode: "exclude", apps: ["Slack"], sites: [], titles: ["Salary"], useDefaultExclusions: true },
    });
    const s = setup({}, m);
    await s.rec.start();
    s.win.focus(now(), 21, "XTerm", "Salary review 2026");
    feed(s.kb, typeText("abc", now()));
    await sleep(10);
    s.win.focus(now(), 22, "Slack", "general");
    feed(s.kb, typeText("def", now()));
    await sleep(10);
    s.win.focus(now(), 23, "XTerm", "shell");
    feed(s.kb, typeText("ghi", now() + 80));
    await s.rec.stop();
    const { events } = openAll(s.spoolDir, s.keys);
    expect(typed(events)).toBe("ghi");
    expect(JSON.stringify(events)).not.toMatch(/Salary|Slack/);

    const allow = testManifest({
      scope: { mode: "allow", apps: ["XTerm"], sites: [], titles: [], useDefaultExclusions: true },
    });
    const a = setup({}, allow);
    await a.rec.start();
    feed(a.kb, typeText("before any window ", now()));
    a.win.focus(now(), 31, "Gedit", "draft");
    feed(a.kb, typeText("not in scope", now()));
    await sleep(10);
    a.win.focus(now(), 32, "XTerm", "shell");
    feed(a.kb, typeText("in scope", now() + 80));
    await a.rec.stop();
    const ae = openAll(a.spoolDir, a.keys).events;
    expect(typed(ae)).toBe("in scope");
    expect(JSON.stringify(ae)).not.toContain("Gedit");
  });

  it("password contexts: a sign-in window title, or a browser password field, drops the keys (Enter kept)", async () => {
    const s = setup();
    await s.rec.start();
    s.win.focus(
      now(),
      41,
      "Chromium",
      "Sign in - Example - Chromium",
      undefined,
      "https://example.com/signin",
    );
    feed(s.kb, typeText("CorrectHorse9\n", now()));
    await sleep(10);
    s.win.focus(now(), 42, "XTerm", "shell");
    feed(s.kb, typeText("ls", now() + 80));
    await s.rec.stop();
    const { events } = openAll(s.spoolDir, s.keys);
    expect(typed(events)).toBe("\nls");
    expect(events.filter((e) => e.kind === "marker" && e.name === "redacted:PASSWORD")).toHaveLength(1);
    expect(JSON.stringify(events)).not.toContain("Horse");

    // a browser source reporting a password field
    let notify: ((n: { t: number; password: boolean }) => void) | undefined;
    const b = setup({
      browser: {
        start: async (cb) => {
          notify = cb;
        },
        stop: async () => undefined,
      },
    });
    await b.rec.start();
    b.win.focus(now(), 51, "Chromium", "Example shop - Chromium", undefined, "https://shop.example.com/");
    feed(b.kb, typeText("user ", now()));
    await sleep(120);
    const tp = now();
    feed(b.kb, typeText("pa55word", tp + 2));
    notify!({ t: tp, password: true }); // reported a little late
    await sleep(10);
    notify!({ t: now(), password: false });
    feed(b.kb, typeText("back", now() + 80));
    await b.rec.stop();
    const be = openAll(b.spoolDir, b.keys).events;
    expect(typed(be)).toBe("user back");
    expect(be.filter((e) => e.kind === "marker" && e.name === "redacted:PASSWORD")).toHaveLength(1);
  });

  it("a browser window without a page address records nothing while site rules apply, and says so at start", async () => {
    const logs: string[] = [];
    const s = setup({ log: (m) => logs.push(m) });
    await s.rec.start();
    expect(logs.some((l) => /browser windows are not recorded/.test(l) && /--browser-cdp/.test(l))).toBe(
      true,
    );
    s.win.focus(now(), 61, "Chromium", "Dashboard - Chromium");
    feed(s.kb, typeText("meet at the bank", now()));
    await sleep(10);
    s.win.focus(now(), 62, "XTerm", "shell");
    feed(s.kb, typeText("ls", now() + 80));
    await s.rec.stop();
    const { events } = openAll(s.spoolDir, s.keys);
    expect(typed(events)).toBe("ls");
    expect(JSON.stringify(events)).not.toContain("Dashboard");

    // with a browser source that reports addresses: no notice, and the page is recorded
    const logs2: string[] = [];
    const b = setup({
      log: (m) => logs2.push(m),
      browser: {
        start: async () => undefined,
        stop: async () => undefined,
        url: () => "https://docs.example.org/",
      },
    });
    await b.rec.start();
    expect(logs2.some((l) => /browser windows are not recorded/.test(l))).toBe(false);
    b.win.focus(now(), 63, "Chromium", "Docs - Chromium", undefined, "https://docs.example.org/");
    feed(b.kb, typeText("hello", now()));
    await sleep(10);
    await b.rec.stop();
    expect(typed(openAll(b.spoolDir, b.keys).events)).toBe("hello");
  });

  it("a page that navigates to an excluded site within the same window (title unchanged) stops being recorded", async () => {
    let page = "https://docs.example.org/";
    let changed: (() => void) | undefined;
    const m = testManifest({
      scope: { mode: "exclude", apps: [], sites: ["mybank.example"], titles: [], useDefaultExclusions: true },
    });
    const s = setup(
      {
        browser: {
          start: async (_notice, onPageChange) => {
            changed = onPageChange;
          },
          stop: async () => undefined,
          url: () => page,
        },
      },
      m,
    );
    await s.rec.start();
    s.win.focus(now(), 71, "Chromium", "App - Chromium", undefined, page);
    feed(s.kb, typeText("notes ", now()));
    await sleep(150); // beyond the 60 ms in which a context change still applies to a key
    page = "https://mybank.example/accounts"; // a single-page app: the title stays "App - Chromium"
    changed!();
    await sleep(150); // beyond the 60 ms in which a context change still applies to a key
    feed(s.kb, typeText("transfer", now()));
    await sleep(150); // beyond the 60 ms in which a context change still applies to a key
    page = "https://docs.example.org/next";
    changed!();
    await sleep(150); // beyond the 60 ms in which a context change still applies to a key
    feed(s.kb, typeText(" back", now()));
    await sleep(10);
    await s.rec.stop();
    const { events } = openAll(s.spoolDir, s.keys);
    expect(typed(events)).toBe("notes  back");
    expect(JSON.stringify(events)).not.toContain("mybank");
  });

  it("the pause hotkey pauses and resumes; none of its keys, nor anything typed while paused, is kept", async () => {
    const s = setup();
    await s.rec.start();
    s.win.focus(now(), 11, "XTerm", "shell");
    const hot = (t: number): RawEvent[] => {
      const m = { ctrl: true, alt: true, shift: true };
      return [
        { kind: "key_down", t, code: 29, key: "ctrl", mods: { ctrl: true } },
        { kind: "key_down", t: t + 1, code: 56, key: "alt", mods: { ctrl: true, alt: true } },
        { kind: "key_down", t: t + 2, code: 42, key: "shift", mods: m },
        { kind: "key_down", t: t + 3, code: 25, key: "p", char: "P", mods: m },
        { kind: "key_up", t: t + 4, code: 25, key: "p", mods: m },
        { kind: "key_up", t: t + 5, code: 42, key: "shift", mods: { ctrl: true, alt: true } },
        { kind: "key_up", t: t + 6, code: 56, key: "alt", mods: { ctrl: true } },
        { kind: "key_up", t: t + 7, code: 29, key: "ctrl", mods: {} },
      ];
    };
    feed(s.kb, typeText("one ", now()));
    feed(s.kb, hot(now()));
    expect(s.rec.status().state).toBe("paused");
    feed(s.kb, typeText("private", now()));
    s.mouse.emit({ kind: "mouse_down", t: now(), x: 1, y: 1, button: "left" });
    feed(s.kb, hot(now()));
    expect(s.rec.status().state).toBe("recording");
    feed(s.kb, typeText("two", now() + 50));
    await s.rec.stop();
    const { events } = openAll(s.spoolDir, s.keys);
    expect(typed(events)).toBe("one two");
    const keys = events.filter((e) => e.kind === "key_down" || e.kind === "key_up") as { key: string }[];
    expect(keys.some((k) => ["ctrl", "alt", "shift", "p"].includes(k.key))).toBe(false);
    const markers = events.filter((e) => e.kind === "marker").map((e) => (e as { name: string }).name);
    expect(markers).toEqual(["pause", "resume"]);
    expect(events.some((e) => e.kind === "mouse_down")).toBe(false);
    // the window is re-announced after resume
    expect(events.filter((e) => e.kind === "focus")).toHaveLength(2);
  });

  it("window titles go through the engine; a level-4 title is removed", async () => {
    const s = setup();
    await s.rec.start();
    s.win.focus(now(), 61, "Thunderbird", "Re: invoice for jane.doe@example.com");
    await sleep(5);
    s.win.focus(now(), 62, "Gedit", "I was diagnosed with diabetes.txt");
    await s.rec.stop();
    const { events } = openAll(s.spoolDir, s.keys);
    const foc = events.filter((e) => e.kind === "focus") as { title?: string; app?: string }[];
    expect(foc[0]!.title).toBe(redact("Re: invoice for jane.doe@example.com", { channel: "title" }).redacted);
    expect(foc[0]!.title).not.toContain("jane");
    expect(foc[1]!.app).toBe("Gedit");
    expect(foc[1]!.title).toBeUndefined();
  });

  it("a colleague's name in a chat window's title, and the account in a terminal's, are masked", async () => {
    const s = setup();
    await s.rec.start();
    s.win.focus(now(), 63, "Slack", "Zorqual Vennik (DM) - Acme - Slack");
    await sleep(5);
    s.win.focus(now(), 64, "XTerm", "zvennik@laptop: ~/projects");
    await s.rec.stop();
    const foc = openAll(s.spoolDir, s.keys).events.filter((e) => e.kind === "focus") as { title?: string }[];
    expect(foc.map((f) => f.title)).toEqual([
      "[PERSON] (DM) - Acme - Slack",
      "[USERNAME]@laptop: ~/projects",
    ]);
  });

  it("fails closed when the privacy engine throws: recording stops with the reason, nothing unfiltered kept", async () => {
    let calls = 0;
    const s = setup({
      engine: {
        analyze: (t, o) => {
          if (++calls > 3) throw new Error("recognizer exploded");
          return analyze(t, o);
        },
        redact: (t, o) => redact(t, o),
      },
    });
    await s.rec.start();
    s.win.focus(now(), 11, "XTerm", "shell");
    for (let i = 0; i < 8; i++) {
      feed(s.kb, typeText(`word${i} card 4111111111111111`, now()));
      s.mouse.emit({ kind: "mouse_down", t: now(), x: 1, y: 1, button: "left" });
    }
    const sum = await s.rec.done;
    expect(sum.error?.message).toMatch(
      /privacy engine failed while filtering typed text \(Error: recognizer exploded\)/,
    );
    expect(sum.status.state).toBe("failed");
    const { events } = openAll(s.spoolDir, s.keys);
    expect(typed(events)).not.toContain("4111");
    // input after the failure is refused
    feed(s.kb, typeText("later", now()));
    expect(s.rec.status().events).toBe(sum.status.events);
  });

  it("seals bounded batches with increasing sequence numbers", async () => {
    const s = setup({ batch: { maxEvents: 100, maxAgeMs: 60_000 } });
    await s.rec.start();
    s.win.focus(now(), 11, "XTerm", "shell");
    const t0 = now();
    for (let i = 0; i < 450; i++) s.mouse.emit({ kind: "mouse_move", t: t0 + i * 0.01, x: i, y: i });
    await s.rec.stop();
    const { batches, events } = openAll(s.spoolDir, s.keys);
    expect(events.filter((e) => e.kind === "mouse_move")).toHaveLength(450);
    expect(batches.length).toBe(5);
    expect(batches.map((b) => b.header.seq)).toEqual([0, 1, 2, 3, 4]);
    expect(batches.every((b) => b.payload.events.length <= 100)).toBe(true);
    expect(new Set(batches.map((b) => b.header.batchId)).size).toBe(5);
  });

  it("a sensitivity cap below 3 removes titles with masked values; a newer required policy refuses to record", async () => {
    const s = setup({}, testManifest({ sensitivityCap: 2 }));
    await s.rec.start();
    s.win.focus(now(), 61, "Thunderbird", "Re: invoice for jane.doe@example.com");
    await sleep(5);
    s.win.focus(now(), 62, "Gedit", "plan.txt");
    await s.rec.stop();
    const foc = openAll(s.spoolDir, s.keys).events.filter((e) => e.kind === "focus") as { title?: string }[];
    expect(foc.map((f) => f.title)).toEqual([undefined, "plan.txt"]);

    const n = setup({}, testManifest({ privacyPolicyVersion: "2099-01-01.1" }));
    await expect(n.rec.start()).rejects.toThrow(/requires privacy policy 2099-01-01.1 or newer/);
    expect(policyVersionProblem("1", "2026-11-29.1")).toBeUndefined();
    expect(policyVersionProblem("2026-11-01.3", "2026-11-29.1")).toBeUndefined();
    expect(policyVersionProblem("2.0.0", "1.9.9")).toMatch(/update the recorder/);
  });

  it("refuses to start a source the manifest does not collect", async () => {
    const m = testManifest({ channels: ["mouse", "window"] });
    const s = setup({}, m);
    await expect(s.rec.start()).rejects.toThrow(
      /refusing to start the keyboard source: manifest test v1 does not collect keyboard/,
    );
  });
});
