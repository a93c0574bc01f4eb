/** The Demo workspace's functions: small, real, and each showing one thing the platform does. */
export type DemoFunction = {
  name: string;
  description: string;
  memory: number;
  timeout: number;
  httpMethods: ("GET" | "POST")[];
  environmentVariables: Record<string, string>;
  source: string;
  /** Payloads invoked once each at seeding time, so the first screen has history. */
  history: unknown[];
};

const KOREAN_GREETING = `# 인사 함수: 이름을 받아 한국어로 인사합니다.
# 입력 예: {"name": "민수"}
# 환경 변수 GREETING 으로 인사말을 바꿀 수 있습니다.
import os
from datetime import datetime, timedelta, timezone

KST = timezone(timedelta(hours=9), "KST")


def handler(event):
    name = event.get("name", "방문자") if isinstance(event, dict) else "방문자"
    greeting = os.environ.get("GREETING", "안녕하세요")
    print(f"인사 요청을 받았습니다: {name}")
    return {
        "message": f"{greeting}, {name}님! 은하 콘솔에 오신 것을 환영합니다.",
        "time": datetime.now(KST).isoformat(timespec="seconds"),
    }
`;

const SPIN_ECHO = `"""A Spin-style HTTP component: echoes the request it receives."""
import json

from spin_sdk import http
from spin_sdk.http import Request, Response


class IncomingHandler(http.IncomingHandler):
    def handle_request(self, request: Request) -> Response:
        body = request.body or b""
        print(f"{request.method} {request.uri} ({len(body)} bytes)")
        try:
            payload = json.loads(body) if body else None
        except ValueError:
            payload = body.decode("utf-8", errors="replace")
        answer = {"method": request.method, "uri": request.uri, "echo": payload}
        return Response(200, {"content-type": "application/json"}, json.dumps(answer).encode("utf-8"))
`;

const ORDER_TOTAL = `"""Totals an order. Fails (HTTP 500, traceback in the logs) on an empty order or a bad quantity."""


def handler(event):
    items = event.get("items") if isinstance(event, dict) else None
    if not items:
        raise ValueError("the order has no items")
    total = 0.0
    for item in items:
        quantity = int(item["quantity"])
        if quantity <= 0:
            raise ValueError(f"invalid quantity for {item.get('sku', '?')}: {quantity}")
        total += quantity * float(item["price"])
    print(f"order of {len(items)} item(s), total {total:.2f}")
    return {"items": len(items), "total": round(total, 2)}
`;

export const DEMO_FUNCTIONS: DemoFunction[] = [
  {
    name: "hello-korean",
    description: "한국어 인사 함수 (plain handler, environment variable)",
    memory: 128,
    timeout: 10,
    httpMethods: ["GET", "POST"],
    environmentVariables: { GREETING: "안녕하세요" },
    source: KOREAN_GREETING,
    history: [{ name: "민수" }, { name: "Eunha" }],
  },
  {
    name: "spin-echo",
    description: "Spin SDK IncomingHandler that echoes the request",
    memory: 128,
    timeout: 10,
    httpMethods: ["POST"],
    environmentVariables: {},
    source: SPIN_ECHO,
    history: [{ test: true }, { hello: "world" }],
  },
  {
    name: "order-total",
    description: "Totals an order; fails on an empty order or a non-positive quantity",
    memory: 256,
    timeout: 10,
    httpMethods: ["POST"],
    environmentVariables: {},
    source: ORDER_TOTAL,
    history: [
      {
        items: [
          { sku: "A-1", quantity: 2, price: 4.5 },
          { sku: "B-7", quantity: 1, price: 12 },
        ],
      },
      { items: [{ sku: "A-1", quantity: 0, price: 4.5 }] },
    ],
  },
];
