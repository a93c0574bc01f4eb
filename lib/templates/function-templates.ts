/**
 * Starting code for a new function. The console sends it Base64-encoded (`encodeUtf8Base64`), like any
 * later edit; the Korean comment in the plain template keeps the UTF-8 path exercised from day one.
 */

export const FUNCTION_TEMPLATE_IDS = ["handler", "spin"] as const;
export type FunctionTemplateId = (typeof FUNCTION_TEMPLATE_IDS)[number];
export const DEFAULT_TEMPLATE: FunctionTemplateId = "handler";

const PLAIN_HANDLER = `"""A plain handler: receives the request body as \`event\` and returns what the caller gets."""
import json


def handler(event):
    # event 는 요청 본문(JSON)입니다. 반환값이 응답 본문이 됩니다.
    name = event.get("name", "world") if isinstance(event, dict) else "world"
    print(f"handling a request for {name}")
    return {"message": f"Hello, {name}!", "received": json.dumps(event, ensure_ascii=False)}
`;

const SPIN_HANDLER = `"""A Fermyon Spin HTTP component: the Builder compiles it to WebAssembly."""
import json

from spin_sdk import http
from spin_sdk.http import Request, Response


class IncomingHandler(http.IncomingHandler):
    def handle_request(self, request: Request) -> Response:
        body = request.body or b""
        payload = json.loads(body) if body else {}
        print(f"{request.method} {request.uri} ({len(body)} bytes)")
        answer = {"method": request.method, "echo": payload}
        return Response(200, {"content-type": "application/json"}, json.dumps(answer).encode("utf-8"))
`;

export const FUNCTION_TEMPLATES: Record<FunctionTemplateId, string> = {
  handler: PLAIN_HANDLER,
  spin: SPIN_HANDLER,
};

/** Runtimes the platform's Builder supports today; the backend's default comes first. */
export const SUPPORTED_RUNTIMES = ["Python 3.12", "Python 3.11"] as const;

/** Memory sizes people pick most; any whole number in 128..1024 MB is allowed. */
export const MEMORY_PRESETS = [128, 256, 512, 1024] as const;
