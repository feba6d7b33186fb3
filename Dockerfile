# syntax=docker/dockerfile:1
#
# docker build -t digestbot .
# docker run -d --env-file .env -v digestbot-data:/app/data digestbot
#
# The source tree stays at /app and the project is installed editable: the gettext catalogs are
# read from /app/locale, next to the code, which a plain wheel install would leave behind.

FROM python:3.11-slim AS build

ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PATH=/opt/venv/bin:$PATH

RUN python -m venv /opt/venv

WORKDIR /app
COPY pyproject.toml setup.cfg babel.cfg README.md ./
COPY bot ./bot
COPY digests ./digests
COPY locale ./locale
COPY sample ./sample

RUN pip install -e /app \
    && pybabel compile --domain=messages --directory=locale --statistics


FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PATH=/opt/venv/bin:$PATH \
    HEALTH_LISTEN=0.0.0.0 \
    HEALTH_PORT=8080 \
    WEBHOOK_LISTEN=0.0.0.0

RUN groupadd --system --gid 10001 digestbot \
    && useradd --system --uid 10001 --gid digestbot --home-dir /app --no-create-home \
        --shell /usr/sbin/nologin digestbot

# Code and venv stay owned by root (read-only for the bot); only the data directory is writable.
COPY --from=build /opt/venv /opt/venv
COPY --from=build /app /app
RUN mkdir -p /app/data && chown digestbot:digestbot /app/data

WORKDIR /app
# The default DATABASE_URL (sqlite+aiosqlite:///./data/digestbot.sqlite3) lives here.
VOLUME ["/app/data"]

USER 10001:10001

# 8080: GET /healthz and /metrics; 8443: the webhook server (when WEBHOOK_URL is set).
EXPOSE 8080 8443

# Shell form, so that HEALTH_PORT is read when the check runs; HEALTH_PORT=0 turns it off.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD [ "${HEALTH_PORT:-8080}" = "0" ] || python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:${HEALTH_PORT:-8080}/healthz', timeout=4)" || exit 1

ENTRYPOINT ["digestbot"]
CMD ["run"]
