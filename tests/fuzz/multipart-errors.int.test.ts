// Found by fuzzing POST /api/v1/scans: a multipart body that fails (busboy refuses a part's header, here a file name
// with a NUL) after a file the import skipped unread (Test-ProxyLogon ignores a file it does not know) destroyed that
// file's stream with the error while nothing listened to it: an uncaught exception, which ends a Node server.
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

describe("a multipart upload that fails after a skipped file", () => {
  it("is answered 400 and throws nothing outside the request", async () => {
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
