"""Stub of `spin_sdk.http` with the same names and shapes as the real SDK."""
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Optional


@dataclass
class Request:
    """An HTTP request: `uri` is the path with its query string, `body` raw bytes."""

    method: str
    uri: str
    headers: Mapping[str, str]
    body: Optional[bytes]


@dataclass
class Response:
    """An HTTP response; `body` must be bytes (or None), as in the real SDK."""

    status: int
    headers: Mapping[str, str]
    body: Optional[bytes]


class IncomingHandler:
    """Subclass this as `class IncomingHandler(http.IncomingHandler)` and override handle_request."""

    def handle_request(self, request: Request) -> Response:
        raise NotImplementedError


def send(request: Request) -> Response:
    """Outbound HTTP, as `spin_sdk.http.send`; blocking, through urllib."""
    import urllib.error
    import urllib.request

    outgoing = urllib.request.Request(request.uri, data=request.body, method=request.method, headers=dict(request.headers))
    try:
        with urllib.request.urlopen(outgoing) as resp:
            return Response(resp.status, dict(resp.headers.items()), resp.read())
    except urllib.error.HTTPError as err:
        return Response(err.code, dict(err.headers.items()), err.read())
