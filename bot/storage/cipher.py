"""Tokens encrypted at rest with Fernet (AES-128-CBC + HMAC-SHA256, from `cryptography`)."""

from __future__ import annotations

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from bot.errors import StorageError

KEY_HELP = (
    'make one with: python -c "from cryptography.fernet import Fernet; '
    'print(Fernet.generate_key().decode())"'
)


def key_problem(setting: str, keys: str) -> str | None:
    """Why a comma-separated list of Fernet keys is unusable, or None when it is fine."""
    parts = [part.strip() for part in keys.split(",") if part.strip()]
    if not parts:
        return f"{setting} is not set ({KEY_HELP})"
    for number, part in enumerate(parts, start=1):
        try:
            Fernet(part)
        except ValueError:
            # Never echo the key itself: it is a secret.
            return (
                f"{setting}: key {number} is not a Fernet key, 32 url-safe base64 bytes "
                f"({KEY_HELP})"
            )
    return None


class TokenCipher:
    """Encrypts with the first key and decrypts with any, so keys can be rotated.

    `keys` is the setting's text: one Fernet key, or several separated by commas (newest
    first). Raises ValueError for a malformed key (check with key_problem first).
    """

    def __init__(self, keys: str) -> None:
        self._fernet = MultiFernet([Fernet(k.strip()) for k in keys.split(",") if k.strip()])

    def seal(self, secret: str | None) -> str | None:
        """The secret encrypted to url-safe text (None stays None)."""
        if secret is None:
            return None
        return self._fernet.encrypt(secret.encode("utf-8")).decode("ascii")

    def open(self, sealed: str | None) -> str | None:
        """The secret back; StorageError when no configured key opens it."""
        if sealed is None:
            return None
        try:
            return self._fernet.decrypt(sealed.encode("ascii")).decode("utf-8")
        except InvalidToken as error:
            raise StorageError(
                "a stored Slack token cannot be decrypted with SLACK_TOKEN_KEY "
                "(was the key changed? keep the old key after the new one, comma-separated)"
            ) from error
