import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { geoCoordinates } from "./geo.js";

const found = (text: string) =>
  geoCoordinates
    .detect({ text, lower: text.toLowerCase(), channel: "typed" })
    .map((d) => text.slice(d.start, d.end));

describe("geographic coordinates", () => {
  it("a latitude and a longitude precise enough to point at a house, in the forms maps copy", () => {
    expect(found("I'm at 52.520008, 13.404954 now")).toEqual(["52.520008, 13.404954"]);
    expect(found("coords: 40.7128° N, 74.0060° W")).toEqual(["40.7128° N, 74.0060° W"]);
    expect(found("pin: -33.8688, 151.2093")).toEqual(["-33.8688, 151.2093"]);
    expect(found(`52°31'12.0"N 13°24'17.8"E`)).toEqual([`52°31'12.0"N 13°24'17.8"E`]);
    expect(found("lat=37.7749&lon=-122.4194")).toEqual(["37.7749", "-122.4194"]);
    expect(found('{"latitude": 37.77493, "longitude": -122.41942}')).toEqual(["37.77493", "-122.41942"]);
    expect(found("https://www.google.com/maps/@52.5200066,13.404954,15z")).toEqual(["52.5200066,13.404954"]);
  });

  it("leaves a city's rough coordinates, out-of-range pairs, versions and tables of measurements alone", () => {
    expect(found("the city is at 52.52, 13.40")).toEqual([]);
    expect(found("values 95.12345, 13.40495")).toEqual([]); // latitude beyond 90
    expect(found("p = 0.01234, 0.04567")).toEqual([]); // the Gulf of Guinea's 0,0 is no one's home
    expect(found("results: 1.2345 2.3456 3.4567")).toEqual([]);
    expect(found("version 1.2345, 2.3456")).toEqual([]);
    expect(found("1.2.3.4, 5.6.7.8")).toEqual([]);
  });

  it("finds every pair in range with six decimals, whatever the numbers (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -89_999_999, max: 89_999_999 }),
        fc.integer({ min: -179_999_999, max: 179_999_999 }),
        (a, b) => {
          const lat = (a / 1e6).toFixed(6);
          const lon = (b / 1e6).toFixed(6);
          if (Math.abs(+lat) < 1 && Math.abs(+lon) < 1) return;
          expect(found(`we met at ${lat}, ${lon} yesterday`)).toEqual([`${lat}, ${lon}`]);
        },
      ),
    );
  });
});
