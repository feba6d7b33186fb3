"""Child processes measured one at a time: CPU time and peak memory as the kernel counted them.

`os.wait4` gives the resource usage of exactly the child it reaps. `getrusage(RUSAGE_CHILDREN)`
sums CPU over every child reaped so far, and its `ru_maxrss` is the largest of them, so one
process's peak could not be told from another's.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType


@dataclass(frozen=True)
class Finished:
    returncode: int
    cpu: float  # user + system seconds
    max_rss_mb: float


class Child:
    """A command started now, its output appended to `log`; killed and reaped on leaving a
    `with` block, however it is left."""

    def __init__(self, command: list[str], env: dict[str, str], cwd: Path, log: Path) -> None:
        with log.open("ab") as output:
            self.process = subprocess.Popen(
                command, env=env, cwd=cwd, stdout=output, stderr=subprocess.STDOUT
            )
        self.log = log
        self.finished: Finished | None = None

    def running(self) -> bool:
        return self.finished is None and self._reap(os.WNOHANG) is None

    def wait(self, timeout: float | None = None) -> Finished:
        """Reap the child, raising TimeoutError if it is still running after `timeout` s."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.finished is None:
            if self._reap(os.WNOHANG) is None:
                if deadline is not None and time.monotonic() > deadline:
                    raise TimeoutError(f"{self.process.args} still running after {timeout} s")
                time.sleep(0.02)
        return self.finished

    def stop(self, grace: float = 10.0) -> Finished:
        """SIGTERM, then SIGKILL if it is still running after `grace` seconds."""
        if self.running():
            self.process.send_signal(signal.SIGTERM)
            try:
                return self.wait(grace)
            except TimeoutError:
                self.process.kill()
        return self.wait()

    def _reap(self, options: int) -> Finished | None:
        pid, status, usage = os.wait4(self.process.pid, options)
        if pid == 0:
            return None
        returncode = os.waitstatus_to_exitcode(status)
        self.process.returncode = returncode  # reaped here: Popen must not wait for it again
        self.finished = Finished(
            returncode, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024
        )
        return self.finished

    def __enter__(self) -> Child:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self.finished is None:
            if self.running():
                self.process.kill()
            self.wait()


def cpu_seconds(pid: int) -> float | None:
    """CPU time a running process has used so far (Linux /proc), or None where unknown."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
