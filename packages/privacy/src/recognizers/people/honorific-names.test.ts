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
  it("Chinese: a name after greetings, thanks, labels and 'send to', or before 说 at a clause's start", () => {
    expect(found("你好，王芳！明天见。")).toEqual(["王芳"]);
    expect(found("请把合同发给李娜，谢谢。")).toEqual(["李娜"]);
    expect(found("联系人：刘洋，电话见下")).toEqual(["刘洋"]);
    expect(found("张伟说办公室搬了")).toEqual(["张伟"]);
    // words that start with a family name's character, and a name inside a clause, are left
    expect(found("明天说吧")).toEqual([]);
    expect(found("马上说")).toEqual([]);
    expect(found("谢谢大家")).toEqual([]);
    expect(found("你好，世界")).toEqual([]);
  });
  it("names on forms, and before the particles of Japanese and Korean sentences", () => {
    expect(found("担当：小出辰雄（03-1234-5678）")).toEqual(["小出辰雄"]);
    expect(found("담당자: 방윤찬")).toEqual(["방윤찬"]);
    expect(found("聯絡人：夏，電話見下")).toEqual(["夏"]);
    expect(found("広田優から電話がありました。")).toEqual(["広田優"]);
    expect(found("明日野中英樹と駅で会います。")).toEqual(["野中英樹"]);
    expect(found("강윤서이 사무실이 이사했다고 했어요.")).toEqual(["강윤서"]);
    expect(found("어제 용호진랑 점심 먹었어.")).toEqual(["용호진"]);
    expect(found("我是谭雪的同事")).toEqual(["谭雪"]);
    expect(found("你好，夏侯昊天！")).toEqual(["夏侯昊天"]);
    expect(found("告诉王芳明天开会")).toEqual(["王芳"]);
    expect(found("遠藤あゆみさん、お疲れ様です。")).toEqual(["遠藤あゆみ"]);
    expect(found("あゆみさん、お疲れ様です。")).toEqual(["あゆみ"]);
    expect(found("戴航，你的快递到了。")).toEqual(["戴航"]);
    expect(found("跟葛健柏约了下午三点")).toEqual(["葛健柏"]);
    expect(found("好的，你说吧")).toEqual([]);
    expect(found("谢谢，你真好")).toEqual([]);
    // places and words before the same particles are none
    expect(found("東京と大阪に行きます")).toEqual([]);
    expect(found("이야기를 들었어요")).toEqual([]);
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
  it("names in these scripts inside a text written in Latin letters, when a word of them is a listed name", () => {
    expect(found("please send it to the account of 王伟 today")).toEqual(["王伟"]);
    expect(found("洋子 竹下 and the team are meeting at noon")).toEqual(["洋子 竹下"]);
    expect(found("hey, it's 百花 x. 渡辺, call me back later")).toEqual(["百花 x. 渡辺"]);
    expect(found("윤재 서 and the others are meeting at noon")).toEqual(["윤재 서"]);
    // words of these languages that are no names, a lone syllable that is a word too, and text mostly in them
    expect(found("I really love 寿司 and 김치 for dinner")).toEqual([]);
    expect(found("이 사람 is my friend from school")).toEqual([]);
    expect(found("王先生は来ます")).toEqual(["王"]);
  });
  it("a name in these scripts after a form's label, however short the Latin text", () => {
    expect(found("Name: 明軒")).toEqual(["明軒"]);
    expect(found("Insured: 鶴軒")).toEqual(["鶴軒"]);
    expect(found("Executor of the estate: 燁磊")).toEqual(["燁磊"]);
    // no label, or a place's: nothing
    expect(found("OK: 明天见")).toEqual([]);
    expect(found("Address of the office: 北京")).toEqual([]);
  });

  it("unlisted names in those scripts where English puts a name: after a greeting or label, before 'said'", () => {
    expect(found("Hi 宇泽, the parcel is here")).toEqual(["宇泽"]);
    expect(found("ok so 立軒 said the office moved")).toEqual(["立軒"]);
    expect(found("Emergency contact: 丽芳, call any time")).toEqual(["丽芳"]);
    expect(found("hi 丽, the parcel is here")).toEqual(["丽"]);
    // a label or role, and asking after someone
    expect(found("Owner: 健雄\nStatus: in review")).toEqual(["健雄"]);
    expect(found("Can you loop in 鶴軒 on this thread?")).toEqual(["鶴軒"]);
    expect(found("Who is 民? They keep emailing me")).toEqual(["民"]);
    expect(found("the driver 中文 support is broken")).toEqual([]);
    // a short sign-off
    expect(found("Signed, 擎蒼 朱")).toEqual(["擎蒼 朱"]);
    expect(found("Signed, مخلي ليفة")).toEqual(["مخلي ليفة"]);
    expect(found("ok 中文")).toEqual([]);
    // no cue, or a lone character with none
    expect(found("we ordered 拉面 for the whole team")).toEqual([]);
    expect(found("the password is 文 for everyone")).toEqual([]);
  });
  it("Thai names inside Latin text, only where English puts a name (there is no Thai list)", () => {
    expect(found("Hi สมชาย, the parcel is here")).toEqual(["สมชาย"]);
    expect(found("ok so สมชาย ใจดี said the office moved")).toEqual(["สมชาย ใจดี"]);
    expect(found("we ate ผัดไทย for lunch today")).toEqual([]);
  });

  it("Chinese given names inside an English sentence where a person stands, not after words of things", () => {
    expect(found("Tenant 明軒 paid rent into it")).toEqual(["明軒"]);
    expect(found("I'm covering for 鶴軒 this week")).toEqual(["鶴軒"]);
    expect(found("睿渊 is out sick today")).toEqual(["睿渊"]);
    expect(found("we ate the 火锅 last night")).toEqual([]);
    expect(found("the word 中文 means Chinese")).toEqual([]);
  });

  it("Arabic, Persian and Hebrew names inside Latin text, only where English puts a name", () => {
    expect(found("pls wire it to me (account of أنسيف أمود)")).toEqual(["أنسيف أمود"]);
    expect(found("thanks گلبری Q. مهیر! I'll drop it at the office")).toEqual(["گلبری Q. مهیر"]);
    expect(found("Ask מואל סיוניבי about the server")).toEqual(["מואל סיוניבי"]);
    expect(found("Emergency contact: پدرامرث, call any time")).toEqual(["پدرامرث"]);
    expect(found("the word سلام means peace, and so does שלום")).toEqual([]);
  });
});
