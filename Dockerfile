# Reframe Coach: `reframe run` serving Slack and/or Discord, the database on a volume.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    REFRAME_DB=/data/reframe.db \
    REFRAME_PROMPTS_DIR=/app/prompts \
    REFRAME_MIGRATIONS_DIR=/app/migrations

WORKDIR /app
COPY pyproject.toml README.md LICENSE ./
COPY bot ./bot
RUN pip install --no-cache-dir . && rm -rf build *.egg-info
COPY prompts ./prompts
COPY migrations ./migrations

RUN useradd --create-home --uid 10001 reframe \
    && mkdir -p /data \
    && chown reframe:reframe /data
USER reframe
VOLUME ["/data"]
EXPOSE 3000

CMD ["reframe", "run"]
