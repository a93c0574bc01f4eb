"""Stub of `spin_sdk.variables`: Spin application variables come from the function's
environment variables here (`name`, `NAME` or `SPIN_VARIABLE_NAME`)."""
import os


def get(name: str) -> str:
    for key in (name, name.upper(), f"SPIN_VARIABLE_{name.upper()}"):
        if key in os.environ:
            return os.environ[key]
    raise KeyError(f"no variable named {name!r}: set it as an environment variable of the function")
