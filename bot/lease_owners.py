"""Lease owners: an id naming this host and process, and whether such a process is gone.

The inbox and the outbox lease rows to an owner; a restart on the same host tells from the
owner id that the process holding a lease was killed, and takes its rows back at once.
"""

from __future__ import annotations

import os
import socket
import uuid


def process_owner() -> str:
    """A lease owner id naming this host and process, so a restart can tell it is gone."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:12]}"


def owner_is_dead(owner: str) -> bool:
    """Whether a lease owner was a process on this host that no longer runs."""
    host, _, rest = owner.partition(":")
    pid_text = rest.partition(":")[0]
    if host != socket.gethostname() or not pid_text.isdigit():
        return False
    pid = int(pid_text)
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False
