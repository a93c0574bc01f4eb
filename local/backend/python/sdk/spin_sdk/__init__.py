"""A small stand-in for the Spin Python SDK (spin-python-sdk), enough to run Spin-style HTTP
handlers on the embedded function host without WebAssembly. Only the pure-Python surface is
provided: `spin_sdk.http` (Request, Response, IncomingHandler, send) and `spin_sdk.variables`.
"""
