"""POSTing a webhook's body to its URL and reading the status the receiver answered.

No redirect is followed: a receiver that moved is told by its answer (3xx), and the signed body
never goes to an address nobody configured. A receiver that does not answer within the timeout,
refuses the connection or fails TLS raises ``PostFailed``.
"""

from __future__ import annotations

import http.client
import ssl
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

POST_TIMEOUT_SECONDS = 10
_ANSWER_READ_LIMIT = 64 * 1024  # the answer is read so the connection closes cleanly, never kept


class PostFailed(Exception):
    """The receiver could not be reached, or its answer could not be read."""


@dataclass(frozen=True, slots=True)
class PostAnswer:
    status: int
    reason: str

    @property
    def accepted(self) -> bool:
        return 200 <= self.status < 300


def post(url: str, body: bytes, headers: Mapping[str, str], *, timeout: float = POST_TIMEOUT_SECONDS) -> PostAnswer:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise PostFailed(f"{url} is not an http or https address")
    connection: http.client.HTTPConnection
    if parts.scheme == "https":
        connection = http.client.HTTPSConnection(
            parts.hostname, parts.port, timeout=timeout, context=ssl.create_default_context()
        )
    else:
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    try:
        connection.request("POST", target, body=body, headers={**headers, "Content-Length": str(len(body))})
        response = connection.getresponse()
        response.read(_ANSWER_READ_LIMIT)
        return PostAnswer(response.status, response.reason)
    except (OSError, http.client.HTTPException) as error:
        raise PostFailed(f"{parts.hostname} did not answer ({getattr(error, 'strerror', None) or error})") from None
    finally:
        connection.close()
