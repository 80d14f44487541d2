// Found by fuzzing POST /api/v1/scans, both about a file of a multipart upload that the import does not read to its
// end (Test-ProxyLogon ignores a file whose name it does not know, and stops reading a CSV at a quote never closed):
// - busboy reaches the next part only once that one is read: past its buffer, the upload waited forever;
// - a body that then fails (busboy refuses a part's header, here a file name with a NUL) destroyed the unread file's
//   stream with the error while nothing listened to it: an uncaught exception, which ends a Node server.
import { beforeEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/scans/route";
import { createApiToken } from "@/lib/data/accounts/tokens";
import { resetDatabase } from "../reset-database";
import { call } from "../api/request";

let token: string;

beforeEach(async () => {
  await resetDatabase();
  token = (await createApiToken("admin")).token;
});

const MB = 1024 * 1024;

describe("multipart files the import does not read to their end", () => {
  it("lets the upload go on past a large file skipped unread or left after a bad row", async () => {
    const form = new FormData();
    // Test-ProxyLogon by its header, but not by its name: the run ignores it without reading it.
    form.append("file", new Blob([`"TimeCreated","MachineName","Message"\n"3/4/2021 1:05:00 PM","EXCH01","${"m".repeat(2 * MB)}"\n`]), "events.csv");
    // A quote never closed: the rest of the file is not read.
    form.append("file", new Blob([`"DateTime","RequestId","ClientIPAddress","UrlHost"\n"2021-03-03T02:45:10Z","${"r".repeat(2 * MB)}\n`]), "EXCH01-Cve-2021-26855.csv");
    form.append("file", new Blob(['"Ecp","Owa"\n"12","30"\n']), "EXCH01-LogAgeDays.csv");
    const res = await call(POST, "/api/v1/scans?organization=Harbor", { method: "POST", token, body: form });
    expect(res.status).toBe(201);
    expect(res.json.import).toMatchObject({ format: "test-proxylogon", indicators: 1 });
    expect(res.json.import.errors.map((e: { message: string }) => e.message)).toEqual([
      "ignored file events.csv: not a Test-ProxyLogon output file",
      expect.stringMatching(/^EXCH01-Cve-2021-26855.csv line 2: .*the rest of the file was not read$/),
    ]);
  });

  it("answers a body that fails after a skipped file 400, and throws nothing outside the request", async () => {
    const uncaught: unknown[] = [];
    const record = (err: unknown) => void uncaught.push(err);
    process.on("uncaughtException", record);
    try {
      const form = new FormData();
      form.append("file", new Blob(['"ComputerName","Type","Path","Name","LastWrite"\n']), "EXCH01-other.csv");
      form.append("file", new Blob(["not a Test-ProxyLogon file\n"]), "notes.txt");
      form.append("file", new Blob(["C:\\a.aspx\n"]), "EXCH01-Cve-2021-27065\u0000.log");
      const res = await call(POST, "/api/v1/scans?organization=Harbor", { method: "POST", token, body: form });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe("malformed_multipart");
      expect(uncaught).toEqual([]);
    } finally {
      process.off("uncaughtException", record);
    }
  });
});
