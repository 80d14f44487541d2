import { createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, expectNoAxeViolations, test } from "./fixtures";

// Issue 11 item 5: an admin creates a webhook on its page, sends a test event, and sees it delivered in the log;
// the receiver is a real HTTP server started here, on loopback, which the admin setting must allow first.
test("issue 11: an admin creates a webhook, sends a test event and sees it delivered, signed", async ({ page }) => {
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/patchboard`;
  try {
    await page.goto("/admin/webhooks");
    await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();
    await expect(page.getByText("Nothing sent yet")).toBeVisible();
    await expectNoAxeViolations(page);

    // Loopback is refused while private targets are not allowed: the error is on the URL field.
    await page.locator("#new-webhook-name").fill("E2E receiver");
    await page.locator("#new-webhook-url").fill(url);
    await page.getByLabel(/Import failed/).check();
    await page.getByRole("button", { name: "Create webhook" }).click();
    await expect(page.locator("#new-webhook-url-error")).toContainText("loopback");
    await expect(page.locator("#new-webhook-url")).toBeFocused();

    await page.getByLabel("Allow private webhook targets").check();
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByText("Saved: webhooks may point at private addresses.")).toBeVisible();

    await page.getByRole("button", { name: "Create webhook" }).click();
    const secret = (await page.getByTestId("new-webhook-secret-value").textContent())!.trim();
    expect(secret).toMatch(/^whsec_/);
    const row = page.getByTestId("webhooks-table").getByRole("row", { name: /E2E receiver/ });
    await expect(row).toContainText(url);
    await expect(row).toContainText("Import failed");
    await expectNoAxeViolations(page);

    await row.getByRole("button", { name: /Send test event/ }).click();
    await expect(row.getByRole("status")).toContainText("Test event queued");
    // The production server's dispatcher polls every few seconds.
    await expect
      .poll(
        async () => {
          await page.reload();
          return page.getByTestId("deliveries-table").getByRole("row", { name: /webhook\.test/ }).first().textContent();
        },
        { timeout: 30_000, intervals: [1_000] },
      )
      .toMatch(/Delivered.*204/);
    await expectNoAxeViolations(page);

    expect(received).toHaveLength(1);
    const [delivery] = received;
    expect(delivery.headers["patchboard-event"]).toBe("webhook.test");
    const [t, v1] = String(delivery.headers["patchboard-signature"]).split(",").map((p) => p.slice(p.indexOf("=") + 1));
    expect(v1).toBe(createHmac("sha256", secret).update(`${t}.${delivery.body}`).digest("hex"));
    expect(JSON.parse(delivery.body)).toMatchObject({ type: "webhook.test", data: { webhook: { name: "E2E receiver" } } });

    // Pause, then delete after confirming.
    const live = page.getByTestId("webhooks-table").getByRole("row", { name: /E2E receiver/ });
    await live.getByRole("button", { name: /^Pause/ }).click();
    await expect(live).toContainText("Paused");
    await live.getByRole("button", { name: /^Delete/ }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Confirm deletion" }).click();
    await expect(page.getByText("No webhooks yet")).toBeVisible();
    await page.getByLabel("Allow private webhook targets").uncheck();
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByText("Saved: webhooks to private addresses are refused.")).toBeVisible();
  } finally {
    receiver.closeAllConnections();
    receiver.close();
  }
});
