"""The currencies a seller may name in its policy: ISO 4217 alphabetic codes, and how each is written.

Only currencies people pay in are listed (no precious metals, fund units or test codes), and of those
only the ones counted in hundredths: the station keeps every amount in whole cents (``money.py``), so a
currency of whole units (JPY) or thousandths (KWD) is refused rather than printed with cents it does
not have.
"""

from __future__ import annotations

DEFAULT_CURRENCY = "USD"
"""The currency of a seller whose policy names none."""

_COUNTED_IN_HUNDREDTHS = """
AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF
CHF CNY COP CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL
HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP
MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD
SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD UYU UZS
VED VES WST XCD XCG YER ZAR ZMW ZWG
"""
CURRENCIES = frozenset(_COUNTED_IN_HUNDREDTHS.split())
"""Every code a policy may name."""

_NOT_IN_HUNDREDTHS = "BHD BIF CLP DJF GNF IQD ISK JOD JPY KMF KRW KWD LYD OMR PYG RWF TND UGX VND VUV XAF XOF XPF"
NOT_IN_HUNDREDTHS = frozenset(_NOT_IN_HUNDREDTHS.split())
"""Currencies of whole units or of thousandths: real, but not ones the station can keep in cents."""

_SYMBOLS = {
    "USD": "$",
    "EUR": "€",
    "GBP": "£",
    "CAD": "CA$",
    "AUD": "A$",
    "NZD": "NZ$",
    "MXN": "MX$",
    "HKD": "HK$",
    "SGD": "S$",
    "INR": "₹",
    "ILS": "₪",
    "UAH": "₴",
    "NGN": "₦",
    "PHP": "₱",
    "TRY": "₺",
    "CNY": "CN¥",
}
"""The symbols people read an amount by. A currency not listed is written with its code ("CHF 7.10")."""

SHARED_SYMBOLS = frozenset({"$", "£"})
"""Symbols that several currencies write: "$" is also the Canadian, Australian or Mexican reader's own
money, "£" the Egyptian's or Lebanese's. Wherever the reader could take one for another, a document or a
report prints the code beside it."""


def currency_problem(code: object) -> str | None:
    """Why ``code`` cannot be a seller's currency, in a sentence; None when it can."""
    if not isinstance(code, str) or len(code) != 3 or not code.isascii() or not code.isupper():
        return f"must be a three-letter ISO 4217 currency code such as {DEFAULT_CURRENCY} or EUR"
    if code in NOT_IN_HUNDREDTHS:
        return f"{code} is not counted in hundredths; the station keeps every amount in cents"
    if code not in CURRENCIES:
        return f"{code} is not an ISO 4217 currency code"
    return None


def currency_symbol(code: str) -> str | None:
    """The currency's own symbol, or None where it is written with its code."""
    return _SYMBOLS.get(code)


def symbol_is_shared(code: str) -> bool:
    """Whether the currency's symbol alone could be read as another currency ("$")."""
    symbol = _SYMBOLS.get(code)
    return symbol is not None and symbol in SHARED_SYMBOLS
