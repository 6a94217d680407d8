/**
 * Places inside a site that a delivery or a letter is sent to: "Deliver to: Reception, Building 2" names a desk, not
 * where someone lives, and "Mailroom" there is no person. (Not "suite", "unit", "apt", "block" or "tower": postal
 * addresses hold those.)
 */
import { WordTable } from "./words.js";

// prettier-ignore
export const IN_HOUSE_WORDS = [
  "reception", "desk", "mailroom", "postroom", "lobby", "building", "bldg", "floor", "level", "dock", "warehouse",
  "dept", "dept.", "department", "office", "room", "canteen", "cafeteria", "kitchen", "security", "gatehouse",
  "storeroom", "stockroom", "wing", "site", "campus", "hq", "headquarters", "team", "helpdesk",
  "empfang", "rezeption", "poststelle", "gebäude", "etage", "stockwerk", "raum", "büro", "lager", "abteilung", "pforte",
  "accueil", "réception", "bâtiment", "étage", "bureau", "salle", "entrepôt",
  "recepción", "edificio", "planta", "oficina", "almacén", "almacen",
  "piano", "ufficio", "magazzino", "portineria",
  "receptie", "balie", "gebouw", "verdieping", "kantoor", "magazijn", "postkamer",
  // a hotel's or a ward's room ("Gast: X, Kamer 412", "Ospite: X, Camera 12")
  "zimmer", "kamer", "chambre", "habitación", "habitacion", "camera", "stanza", "ward", "station",
];

/**
 * The in-house places, lower case.
 * @example IN_HOUSE.getRange("mailroom", 0, 8) // 1
 */
export const IN_HOUSE = new WordTable(IN_HOUSE_WORDS.map((w) => [w, 1] as const));

/** Most words of one part of an in-house value ("Loading dock 4", "Main office, 2nd floor"). */
const PART_WORDS = 4;
const PART_SPLIT = /[,;/]/;
const WORD_SPLIT = /[\s-]+/;

/**
 * Every part of `value` (between commas, semicolons or slashes) is a place inside a site: a few words holding an
 * in-house word. A part that names a person or a street keeps the value an address.
 * @example inHouseOnly("Reception, Building 2") // true
 * @example inHouseOnly("Anna Berg, Building 2") // false
 */
export function inHouseOnly(value: string): boolean {
  for (const part of value.toLowerCase().split(PART_SPLIT)) {
    const words = part.split(WORD_SPLIT).filter(Boolean);
    if (words.length === 0) continue;
    if (words.length > PART_WORDS || !words.some((w) => IN_HOUSE.getRange(w, 0, w.length) !== 0))
      return false;
  }
  return true;
}
