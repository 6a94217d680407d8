import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { redact } from "../../engine.js";
import type { Channel } from "../../types.js";
import { nameAt, screenNames } from "./screen-names.js";

// invented names that no list holds: only where the screen puts them can find them
const found = (text: string, channel: Channel) =>
  screenNames.detect({ text, lower: text.toLowerCase(), channel }).map((d) => text.slice(d.start, d.end));

describe("names in window titles", () => {
  it("the conversation's part of a chat, mail or meeting app's title", () => {
    expect(found("Zorqual Vennik | Microsoft Teams", "title")).toEqual(["Zorqual Vennik"]);
    expect(found("Chat | Zorqual Vennik | Microsoft Teams", "title")).toEqual(["Zorqual Vennik"]);
    expect(found("Dureildne (DM) - Acme Corp - Slack", "title")).toEqual(["Dureildne"]);
    expect(found("Dureildne (DM) - Zentrix - Slack", "title")).toEqual(["Dureildne"]);
    expect(found("RE: Contract renewal - Dureildne - Outlook", "title")).toEqual(["Dureildne"]);
    expect(found("Message from Zorqual Vennik - Gmail - Chromium", "title")).toEqual(["Zorqual Vennik"]);
    expect(found("Meeting with Zorqual Vennik and Ilsa Prenn - Zoom", "title")).toEqual([
      "Zorqual Vennik",
      "Ilsa Prenn",
    ]);
    // a name that is a word too, where the app puts a person
    expect(found("Grace | LinkedIn", "title")).toEqual(["Grace"]);
  });
  it("the app first and the workspace last; an account's owner; a document about a person", () => {
    expect(found("Slack | Dureildne | Acme", "title")).toEqual(["Dureildne"]);
    expect(found("Mail - Zorqual Vennik - Outlook", "title")).toEqual(["Zorqual Vennik"]);
    expect(found("Zoom Meeting - Dureildne's Personal Meeting Room", "title")).toEqual(["Dureildne"]);
    expect(found("Offer Letter - Dureildne - Google Docs", "title")).toEqual(["Dureildne"]);
    expect(found("Assignment 3 - Dureildne - Moodle", "title")).toEqual(["Dureildne"]);
    expect(found("Grades - Dureildne Quavel - Canvas", "title")).toEqual(["Dureildne Quavel"]);
    expect(found("Assignment 3 - Week 5 - Moodle", "title")).toEqual([]);
    // a claim's or a booking's file about its party, a trip's booking (the trip names a place)
    expect(found("Claim 55-10293 - Dureildne - Guidewire", "title")).toEqual(["Dureildne"]);
    expect(found("Booking QX7R2P - Dureildne - Lufthansa", "title")).toEqual(["Dureildne"]);
    expect(found("Trip to Lisbon - Dureildne - Booking.com", "title")).toEqual(["Dureildne"]);
    expect(found("Trip to Lisbon - Reservations - Booking.com", "title")).toEqual([]);
    expect(found("Resume Zorqual Vennik.odt - LibreOffice Writer", "title")).toEqual(["Zorqual Vennik"]);
    // an unknown word beside a document that is about no one
    expect(found("Roadmap - Zentrix - Google Docs", "title")).toEqual([]);
    // Georgian writes without case
    expect(found("Mail - ლენა - Outlook", "title")).toEqual(["ლენა"]);
  });
  it("an owner, or a person after 'for', 'with', 'from' in any app's title", () => {
    expect(found("Zorqual's 1:1 notes - Google Docs", "title")).toEqual(["Zorqual"]);
    expect(found("Invoice for Zorqual Vennik.pdf - Document Viewer", "title")).toEqual(["Zorqual Vennik"]);
    // a word that is a name too is the word here
    expect(found("Invoice for Grace.pdf - Document Viewer", "title")).toEqual([]);
  });
  it("the people of a one-to-one, a file name joined by underscores, an expense report's owner", () => {
    expect(found("1:1 Dureildne / Zorqual Vennik - Notion", "title")).toEqual([
      "Dureildne",
      "Zorqual Vennik",
    ]);
    expect(found("Timesheet_Zorqual_Vennik_March.xlsx - Excel", "title")).toEqual(["Zorqual_Vennik"]);
    expect(found("Dureildne_Resume.pdf - Document Viewer", "title")).toEqual(["Dureildne"]);
    expect(found("Expense report - Zorqual Vennik - SAP Concur", "title")).toEqual(["Zorqual Vennik"]);
    // no person: a forecast's file, an organisation's invoice, a one-to-one of teams' names that are words
    expect(found("Budget_Forecast_March.xlsx - Excel", "title")).toEqual([]);
    expect(found("Invoice_Zentrix_Corp.pdf - Document Viewer", "title")).toEqual([]);
    expect(found("1:1 Sales / Marketing - Notion", "title")).toEqual([]);
  });
  it("no name in the titles of ordinary work, channels, folders or organisations", () => {
    expect(found("Settings - Visual Studio Code", "title")).toEqual([]);
    expect(found("Quarterly Report.xlsx - Excel", "title")).toEqual([]);
    expect(found("General | Engineering | Microsoft Teams", "title")).toEqual([]);
    expect(found("Inbox (3) - Gmail", "title")).toEqual([]);
    expect(found("Calendar - Week of 3 March - Outlook", "title")).toEqual([]);
    expect(found("Budget for Marketing - Google Sheets", "title")).toEqual([]);
    expect(found("ACME - Slack", "title")).toEqual([]);
  });
});

