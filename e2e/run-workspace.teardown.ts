import { test as cleanup } from "@playwright/test";
import { apiAs } from "./support/api";
import { deleteRunWorkspaces, RUN_PREFIX } from "./support/run-workspace";

// Each spec's workspace is removed when its worker ends; this catches what a crashed worker could not.
cleanup("delete what the run left behind", async ({ baseURL }) => {
  cleanup.skip(!RUN_PREFIX, "no E2E_RUN_ID: the local stack is reset for every run");
  const admin = await apiAs("admin", baseURL);
  try {
    const left = await deleteRunWorkspaces(admin);
    if (left.length > 0) console.log(`cleanup: deleted ${left.map((w) => w.name).join(", ")}`);
  } finally {
    await admin.dispose();
  }
});
