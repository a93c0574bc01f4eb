import { deployRequest } from "../../../lib/contract";
import type { DeployService } from "../deploy/deploy-service";
import { embeddedScaffoldRequest, scaffoldYaml } from "../deploy/scaffold";
import type { RouteDef } from "../http/router";
import { parseWith } from "../http/validate";

/**
 * Scaffold answers synchronously with the YAML in a JSON object (`{"yaml": "..."}`), one of the
 * shapes the console's contract accepts for "the YAML as is". `output_path` is accepted and
 * ignored: writing files where a request says is the Builder's business, not this backend's.
 */
export function deployRoutes(deployer: DeployService): RouteDef[] {
  return [
    {
      method: "POST",
      path: "/api/v1/scaffold",
      errorCode: "SCAFFOLD_ERROR",
      handler: async (ctx) => ({
        status: 200,
        json: { yaml: scaffoldYaml(parseWith(embeddedScaffoldRequest, await ctx.json())) },
      }),
    },
    {
      method: "POST",
      path: "/api/v1/deploy",
      errorCode: "DEPLOY_ERROR",
      handler: async (ctx) => ({
        status: 200,
        json: await deployer.deploy(parseWith(deployRequest, await ctx.json())),
      }),
    },
  ];
}
