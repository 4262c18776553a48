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
EXPOSE 3000

CMD ["reframe", "run"]
