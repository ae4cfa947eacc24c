"""Domain profiles, chosen by name: "zh-gov" (Chinese government records) is the default.

`get_profile()` returns the profile named by the `profile` setting (RAG_PROFILE). Profiles
are modules imported when first asked for; each exposes `profile() -> DomainProfile`.
"""
from __future__ import annotations

import functools
import importlib
import os
import threading

from .base import DomainProfile
from .places import Place, PlaceTable
from .roles import Role, RoleTable

__all__ = ["DomainProfile", "Place", "PlaceTable", "Role", "RoleTable", "available_profiles",
           "get_profile", "register_profile"]

# name -> "module:function" returning a DomainProfile
_REGISTRY: dict[str, str] = {"zh-gov": "rag.profiles.zh_gov:profile"}
_cache: dict[str, DomainProfile] = {}
_lock = threading.Lock()


def available_profiles() -> tuple[str, ...]:
    return tuple(_REGISTRY)


def register_profile(name: str, factory: str) -> None:
    """Make a profile selectable by name; `factory` is "package.module:function"."""
    _REGISTRY[name] = factory
    _cache.pop(name, None)


@functools.lru_cache(maxsize=1)
def _default_name() -> str:
    from rag.settings import Settings
    return Settings.profile


def get_profile(name: str | None = None, settings=None) -> DomainProfile:
    """The profile `name`, else the one `settings` name, else RAG_PROFILE, else zh-gov.

    Called per sentence by answer scoring, so without settings it reads the one variable
    rather than building a Settings (same precedence: environment, then the default)."""
    if not name:
        if settings is not None:
            name = settings.profile
        else:
            name = os.environ.get("RAG_PROFILE") or _default_name()
    name = name.strip()
    prof = _cache.get(name)
    if prof is not None:
        return prof
    if name not in _REGISTRY:
        raise ValueError(f"unknown domain profile {name!r}; set RAG_PROFILE to one of: "
                         + ", ".join(_REGISTRY))
    with _lock:
        prof = _cache.get(name)
        if prof is None:
            module, func = _REGISTRY[name].split(":")
            prof = getattr(importlib.import_module(module), func)()
            _cache[name] = prof
    return prof
