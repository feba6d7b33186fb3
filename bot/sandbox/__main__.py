"""Run the sandbox on its own, for load tests in another process or a manual demo.

`python -m bot.sandbox --port 8081` serves until interrupted; drive it through the control API.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib

from bot.sandbox.server import Sandbox


async def serve(port: int, enforce_limits: bool) -> None:
    async with Sandbox(port=port, enforce_limits=enforce_limits) as sandbox:
        print(f"Bot API base_url:      {sandbox.api_url}", flush=True)
        print(f"Bot API base_file_url: {sandbox.file_url}", flush=True)
        print(f"control API:           {sandbox.control_url}", flush=True)
        await asyncio.Event().wait()


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bot.sandbox", description=__doc__)
    parser.add_argument("--port", type=int, default=8081, help="port on 127.0.0.1 (0: any free)")
    parser.add_argument("--enforce-limits", action="store_true", help="answer floods with 429")
    arguments = parser.parse_args()
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve(arguments.port, arguments.enforce_limits))


if __name__ == "__main__":
    main()