describe("names in the text OCR reads off a window", () => {
  it("a chat's rows: the name before the time", () => {
    expect(
      found("Zorqual Vennik  10:42 AM\nsure, send it over\nIlsa Prenn  10:43 AM\nthanks!", "ocr"),
    ).toEqual(["Zorqual Vennik", "Ilsa Prenn"]);
  });
  it("lists of people under their header, with roles in brackets", () => {
    expect(found("Participants (3)\nZorqual Vennik (Host)\nDureildne\nMe", "ocr")).toEqual([
      "Zorqual Vennik",
      "Dureildne",
    ]);
    expect(found("Search\nRecent\nDureildne\nYou: see you then\nIlsa Prenn\nTyping…", "ocr")).toEqual([
      "Dureildne",
      "Ilsa Prenn",
    ]);
    expect(found("Missed call\nDureildne\n+44 20 7946 0958\nYesterday", "ocr")).toEqual(["Dureildne"]);
  });
  it("a field beside its label with a column's gap, and a contact card's first line", () => {
    expect(found("Assignee  Zorqual Vennik\nReporter  Dureildne\nPriority  High", "ocr")).toEqual([
      "Zorqual Vennik",
      "Dureildne",
    ]);
    expect(found("Dureildne\nProduct Designer\nActive 5m ago", "ocr")).toEqual(["Dureildne"]);
    expect(found("Dureildne\n10:42 AM\nsure, send it over", "ocr")).toEqual(["Dureildne"]);
    expect(found("Deploy\n10:42 AM\nall green", "ocr")).toEqual([]);
    // the label's column far from its value's: OCR gives them as two lines
    expect(found("Assignee\nZorqual Vennik\nPriority\nHigh", "ocr")).toEqual(["Zorqual Vennik"]);
    expect(found("To\nSubject\nSend", "ocr")).toEqual([]);
    // a bank's transfer screen, a reply's recipient
    expect(found("Transfer to\nDureildne\nAmount  250.00 EUR", "ocr")).toEqual(["Dureildne"]);
    expect(found("Reply to: Zorqual Vennik", "ocr")).toEqual(["Zorqual Vennik"]);
    expect(found("Transfer to\nSavings\nAmount  250.00 EUR", "ocr")).toEqual([]);
  });
  it("what apps say a person did, and the chrome's words before a person", () => {
    expect(found("Dureildne joined the meeting\nZorqual Vennik left the meeting", "ocr")).toEqual([
      "Dureildne",
      "Zorqual Vennik",
    ]);
    expect(found("Zorqual Vennik commented on your post", "ocr")).toEqual(["Zorqual Vennik"]);
    expect(found("Dureildne is typing…", "ocr")).toEqual(["Dureildne"]);
    expect(found("Message Zorqual Vennik", "ocr")).toEqual(["Zorqual Vennik"]);
    expect(found("Shared with Dureildne and 2 others", "ocr")).toEqual(["Dureildne"]);
    expect(found("Signed in as Zorqual Vennik", "ocr")).toEqual(["Zorqual Vennik"]);
    expect(found("Dureildne  Yesterday 4:12 PM\nsounds good", "ocr")).toEqual(["Dureildne"]);
    expect(found("Dureildne\nto me\n10:42 AM (2 hours ago)", "ocr")).toEqual(["Dureildne"]);
    // a name that starts like a weekday is a name, not a day ("Monne 10:43")
    expect(found("Ilsa Monne  10:43 AM", "ocr")).toEqual(["Ilsa Monne"]);
    expect(found("Build started 5m ago\nSettings changed\nMeeting Notes  10:30", "ocr")).toEqual([]);
    // the time after the name, an inbox's sender in its first column, a ticket's line after its label
    expect(found("Last edited by Dureildne 2 hours ago", "ocr")).toEqual(["Dureildne"]);
    expect(found("Approved by Zorqual Vennik on 3 March", "ocr")).toEqual(["Zorqual Vennik"]);
    expect(
      found("Inbox\nDureildne  Lunch tomorrow?  9:14\nZorqual Vennik  Invoice attached  Yesterday", "ocr"),
    ).toEqual(["Dureildne", "Zorqual Vennik"]);
    expect(found("Ticket #4821: Zorqual Vennik cannot log in - Zendesk", "ocr")).toEqual(["Zorqual Vennik"]);
    expect(found("Bug 4410: Dureildne reported a crash on login", "ocr")).toEqual(["Dureildne"]);
    expect(found("Drafts  Quarterly plan  Yesterday\nBug 4410: Login page crashes on submit", "ocr")).toEqual(
      [],
    );
  });
  it("a compact row's cells joined by middle dots, bylines, and what a person sent or asked", () => {
    expect(found("Call ended · Zorqual Vennik · 12:31", "ocr")).toEqual(["Zorqual Vennik"]);
    expect(found("Host: Dureildne · 14 participants", "ocr")).toEqual(["Dureildne"]);
    expect(found("Written by Dureildne · 5 min read", "ocr")).toEqual(["Dureildne"]);
    expect(found("Forwarded message from Dureildne", "ocr")).toEqual(["Dureildne"]);
    expect(found("Pinned by Dureildne", "ocr")).toEqual(["Dureildne"]);
    expect(found("Request from Zorqual Vennik: access to Finance drive", "ocr")).toEqual(["Zorqual Vennik"]);
    expect(found("To: Dureildne; Zorqual Vennik\nCc: Ilsa Prenn", "ocr")).toEqual([
      "Dureildne",
      "Zorqual Vennik",
      "Ilsa Prenn",
    ]);
    // the same rows without a person
    expect(found("Call ended · 12:31\nCall again", "ocr")).toEqual([]);
    expect(found("Written by Support Team · 3 min read", "ocr")).toEqual([]);
    expect(found("Pinned by admin\nWelcome to #general", "ocr")).toEqual([]);
    expect(found("Request from Finance: access to Shared Drive", "ocr")).toEqual([]);
  });
  it("apps set to German, French, Spanish", () => {
    expect(found("Teilnehmer (3)\nDureildne (Organisator)\nZorqual Vennik\nIch", "ocr")).toEqual([
      "Dureildne",
      "Zorqual Vennik",
    ]);
    expect(found("Dureildne hat das Meeting verlassen", "ocr")).toEqual(["Dureildne"]);
    expect(found("Zorqual Vennik a quitté la réunion", "ocr")).toEqual(["Zorqual Vennik"]);
    expect(found("Dureildne está escribiendo…", "ocr")).toEqual(["Dureildne"]);
    expect(found("Nachricht an Zorqual Vennik", "ocr")).toEqual(["Zorqual Vennik"]);
    expect(found("Zugewiesen an  Dureildne\nPriorität  Hoch", "ocr")).toEqual(["Dureildne"]);
    expect(found("Dureildne  Gestern 16:12\nklingt gut", "ocr")).toEqual(["Dureildne"]);
    expect(found("Posteingang - Dureildne - Outlook", "title")).toEqual(["Dureildne"]);
    expect(found("Datei  Bearbeiten  Ansicht  Hilfe\nAlle Änderungen gespeichert", "ocr")).toEqual([]);
  });
  it("no name in a window's chrome", () => {
    expect(found("File  Edit  View  Help\nUntitled document\nAll changes saved", "ocr")).toEqual([]);
    expect(found("Product Roadmap Q3\nOwner  Platform Team\nStatus  In Progress", "ocr")).toEqual([]);
    expect(found("Build #1842 failed\nStep 6 of 9: Run tests\nRetry  Cancel", "ocr")).toEqual([]);
    // a list ends at a blank line
    expect(found("Participants (2)\nDureildne\n\nWelcome\nDeploy", "ocr")).toEqual(["Dureildne"]);
  });
  it("typed text is the person recognizer's: this one reads screens only", () => {
    expect(screenNames.channels).toEqual(["title", "ocr"]);
  });
});

