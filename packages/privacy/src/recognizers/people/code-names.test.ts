import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codeNames } from "./code-names.js";
import { redact } from "../../engine.js";

const found = (text: string) =>
  codeNames
    .detect({ text, lower: text.toLowerCase(), channel: "typed" })
    .map((d) => text.slice(d.start, d.end));

// invented names that no list holds (fixtures are fake by construction)
describe("people in the code a developer types", () => {
  it("a person's key or keyword argument, in any language of code", () => {
    expect(found("const user = { name: 'Zorvan Keltrude', email: 'z@example.com' };")).toEqual([
      "Zorvan Keltrude",
    ]);
    expect(found("SELECT * FROM customers WHERE full_name = 'Zorvan Keltrude';")).toEqual([
      "Zorvan Keltrude",
    ]);
    expect(found('assignee = "Marvesh Quillon"')).toEqual(["Marvesh Quillon"]);
    expect(found('{"customer": {"name": "Marvesh", "address": "1 Example Road"}}')).toEqual(["Marvesh"]);
    expect(found('contact = Contact(name="Zorvan Keltrude", phone="555")')).toEqual(["Zorvan Keltrude"]);
    expect(found("$user->name = 'Zorvan Keltrude';")).toEqual(["Zorvan Keltrude"]);
    expect(found('GIT_AUTHOR_NAME="Zorvan Keltrude"')).toEqual(["Zorvan Keltrude"]);
    expect(found('"assignee": {"displayName": "Zorvan Keltrude"},')).toEqual(["Zorvan Keltrude"]);
    expect(found("const klant = { naam: 'Zorvan Keltrude' };")).toEqual(["Zorvan Keltrude"]);
    // written in lower case, under a key that says a person
    expect(found("update employees set manager = 'zorvan' where id = 42;")).toEqual(["zorvan"]);
  });

  it("setters, assertions about a name, lists of people and SQL's VALUES", () => {
    expect(found('user.setName("Zorvan Keltrude");')).toEqual(["Zorvan Keltrude"]);
    expect(found('customer.setFullName("Zorvan Keltrude");')).toEqual(["Zorvan Keltrude"]);
    expect(found('expect(getDisplayName(user)).toBe("Zorvan");')).toEqual(["Zorvan"]);
    expect(found('assert.equal(formatName(user), "Zorvan Keltrude");')).toEqual(["Zorvan Keltrude"]);
    expect(found("reviewers: ['Zorvan Keltrude', 'Marvesh']")).toEqual(["Zorvan Keltrude", "Marvesh"]);
    expect(found("INSERT INTO patients (name, phone) VALUES ('Zorvan Keltrude', '555-0100');")).toEqual([
      "Zorvan Keltrude",
    ]);
    // the column at the literal's place decides: the second value is a phone's
    expect(found("INSERT INTO patients (phone, name) VALUES ('Zorvan', 'Marvesh Quillon');")).toEqual([
      "Marvesh Quillon",
    ]);
  });

  it("names of things under a bare `name` stay: events, errors, packages, anchors, placeholders", () => {
    expect(found("event.name = 'CursorNotify';")).toEqual([]);
    expect(found("t.assert.equal(err.name, 'FastifyError')")).toEqual([]);
    expect(found('name: "build-and-test"')).toEqual([]);
    expect(found('Name = "Release Build"')).toEqual([]);
    expect(found('<a name="supported-methods"></a>')).toEqual([]);
    expect(found("cargo.push({name: 'baz'});")).toEqual([]);
    expect(found("{ name: 'largearrays' }")).toEqual([]);
    // a key of a form's person that names something else in code
    expect(found("constraints: { host: 'auth.example.test' }")).toEqual([]);
    expect(found("reporter: 'Spec'")).toEqual([]);
    // a key with no person in it, a literal with no key, prose with quotes
    expect(found("const label = 'Zorvan Keltrude';")).toEqual([]);
    expect(found("log('Zorvan Keltrude')")).toEqual([]);
    expect(found('He said "Zorvan is here" and left.')).toEqual([]);
    expect(found("don't 'name' me")).toEqual([]);
  });

  it("the engine masks them and leaves the code around them readable", () => {
    const r = redact("const user = { name: 'Zorvan Keltrude', retries: 3 };");
    expect(r.redacted).toBe("const user = { name: '[PERSON]', retries: 3 };");
  });

  it("reads any text in bounded time and returns spans inside it", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("'", '"', "`", "a", "Z", " ", ":", "=", "(", ",", "[", "\n") }),
        (t) => {
          for (const d of codeNames.detect({ text: t, lower: t.toLowerCase(), channel: "typed" })) {
            expect(d.start).toBeGreaterThan(0);
            expect(d.end).toBeLessThan(t.length);
            expect(d.end).toBeGreaterThan(d.start);
          }
        },
      ),
    );
    const long = "name: '" + "x".repeat(200_000) + "'" + " = '".repeat(50_000);
    const t0 = performance.now();
    codeNames.detect({ text: long, lower: long, channel: "typed" });
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
