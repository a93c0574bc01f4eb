import { functionPath, getFunctionJson } from "./support/api";
import { expect, test } from "./support/fixtures";
import { saveScreenshot } from "./support/page";
import { storageStateFor } from "./support/users";

test.use({ storageState: storageStateFor("developer") });

test("a new memory size is saved and stays after a reload", async ({ page, newFunction, developerApi: api }) => {
  const fn = await newFunction("e2e-settings-memory");
  await page.goto(functionPath(fn, "settings"));
  const memory = page.getByLabel("Memory (MB)");
  await expect(memory).toHaveValue("256");
  await memory.fill("512");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved")).toBeVisible();
  await saveScreenshot(page, "settings");

  const stored = await getFunctionJson(api, fn);
  expect(stored.memory).toBe(512);
  expect(stored.timeout).toBe(30);
  await page.reload();
  await expect(page.getByLabel("Memory (MB)")).toHaveValue("512");
});

test("values outside the contract are refused next to their field", async ({ page, newFunction }) => {
  const fn = await newFunction("e2e-settings-invalid");
  await page.goto(functionPath(fn, "settings"));
  await page.getByLabel("Memory (MB)").fill("64");
  await expect(page.getByText("Enter a whole number of MB from 128 to 1024.")).toBeVisible();
  await expect(page.getByLabel("Memory (MB)")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Timeout (seconds)").fill("901");
  await expect(page.getByText("Enter a whole number of seconds from 1 to 900.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save settings" })).toBeDisabled();

  await page.getByLabel("Invocation URL").fill("fn.internal:8080/run");
  await expect(page.getByText("Saved as http://fn.internal:8080/run")).toBeVisible();
});

test("disabling asks first; the function can be enabled again", async ({ page, newFunction, developerApi: api }) => {
  const fn = await newFunction("e2e-settings-status");
  await page.goto(functionPath(fn, "settings"));
  await page.getByRole("button", { name: "Disable function" }).click();
  const dialog = page.getByRole("dialog", { name: `Disable ${fn.name}?` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Disable function" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("button", { name: "Enable function" })).toBeVisible();
  expect((await getFunctionJson(api, fn)).status).toBe("disabled");
  await expect(page.locator("header [data-status]")).toHaveAttribute("data-status", "disabled");

  await page.getByRole("button", { name: "Enable function" }).click();
  await expect(page.getByRole("button", { name: "Disable function" })).toBeVisible();
  expect((await getFunctionJson(api, fn)).status).toBe("active");
});

test("a secret stays hidden until revealed, and an untouched one keeps its value", async ({
  page,
  newFunction,
  developerApi: api,
}) => {
  const fn = await newFunction("e2e-settings-env", {
    environmentVariables: { API_TOKEN: "s3cr3t-비밀", REGION: "kr" },
  });
  expect((await getFunctionJson(api, fn)).environmentVariables.API_TOKEN).toBe("••••••••");
  await page.goto(functionPath(fn, "settings"));
  const token = page.getByTestId("env-row-API_TOKEN");
  await expect(token.getByLabel("Value of API_TOKEN")).toHaveValue("••••••••");

  await page.getByTestId("env-row-REGION").getByLabel("Value of REGION").fill("jp");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved")).toBeVisible();
  const revealed = await api.get(`/api/workspaces/${fn.workspaceId}/functions/${fn.id}/env/API_TOKEN`);
  expect(await revealed.json()).toEqual({ name: "API_TOKEN", value: "s3cr3t-비밀" });
  expect((await getFunctionJson(api, fn)).environmentVariables.REGION).toBe("jp");

  await page.getByTestId("env-row-API_TOKEN").getByRole("button", { name: "Reveal" }).click();
  await expect(page.getByTestId("env-row-API_TOKEN").getByLabel("Value of API_TOKEN")).toHaveValue("s3cr3t-비밀");
  // Revealing is not an edit: nothing to save.
  await expect(page.getByRole("button", { name: "Save settings" })).toBeDisabled();
});

test.describe("as a manager", () => {
  test.use({ storageState: storageStateFor("manager") });

  test("settings are read-only: disabled inputs, no save, no reveal, no status change", async ({
    page,
    newFunction,
  }) => {
    const fn = await newFunction("e2e-settings-viewer", { environmentVariables: { DB_PASSWORD: "hunter2" } });
    await page.goto(functionPath(fn, "settings"));
    await expect(page.getByLabel("Memory (MB)")).toBeDisabled();
    await expect(page.getByLabel("Value of DB_PASSWORD")).toHaveValue("••••••••");
    await expect(page.getByRole("button", { name: "Save settings" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Reveal" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Disable function|Enable function/ })).toHaveCount(0);
    await expect(page.getByText("You can see these settings but not change them")).toBeVisible();
    await saveScreenshot(page, "settings-read-only");
  });
});
