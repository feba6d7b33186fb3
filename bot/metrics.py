"""Prometheus metrics of one process, served on /metrics by `bot.health`.

Counters only grow; Prometheus derives rates from them. `digestbot_send_rate` is given too, so
that a glance at /metrics (or /stats) shows the current pace without a Prometheus server.
"""

from __future__ import annotations

import time
from collections import deque

from prometheus_client import Counter, Gauge

UPDATES = Counter("digestbot_updates_total", "Telegram updates handled, by kind", ["kind"])
SENT = Counter("digestbot_messages_sent_total", "Messages Telegram accepted")
FAILED = Counter(
    "digestbot_messages_failed_total", "Messages given up on (or skipped), by reason", ["reason"]
)
RETRIED = Counter(
    "digestbot_messages_retried_total", "Sends that will be tried again, by reason", ["reason"]
)
OUTBOX = Gauge("digestbot_outbox_messages", "Outbox rows waiting or in flight", ["state"])
SEND_RATE = Gauge("digestbot_send_rate", "Messages this process sent per second, last minute")
LEADING = Gauge(
    "digestbot_leading", "1 while this process holds the duty (scheduler, updates)", ["duty"]
)


class RateMeter:
    """Messages per second over the last `window` seconds, in one-second buckets: cheap
    enough to call on every send."""

    def __init__(self, window: int = 60) -> None:
        self.window = window
        self._buckets: deque[list[int]] = deque()  # [second, count], oldest first

    def add(self, now: float | None = None) -> None:
        second = int(time.monotonic() if now is None else now)
        if self._buckets and self._buckets[-1][0] == second:
            self._buckets[-1][1] += 1
        else:
            self._buckets.append([second, 1])
            self._prune(second)

    def rate(self, now: float | None = None) -> float:
        second = int(time.monotonic() if now is None else now)
        self._prune(second)
        return sum(count for _, count in self._buckets) / self.window

    def _prune(self, second: int) -> None:
        while self._buckets and self._buckets[0][0] <= second - self.window:
            self._buckets.popleft()


SENDING = RateMeter()
SEND_RATE.set_function(SENDING.rate)


def sent() -> None:
    SENT.inc()
    SENDING.add()
