"""What a run takes from its surroundings: the day it is, and the language of the person running it."""

from __future__ import annotations

import datetime as dt
import os
from typing import TYPE_CHECKING

from vplint.config.loader import ConfigError

if TYPE_CHECKING:
    from vplint.config.loader import Config
    from vplint.lint.options import Options

__all__ = ["env_language", "env_today", "today"]


def env_language() -> str:
    """``zh`` when ``$VPLINT_LANG`` (else the locale variables) names Chinese, else ``en``."""
    for var in ("VPLINT_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def env_today() -> dt.date | None:
    """``$VPLINT_TODAY`` as a date, or None when it is not set.  Raises :class:`ConfigError` when it is not a date."""
    value = os.environ.get("VPLINT_TODAY", "").strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"VPLINT_TODAY must be a date written YYYY-MM-DD, not {value!r}") from None


def today(options: Options, config: Config) -> dt.date:
    """The day time-dependent rules take as today: the option, the configuration, ``$VPLINT_TODAY``, the clock."""
    return options.today or config.today or env_today() or dt.date.today()
