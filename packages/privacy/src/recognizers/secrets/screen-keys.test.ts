import { describe, expect, it } from "vitest";
import { redact } from "../../engine.js";
import type { Channel } from "../../types.js";
import { screenKeys } from "./screen-keys.js";

const found = (text: string, channel: Channel = "ocr") =>
  screenKeys.detect({ text, lower: text.toLowerCase(), channel }).map((d) => text.slice(d.start, d.end));

// (every value is invented; the misreadings are ones real Tesseract made in `npm run bench -- ocr`)
describe("keys on a screen whose label OCR garbled or whose value it split", () => {
  it.each([
    ["‘export AWS_SECRET_ACCESS. KE! \\KIABFAKEV2DOMU65RQ", "KIABFAKEV2DOMU65RQ"],
    ["‘export AWS_SECRET_ACCESS. KE! IL 7aSBFAKEA3X7UII4pZWauPGVHP21", "7aSBFAKEA3X7UII4pZWauPGVHP21"],
    ["export AWS_SECRET_ACCESS KEY= KIAVFAKEJAGAJHXDSQS", "KIAVFAKEJAGAJHXDSQS"],
    ["‘export AWS_SECRET_ACCESS_KE! ‘uGugee WdSbnwFaKe QpUwghSGFCVIG", "uGugee WdSbnwFaKe QpUwghSGFCVIG"],
    ["AWS key TKRpC48FAKEiEGBXERL 14sDefceUsan3z", "TKRpC48FAKEiEGBXERL 14sDefceUsan3z"],
    ["AWS key Tj fr8irLV49iJFAKE7IhfLIgvuhUZw6hP.", "fr8irLV49iJFAKE7IhfLIgvuhUZw6hP"],
    ["AWS key AKIAFAKEFTL4PVIABTW", "AKIAFAKEFTL4PVIABTW"],
    ["a |_key =kytdqNtiRoe2)hdPhFaKeKIOES:2qu", "kytdqNtiRoe2)hdPhFaKeKIOES:2qu"],
    ["a |_key ~PMhsakxrkw6cC}VpIGbFaKe32Ix47w4", "PMhsakxrkw6cC}VpIGbFaKe32Ix47w4"],
    ["a |_key ~E4FSH677MaZkIHgerQtsFaKeCxx¥KawD", "E4FSH677MaZkIHgerQtsFaKeCxx¥KawD"],
    // split by a stray letter, cut at its end, a key id in two runs of capitals
    ["export AWS SECRET ACCESS KEY=LOdMqC9IbgFaKef j CQWq5wGFeliud4Fd", "LOdMqC9IbgFaKef j CQWq5wGFeliud4Fd"],
    ["AWS key AKIAVT74FAKEB43C CDN", "AKIAVT74FAKEB43C CDN"],
    ["token: AKIAXGF JB6FAKEAYPEDX", "AKIAXGF JB6FAKEAYPEDX"],
  ])("%s", (text, value) => {
    expect(found(text)).toEqual([value]);
  });

  it.each([
    "API key settings",
    "Token expires in 30 days",
    "Secret Santa 2024 Party",
    "Password Manager Settings",
    "Primary key user_id2 integer NOT NULL",
    "Your API key is ready: click Show to reveal",
    "Token usage: GPT4Turbo 1200 tokens",
    "Keyboard shortcuts Ctrl+Shift+P2 and Ctrl+Alt+T",
    "AWS key xxxxxxxxxxxxxxxxxxxx",
    "API key ****************1234",
    "export API_TOKEN= ABCDEFGHIJKLMNOPQRST",
    "TOKEN EXPIRED PLEASE LOGIN AGAIN",
    "Secret: ABCD EFGH IJKL MNOP",
  ])("leaves a screen's words alone: %s", (text) => {
    expect(found(text)).toEqual([]);
  });

  it("reads the ocr channel only: typed text is what was typed", () => {
    expect(screenKeys.channels).toEqual(["ocr"]);
    const text = "AWS key TKRpC48FAKEiEGBXERL 14sDefceUsan3z";
    expect(redact(text, { channel: "ocr" }).redacted).toBe("AWS key [SECRET]");
    expect(redact(text, { channel: "typed" }).redacted).not.toContain("[SECRET]");
  });

  it("stops at the end of the label's line", () => {
    expect(found("AWS_SECRET_ACCESS_KEY=\nTKRpC48FAKEiEGBXERL")).toEqual([]);
  });
});
