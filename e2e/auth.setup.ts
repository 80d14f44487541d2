import { expect, test as setup } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../lib/demo-accounts";
import { SIGNED_IN_AS_OWNER } from "./fixtures";

// The demo's owner signs in once; the other specs start from this browser state.
setup("sign in as the demo owner", async ({ page }) => {
  const owner = DEMO_ACCOUNTS.find((a) => a.role === "owner")!;
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(owner.email);
  await page.getByLabel("Password").fill(owner.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.context().storageState({ path: SIGNED_IN_AS_OWNER });
});
