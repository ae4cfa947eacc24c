"""Salted password hashes and API-key digests; nothing secret is ever stored in the clear.

Passwords use scrypt (memory-hard, in the standard library); API keys are 256-bit random
tokens, so a plain SHA-256 of the key is enough to look them up without storing them.
"""
from __future__ import annotations

import hashlib
import hmac
import secrets
from functools import lru_cache

# scrypt cost: n=2**14, r=8 takes ~16 MB and ~50 ms per check on one core — slow enough to
# make offline guessing expensive, fast enough for a login form (OWASP's interactive minimum).
N, R, P, DKLEN = 2 ** 14, 8, 1, 32
KEY_PREFIX = "rag_"


def hash_password(password: str) -> str:
    """'scrypt$n$r$p$salt$hash' (hex) for a new random 16-byte salt."""
    if not password:
        raise ValueError("the password is empty")
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=N, r=R, p=P, dklen=DKLEN)
    return f"scrypt${N}${R}${P}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    """Whether `password` matches a stored hash (constant-time comparison)."""
    try:
        algo, n, r, p, salt, digest = stored.split("$")
        if algo != "scrypt":
            return False
        got = hashlib.scrypt((password or "").encode("utf-8"), salt=bytes.fromhex(salt),
                             n=int(n), r=int(r), p=int(p), dklen=len(digest) // 2)
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got.hex(), digest)


@lru_cache(maxsize=1)
def dummy_hash() -> str:
    """Checked when the user name is unknown, so a wrong name costs as long as a wrong
    password and response times do not reveal which accounts exist."""
    return hash_password(secrets.token_hex(8))


def new_api_key() -> str:
    return KEY_PREFIX + secrets.token_urlsafe(32)


def key_digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()
