// `npm run idp`: the embedded development IdP as a process of its own (PORT, IDP_REDIRECT_URIS).
import { DEFAULT_IDP_PORT, DEMO_USERS } from "./defaults";
import { startIdp } from "./server";

const port = process.env.PORT ? Number(process.env.PORT) : DEFAULT_IDP_PORT;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`embedded IdP: invalid PORT "${process.env.PORT}"`);
  process.exit(2);
}

try {
  const idp = await startIdp({ port });
  console.log(`embedded IdP listening on ${idp.url}`);
  console.log(`  demo users (password "demo"): ${DEMO_USERS.map((u) => `${u.username} (${u.role})`).join(", ")}`);
  const stop = () => {
    idp.close().then(
      () => process.exit(0),
      () => process.exit(0),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
} catch (error) {
  console.error("embedded IdP failed to start:", error instanceof Error ? error.message : error);
  process.exit(1);
}
