import { ADMIN_TOKEN, apiGet, expect, SIGNED_OUT, test, type Summary } from "./fixtures";

// API calls here carry a token or nothing, never the owner's session cookie.
test.use({ storageState: SIGNED_OUT });

test("the API answers with the operator's token and refuses requests without one", async ({ request }) => {
  const summary = await apiGet<Summary>(request, "/api/v1/summary");
  expect(summary.organizations).toBeGreaterThanOrEqual(35);
  expect(summary.servers).toBeGreaterThanOrEqual(300);

  const anonymous = await request.get("/api/v1/summary");
  expect(anonymous.status()).toBe(401);
  expect((await anonymous.json()).error.code).toBe("unauthorized");

  const wrong = await request.get("/api/v1/servers", { headers: { authorization: "Bearer nope" } });
  expect(wrong.status()).toBe(401);

  const garbage = await request.post("/api/v1/scans", {
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "text/csv" },
    data: Buffer.from([0, 159, 146, 150, 255, 0, 1, 2, 3]),
  });
  expect(garbage.status()).toBe(422);
  const body = await garbage.text();
  expect(body).not.toMatch(/at .*\.js:\d+/); // no stack trace
});
