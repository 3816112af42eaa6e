"""The ways real export files write a value, read into the plain text the station's bounds check, and
noted so that the import can say how it read each one ("list_price: read "$45.99" as 45.99 (3 rows)").

Each reader returns the plain text (or, for a choice, the station's word) and what to tell the person,
or the cell unchanged when it is none of the spellings known here: the bounds checks then refuse it
with their own message. Nothing here decides whether a value is in bounds.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from receiving_app.services.import_mappings import normalized

# At most 32 characters reach here (the bounds' longest number); the digits are ASCII only.
_MONEY = re.compile(r"(?:\$|US\$|USD)?\s*(?P<number>[0-9][0-9.,]*)\s*(?:\$|USD)?", re.IGNORECASE)
_WEIGHT = re.compile(r"(?P<number>[0-9][0-9.,]*)\s*(?P<unit>g|gr|grams?|kg|kilograms?)", re.IGNORECASE)
_GROUPED = re.compile(r"[0-9]{1,3}(?:(?P<group>[.,])[0-9]{3})(?:(?P=group)[0-9]{3})*")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_SLASHED_DATE = re.compile(r"(?P<month>[0-9]{1,2})/(?P<day>[0-9]{1,2})/(?P<year>[0-9]{4})")
_DOTTED_DATE = re.compile(r"(?P<day>[0-9]{1,2})\.(?P<month>[0-9]{1,2})\.(?P<year>[0-9]{4})")
# A time after the date, as exports of a date and time write it: "2026-03-09 14:03:22 -0500", "3/9/2026 2:03 PM".
_TIME = re.compile(
    r"(?:[T ][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?(?: ?[AP]M)?(?: ?(?:Z|UTC|[+-][0-9:]{4,5}))?)"
)
_REPORTED_SPELLINGS = 30

# Words the trade uses for a station word, whichever source the file comes from (a mapping's own words
# are tried first). A catalog says who made a cartridge in many ways; the routes only know three.
TRADE_WORDS: Mapping[str, Mapping[str, str]] = {
    "make": {
        "original": "oem",
        "genuine": "oem",
        "generic": "compatible",
        "aftermarket": "compatible",
        "reman": "remanufactured",
        "refurbished": "remanufactured",
        "recycled": "remanufactured",
    }
}


@dataclass
class ValueReading:
    """How one file's values are read: whether its decimal mark is a comma (a semicolon file), its
    source's words for the station's choices (by column), and the spellings read so far."""

    decimal_comma: bool = False
    words: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    spellings: Counter[tuple[str, str, str]] = field(default_factory=Counter)

    def noted(self, column: str, text: str, reading: str, note: str = "") -> None:
        self.spellings[(column, f'read "{text}" as {reading}', note)] += 1

    def report(self) -> list[str]:
        """Each spelling read, with how many rows wrote it so, the most common first."""
        lines = [
            f"{column}: {read}{note} ({count} row{'s' if count != 1 else ''})"
            for (column, read, note), count in self.spellings.most_common(_REPORTED_SPELLINGS)
        ]
        hidden = len(self.spellings) - len(lines)
        return lines + ([f"and {hidden} more value(s) read in the same ways"] if hidden > 0 else [])


def plain_number(text: str, reading: ValueReading) -> str:
    """``text`` with its thousands separators taken out and its decimal mark a point: "1,234.50" ->
    "1234.50"; "45,99" -> "45.99" in a semicolon file, or wherever a comma cannot be a thousands separator."""
    if "," not in text:
        return text
    if "." in text:
        whole, point, fraction = text.rpartition("." if text.rfind(".") > text.rfind(",") else ",")
        grouped = _GROUPED.fullmatch(whole)
        return f"{whole.replace(grouped.group('group'), '')}.{fraction}" if grouped and point else text
    grouped = _GROUPED.fullmatch(text)
    if grouped and not reading.decimal_comma:
        return text.replace(",", "")
    whole, _, fraction = text.rpartition(",")
    return f"{whole}.{fraction}" if "," not in whole and whole else text


def money_text(column: str, text: str, reading: ValueReading) -> str:
    """An amount as plain text: "$45.99", "45,99", "1,234.50 USD" read as 45.99 and 1234.50."""
    spelled = _MONEY.fullmatch(text)
    if spelled is None:
        return text
    plain = plain_number(spelled.group("number"), reading)
    if plain != text:
        reading.noted(column, text, plain)
    return plain


def whole_number_text(column: str, text: str, reading: ValueReading) -> str:
    """A count as plain digits: "2.00", as ERPs write a quantity, read as 2."""
    spelled = re.fullmatch(r"(?P<number>[0-9]+)[.,]0+", text)
    if spelled is None:
        return text
    reading.noted(column, text, spelled.group("number"))
    return spelled.group("number")


def grams_value(column: str, text: str, reading: ValueReading) -> str | Decimal:
    """A weight in grams: "1180 g", "1180g" and "1.18 kg" read as 1180; a bare number is grams."""
    spelled = _WEIGHT.fullmatch(text)
    if spelled is None:
        plain = plain_number(text, reading)
        if plain != text:
            reading.noted(column, text, f"{plain} g")
        return plain
    number = plain_number(spelled.group("number"), reading)
    if not re.fullmatch(r"[0-9]+(?:\.[0-9]*)?", number):
        return text
    grams = Decimal(number) * (1000 if spelled.group("unit").lower().startswith("k") else 1)
    reading.noted(column, text, f"{grams.normalize():f} g")
    return grams


def date_value(column: str, text: str, reading: ValueReading) -> date | None:
    """A date written ISO (2026-12-31), US (12/31/2026: month first) or dotted (31.12.2026: day first),
    with or without a time after it; None when it is none of these or no such day."""
    day_part, timed = _without_time(text)
    note = " (the date of a date and time)" if timed else ""
    try:
        if _ISO_DATE.fullmatch(day_part):
            read = date.fromisoformat(day_part)
        elif slashed := _SLASHED_DATE.fullmatch(day_part):
            year, month, day = int(slashed["year"]), int(slashed["month"]), int(slashed["day"])
            read = date(year, month, day)
            other = f"; it could also be {date(year, day, month).isoformat()}" if month != day and day <= 12 else ""
            note += f" (month first{other})"
        elif dotted := _DOTTED_DATE.fullmatch(day_part):
            read = date(int(dotted["year"]), int(dotted["month"]), int(dotted["day"]))
            note += " (day first)"
        else:
            return None
    except ValueError:
        return None
    if read.isoformat() != text:
        reading.noted(column, text, read.isoformat(), note)
    return read


def _without_time(text: str) -> tuple[str, bool]:
    for pattern in (_ISO_DATE, _SLASHED_DATE, _DOTTED_DATE):
        found = pattern.match(text)
        if found is not None and _TIME.fullmatch(text[found.end() :]):
            return found.group(), True
    return text, False


def choice_word(column: str, text: str, words: tuple[str, ...], reading: ValueReading) -> str | None:
    """The station's word that ``text`` spells: the source's own word for it (from its mapping), the
    station's word in any case, with spaces or hyphens ("Toner", "Not needed"), or the trade's word for
    it ("Genuine"); None when it is none of these."""
    key = normalized(text)
    word = reading.words.get(column, {}).get(key)
    if word is None:
        word = next((candidate for candidate in words if normalized(candidate) == key and key), None)
    if word is None:
        word = next((meant for said, meant in TRADE_WORDS.get(column, {}).items() if normalized(said) == key), None)
    if word is not None and word != text:
        reading.noted(column, text, word)
    return word
