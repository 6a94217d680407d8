/**
 * Geographic coordinates precise enough to point at a house (LOCATION, level 3): a latitude and a longitude with
 * four decimals or more (about 11 m), as maps and phones copy them ("52.520008, 13.404954", "40.7128° N, 74.0060° W",
 * "lat=37.77493&lon=-122.41942", `"latitude": 37.77493`), or in degrees, minutes and seconds ("52°31'12.0"N
 * 13°24'17.8"E"). A person's coordinates say where they live or are. The latitude must be within ±90 and the
 * longitude within ±180; fewer decimals (a city's "52.52, 13.40") and version-like numbers are left alone.
 */
import type { Detection, Recognizer } from "../../types.js";
import { NO_DETECTIONS, results } from "../results.js";

const ID = "geo-coordinates";
const OUT: Detection[] = [];

/** A decimal latitude, an optional hemisphere, a separator, a decimal longitude and its hemisphere. */
const DECIMAL_PAIR_RE =
  /(?<![\d.])([-+]?\d{1,2}\.(\d{4,12}))\s?°?\s?(?:([NSns])(?![A-Za-z]))?\s{0,2}([,;/ ])\s{0,2}([-+]?\d{1,3}\.(\d{4,12}))\s?°?\s?(?:([EWew])(?![A-Za-z]))?(?![\d.])/g;
/** Words that say a pair of numbers is a place: "gps", "coordinates", "location", "lat/long", a map. */
const PLACE_WORDS = /(?:gps|coord|location|loc|position|lat|long|map|pin|where|here|at|@)\W{0,3}$/i;
/** Degrees, minutes and seconds, twice, each with its hemisphere: 52°31'12.0"N 13°24'17.8"E. */
const DMS_PAIR_RE =
  /(?<!\d)\d{1,2}°\s?\d{1,2}['′’]\s?\d{1,2}(?:[.,]\d{1,4})?["″”]\s?[NS][\s,]{0,3}\d{1,3}°\s?\d{1,2}['′’]\s?\d{1,2}(?:[.,]\d{1,4})?["″”]\s?[EW](?![A-Za-z])/g;
/** One coordinate named by its key: lat=…, "longitude": …, lng: … (three decimals or more). */
const KEYED_RE =
  /\b(?:lat|latitude|lng|lon|long|longitude)["']?\s{0,2}[:=]\s{0,2}["']?([-+]?\d{1,3}\.\d{3,12})(?![\d.])/gi;

/**
 * Coordinates in typed, pasted and seen text, and in URLs' parts that other rules leave (a map's path).
 * @example geoCoordinates.detect({ text: "I'm at 52.520008, 13.404954", lower: "i'm at 52.520008, 13.404954", channel: "typed" })[0].start // 7
 */
export const geoCoordinates: Recognizer = {
  id: ID,
  types: ["LOCATION"],
  triggers: { text: [".", "°"] },
  detect(input) {
    const { text } = input;
    const out = OUT;
    if (out.length !== 0) out.length = 0;
    if (!/\d\.\d{3}|°/.test(text)) return NO_DETECTIONS;
    DECIMAL_PAIR_RE.lastIndex = 0;
    for (let m; (m = DECIMAL_PAIR_RE.exec(text)) !== null;) {
      const lat = Number(m[1]);
      const lon = Number(m[5]);
      if (Math.abs(lat) > 90 || Math.abs(lon) > 180 || (Math.abs(lat) < 1 && Math.abs(lon) < 1)) continue;
      // with hemispheres both or neither ("40.7128° N, 74.0060° W")
      const hemispheres = m[3] !== undefined;
      if (hemispheres !== (m[7] !== undefined)) continue;
      // without them, a pair of measurements in a table looks the same: a comma between, five decimals as a map
      // copies them, or words before that name a place
      if (!hemispheres) {
        const comma = m[4] !== " ";
        const precise = m[2]!.length >= 5 && m[6]!.length >= 5;
        const named = PLACE_WORDS.test(text.slice(Math.max(0, m.index - 30), m.index));
        if (!(comma && (precise || named))) continue;
      }
      out.push(det(m.index, m.index + m[0].trimEnd().length));
    }
    DMS_PAIR_RE.lastIndex = 0;
    for (let m; (m = DMS_PAIR_RE.exec(text)) !== null;) out.push(det(m.index, m.index + m[0].length));
    KEYED_RE.lastIndex = 0;
    for (let m; (m = KEYED_RE.exec(text)) !== null;) {
      const v = m[1]!;
      const at = m.index + m[0].length - v.length;
      out.push(det(at, at + v.length));
    }
    return results(out);
  },
};

function det(start: number, end: number): Detection {
  return { start, end, type: "LOCATION", score: 0.8, level: 3, recognizer: ID };
}
