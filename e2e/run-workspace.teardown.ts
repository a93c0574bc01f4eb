import { request, test as cleanup } from "@playwright/test";
import { deleteRunWorkspace, RUN_WORKSPACE_NAME } from "./support/run-workspace";
import { storageStateFor } from "./support/users";

cleanup("delete the run's workspace", async ({ baseURL }) => {
  cleanup.skip(!RUN_WORKSPACE_NAME, "no E2E_RUN_ID: the run made no run-scoped workspace");
  const admin = await request.newContext({ baseURL, storageState: storageStateFor("admin") });
  try {
    await deleteRunWorkspace(admin);
  } finally {
    await admin.dispose();
  }
});
