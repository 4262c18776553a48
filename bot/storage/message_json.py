"""A rendered message as JSON text, as the outbox stores it until it is delivered."""

from __future__ import annotations

import base64
import json

from bot.domain import Attachment, Button, Message


def dump_message(message: Message) -> str:
    """A rendered message as JSON text (the attachment's bytes in base64)."""
    attachment = message.attachment
    return json.dumps(
        {
            "text": message.text,
            "buttons": [[button.id, button.label] for button in message.buttons],
            "step": message.step,
            "session_number": message.session_number,
            "attachment": None
            if attachment is None
            else {
                "filename": attachment.filename,
                "content": base64.b64encode(attachment.content).decode("ascii"),
            },
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


def load_message(text: str) -> Message:
    """The message dump_message wrote."""
    data = json.loads(text)
    attached = data.get("attachment")
    return Message(
        text=data["text"],
        buttons=tuple(Button(str(id_), str(label)) for id_, label in data.get("buttons", ())),
        step=data.get("step"),
        session_number=data.get("session_number"),
        attachment=None
        if attached is None
        else Attachment(attached["filename"], base64.b64decode(attached["content"])),
    )
