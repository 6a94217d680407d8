import { describe, expect, it } from "vitest";
import { honorificNames } from "./honorific-names.js";

const found = (text: string) =>
  honorificNames
    .detect({ text, lower: text.toLowerCase(), channel: "typed" })
    .filter((d) => d.score >= 0.5)
    .map((d) => text.slice(d.start, d.end));

describe("names in Chinese, Japanese and Korean, by the honorific after them", () => {
  it("Japanese: a family name (and a given name) before さん, 様, 先生…", () => {
    expect(found("田中さんに聞いてください")).toEqual(["田中"]);
    expect(found("昨日田中さんと会った")).toEqual(["田中"]);
    expect(found("山田太郎様へ")).toEqual(["山田太郎"]);
    expect(found("Please ask 田中さん about it")).toEqual(["田中"]);
  });
  it("Chinese: a family name and a given name before 先生, 女士, 老师, or after 我叫", () => {
    expect(found("我见了王伟先生")).toEqual(["王伟"]);
    expect(found("张老师好")).toEqual(["张"]);
    expect(found("我叫王伟。")).toEqual(["王伟"]);
  });
  it("Korean: a family name and a given name before 씨 or 님, particles after it", () => {
    expect(found("김민준 씨에게 연락하세요")).toEqual(["김민준"]);
    expect(found("민서님 안녕하세요")).toEqual(["민서"]);
    expect(found("김 씨가 왔어요")).toEqual(["김"]);
  });
  it("honorifics after words that are no names", () => {
    for (const t of [
      "お疲れ様です",
      "皆さん、こんにちは",
      "お母さんが来た",
      "这位先生请坐",
      "我是学生",
      "선생님 감사합니다",
      "고객님 감사합니다",
      "손님이 오셨어요",
      "하나님 감사합니다",
      "씨앗을 심었다",
      "no CJK at all, Mr. Tanaka",
    ])
      expect(found(t)).toEqual([]);
  });
});
