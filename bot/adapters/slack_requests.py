"""What a request to /slack/events must pass before Bolt sees it: the signature, then the shape.

Bolt's aiohttp adapter decodes and parses the body (`to_bolt_request` -> `parse_body`) before
its own signature middleware runs, so junk from anyone who can reach the port (bytes that are
not UTF-8, 20,000 nesting levels, a 5,000-digit number) raised inside it: HTTP 500 and a
traceback per request. Here the signature is checked first, on the raw bytes, and only a
signed body is decoded and parsed; every refusal is a short 400/401.

Slack's scheme (https://api.slack.com/authentication/verifying-requests-from-slack):
`v0=` + hex HMAC-SHA256(signing secret, `v0:{X-Slack-Request-Timestamp}:{raw body}`), with the
timestamp within five minutes of now.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from collections.abc import Mapping
from urllib.parse import parse_qsl

MAX_SKEW = 300
_TIMESTAMP = re.compile(r"[0-9]{1,12}")
_SIGNATURE = re.compile(r"v0=[0-9a-f]{64}")


def signature_ok(secret: str, body: bytes, headers: Mapping[str, str], now: float) -> bool:
    """Whether the request carries Slack's valid, fresh signature of exactly these bytes.

    slack_sdk's SignatureVerifier decodes the body as UTF-8 and int()s the timestamp, both of
    which raise on hostile input; this checks the headers' shape first and signs raw bytes.
    """
    stamp = headers.get("X-Slack-Request-Timestamp", "")
    signature = headers.get("X-Slack-Signature", "")
    if not (secret and _TIMESTAMP.fullmatch(stamp) and _SIGNATURE.fullmatch(signature)):
        return False
    if abs(now - int(stamp)) > MAX_SKEW:
        return False
    signed = b"v0:" + stamp.encode("ascii") + b":" + body
    expected = "v0=" + hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)


def _json_object(text: str) -> bool:
    """Whether text is a JSON object Python can hold (deep nesting or huge numbers fail)."""
    try:
        return isinstance(json.loads(text), dict)
    except (ValueError, RecursionError):
        return False


def readable_body(body: bytes, content_type: str) -> str | None:
    """The body as text when Bolt's parse_body will read it into a dict, else None.

    The same rules as slack_bolt.request.internals.parse_body: JSON when the content type says
    so or the text starts with "{"; otherwise a form, whose `payload` field (buttons, views)
    is JSON.
    """
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if not text:
        return text
    if content_type.split(";")[0] == "application/json" or text.startswith("{"):
        return text if _json_object(text) else None
    if "payload" in text:
        try:
            payload = dict(parse_qsl(text, keep_blank_values=True, max_num_fields=200))
        except ValueError:
            return None
        if "payload" in payload and not _json_object(payload["payload"]):
            return None
    return text
