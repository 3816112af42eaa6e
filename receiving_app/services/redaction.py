"""Personal data found by its shape and blanked: e-mail addresses, card numbers, phone numbers and
password hashes. The log's second guard: failures are already logged without the values they
carried (failure_log.py), and this catches what a message of some other code might still hold.
Names and addresses have no shape to find, which is why it cannot be the first guard.
"""

from __future__ import annotations

import re

_SHAPES = (
    # Argon2 (every variant) and bcrypt hashes, up to the quote or space that ends them.
    ("[hash]", re.compile(r"\$(?:argon2(?:id|i|d)|2[abxy]?)\$[^\s'\"]+")),
    ("[e-mail]", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    # 13 to 19 digits, perhaps in groups split by spaces or dashes: a whole card number.
    ("[card]", re.compile(r"(?<![\w.-])\d(?:[ -]?\d){12,18}(?![\w-])")),
    # An international number (+ and at least 8 digits), or a North American one: (555) 010-2030.
    (
        "[phone]",
        re.compile(r"(?<![\w+])\+\d[\d ().-]{6,}\d(?![\w])|(?<![\w.-])\(?\d{3}\)?[ .-]?\d{3}[ .-]?\d{4}(?![\w-])"),
    ),
)


def redacted(text: str) -> str:
    for replacement, shape in _SHAPES:
        text = shape.sub(replacement, text)
    return text
