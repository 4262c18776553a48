# Reframe Coach: `reframe run` serving Slack and/or Discord, the database on a volume.
# The image installs the wheel: the coach's texts and migrations travel inside it.
FROM python:3.11-slim AS wheel
WORKDIR /src
COPY pyproject.toml README.md LICENSE ./
COPY bot ./bot
COPY prompts ./prompts
COPY migrations ./migrations
RUN pip wheel --no-cache-dir --no-deps --wheel-dir /wheels .

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    REFRAME_DB=/data/reframe.db
COPY --from=wheel /wheels /wheels
RUN pip install --no-cache-dir /wheels/*.whl && rm -rf /wheels

RUN useradd --create-home --uid 10001 reframe \
    && mkdir -p /data \
    && chown reframe:reframe /data
USER reframe
WORKDIR /home/reframe
VOLUME ["/data"]
# 3000: Slack's HTTP mode (PORT); 9464: the operations endpoint (OPS_PORT).
EXPOSE 3000 9464
# Liveness from the operations endpoint; point an orchestrator's readiness probe at /readyz.
HEALTHCHECK --interval=30s --timeout=5s CMD ["python", "-c", "import os, urllib.request as u; u.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('OPS_PORT', '9464'), timeout=4)"]

CMD ["reframe", "run"]
