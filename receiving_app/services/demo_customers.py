"""The demo's invented customers: names, businesses and addresses drawn from a seed, with their
account numbers and how they pay (a card is kept as its last four digits only)."""

from __future__ import annotations

import random
from typing import Any

ColumnValues = dict[str, Any]
PAYMENT_METHODS = ("card", "open_account", "paypal", "check")
PAYMENT_SHARES = (50, 30, 14, 6)
FIRST_NAMES = (
    "Dana",
    "Jordan",
    "Priya",
    "Mateo",
    "Keiko",
    "Olu",
    "Greta",
    "Hamid",
    "Lucia",
    "Tobias",
    "Amara",
    "Wen",
    "Rosa",
    "Idris",
    "Sofia",
    "Casey",
    "Nadia",
    "Emeka",
    "Ingrid",
    "Marcus",
    "Leila",
    "Tomas",
    "Yara",
    "Felix",
)
LAST_NAMES = (
    "Whitfield",
    "Okafor",
    "Lindqvist",
    "Moreau",
    "Tanaka",
    "Haddad",
    "Novak",
    "Castillo",
    "Brennan",
    "Adeyemi",
    "Kowalski",
    "Ferreira",
    "Sato",
    "Abernathy",
    "Delacroix",
    "Mbeki",
    "Jansen",
    "Quintero",
    "Hollis",
    "Varga",
)
BUSINESSES = (
    "Dental Group",
    "Law Office",
    "Elementary School",
    "Print & Copy",
    "Insurance Agency",
    "Veterinary Clinic",
    "Realty",
    "Architects",
)
STREETS = (
    "Maple Ave",
    "Industrial Pkwy",
    "Harbor Blvd",
    "Elm St",
    "Commerce Dr",
    "Lakeview Rd",
    "Main St",
    "Oak Ridge Ct",
)
CITIES = (
    ("Springfield", "IL", "62701"),
    ("Tacoma", "WA", "98402"),
    ("Macon", "GA", "31201"),
    ("Fresno", "CA", "93721"),
    ("Dayton", "OH", "45402"),
    ("Albany", "NY", "12207"),
    ("Boise", "ID", "83702"),
    ("Tulsa", "OK", "74103"),
)


def demo_customers(rng: random.Random, count: int) -> list[ColumnValues]:
    customers: list[ColumnValues] = []
    for index in range(1, count + 1):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        payment = rng.choices(PAYMENT_METHODS, weights=PAYMENT_SHARES)[0]
        business = rng.random() < 0.4
        city, region, postal = rng.choice(CITIES)
        name = f"{last} {rng.choice(BUSINESSES)}" if business else f"{first} {last}"
        customers.append(
            {
                "id": index,
                "account_number": f"C{10000 + index}",
                "name": name,
                "email": f"{first.lower()}.{last.lower()}{index}@example.com",
                "phone": f"(555) 01{rng.randrange(10)}-{rng.randrange(10000):04d}",
                "address": f"{rng.randrange(10, 9999)} {rng.choice(STREETS)}\n{city}, {region} {postal}",
                "payment_method": payment,
                "card_last4": f"{rng.randrange(10000):04d}" if payment == "card" else None,
            }
        )
    return customers
