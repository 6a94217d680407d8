import { describe, expect, it } from "vitest";
import { labelledIds } from "./labelled-ids.js";

const found = (text: string) =>
  labelledIds
    .detect({ text, lower: text.toLowerCase(), channel: "typed" })
    .map((d) => `${d.type}:${text.slice(d.start, d.end)}`);

describe("vehicle and staff numbers after their labels", () => {
  it("licence plates and vehicle identification numbers", () => {
    expect(found("my plate is QX12 ZVB in the car park")).toEqual(["VEHICLE_ID:QX12 ZVB"]);
    expect(found("license plate 7QXZ123")).toEqual(["VEHICLE_ID:7QXZ123"]);
    expect(found("Kennzeichen: B-QX 1234")).toEqual(["VEHICLE_ID:B-QX 1234"]);
    expect(found("plaque d'immatriculation QX-123-ZV")).toEqual(["VEHICLE_ID:QX-123-ZV"]);
    expect(found("my VIN is 1ZXWV82633A004352")).toEqual(["VEHICLE_ID:1ZXWV82633A004352"]);
  });

  it("staff numbers", () => {
    expect(found("employee id: E104392")).toEqual(["EMPLOYEE_ID:E104392"]);
    expect(found("badge #48213 lost")).toEqual(["EMPLOYEE_ID:48213"]);
    expect(found("Personalnummer 004711")).toEqual(["EMPLOYEE_ID:004711"]);
  });

  it("leaves the labels' other meanings alone", () => {
    expect(found("the plate was hot, registration 2019 opened")).toEqual([]);
    expect(found("badge 2019 edition for employees 2024")).toEqual([]);
    expect(found("staff meeting at 10:30")).toEqual([]);
    expect(found("a VIN of 17 characters")).toEqual([]);
  });
});
