import type { Recognizer } from "../../types.js";
import { email } from "./email.js";
import { geoCoordinates } from "./geo.js";
import { ipAddress } from "./ip.js";
import { macAddress } from "./mac.js";
import { phone } from "./phone.js";
import { url } from "./url.js";

/**
 * Recognizers of the 'contact' group (e-mail, phone, typed digit runs) and of network identifiers
 * (URL parts, IP and MAC addresses), registered in ../index.ts.
 */
export const CONTACT_RECOGNIZERS: readonly Recognizer[] = [
  email,
  phone,
  url,
  ipAddress,
  macAddress,
  geoCoordinates,
];
