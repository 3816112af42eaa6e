"""How PINs and passwords are hashed: Argon2id at a cost OWASP recommends.

OWASP's Password Storage Cheat Sheet lists five Argon2id settings of equal strength, from 46 MiB of
memory and 1 pass to 7 MiB and 5 passes, all with 1 lane; this is its 12 MiB, 3 passes. argon2-cffi's
own default (RFC 9106: 64 MiB, 3 passes, 4 lanes) took 100 ms per check on a station's two cores,
and a clerk waits through a check at every sign-in and after every idle lock; this takes about 20 ms.
The cost does little for a four-digit PIN in any case (10,000 guesses take minutes at either cost):
the lockout after ten failures and the database's access rights protect it.
"""

from __future__ import annotations

from argon2 import PasswordHasher

HASHER = PasswordHasher(time_cost=3, memory_cost=12 * 1024, parallelism=1)
"""Hashes made with other parameters still verify; sign-in remakes them with these (AuthService)."""


def hash_secret(secret: str) -> str:
    return HASHER.hash(secret)