describe("through the engine", () => {
  it("a title and an OCR'd chat are redacted", () => {
    expect(redact("Zorqual Vennik | Microsoft Teams", { channel: "title" }).redacted).toBe(
      "[PERSON] | Microsoft Teams",
    );
    // the time after a name is no house number, and a column's label no part of the name
    expect(redact("Ilsa Prenn  10:43 AM\nthanks!", { channel: "ocr" }).redacted).toBe(
      "[PERSON]  10:43 AM\nthanks!",
    );
    expect(redact("Assignee  Dureildne\nPriority  High", { channel: "ocr" }).redacted).toBe(
      "Assignee  [PERSON]\nPriority  High",
    );
  });
});

describe("nameAt", () => {
  it("reads one to four capitalised words, initials and particles inside", () => {
    expect(nameAt("Call Ilsa Prenn", 5, 15)).toBe(true);
    expect(nameAt("Zorqual J. Vennik", 0, 17)).toBe(true);
    expect(nameAt("Ilsa van Prenn", 0, 14)).toBe(true);
    expect(nameAt("van Prenn", 0, 9)).toBe(false);
    expect(nameAt("Product Designer", 0, 16)).toBe(false);
    expect(nameAt("Zorqual  Vennik", 0, 15)).toBe(false);
    expect(nameAt("A B C D E F", 0, 11)).toBe(false);
  });
  it("never throws and stays within the range it is given (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.nat(80), fc.nat(80), (s, x, y) => {
        const a = Math.min(x, y, s.length);
        const b = Math.min(Math.max(x, y), s.length);
        expect(typeof nameAt(s, a, b)).toBe("boolean");
        for (const ch of ["title", "ocr"] as const)
          for (const d of screenNames.detect({ text: s, lower: s.toLowerCase(), channel: ch })) {
            expect(d.start).toBeGreaterThanOrEqual(0);
            expect(d.end).toBeLessThanOrEqual(s.length);
            expect(d.end).toBeGreaterThan(d.start);
          }
      }),
    );
  });
  it("reads a long screen in linear time", () => {
    const screen = "Participants (9999)\n" + "Dureildne Vennik (Host)\nZorqual  10:42 AM\n".repeat(20_000);
    const t0 = performance.now();
    const n = found(screen, "ocr").length;
    expect(n).toBe(40_000);
    expect(performance.now() - t0).toBeLessThan(5_000);
  });
  it("reads a long screen of bylines and dotted rows in linear time", () => {
    const screen = "Request from Dureildne: access\nCall ended · Zorqual Vennik · 12:31\n".repeat(20_000);
    const t0 = performance.now();
    expect(found(screen, "ocr").length).toBe(40_000);
    expect(performance.now() - t0).toBeLessThan(5_000);
  });
});
