"""Where the kiosk keeps its own files (never inside a content folder): platformdirs' data folder.

``KIOSK_DATA_DIR`` overrides it (tests, several kiosks on one machine).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import user_data_dir


_PACKAGE = Path(__file__).resolve().parent
# The fonts (Noto, and the icons): in a wheel inside the package (setup.py copies them), in a checkout in media/fonts.
FONTS = _PACKAGE / "fonts" if (_PACKAGE / "fonts").is_dir() else _PACKAGE.parent / "media" / "fonts"


def data_dir() -> Path:
    folder = Path(os.environ.get("KIOSK_DATA_DIR") or user_data_dir("musee-kiosk", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


CONTENT_ENV = "KIOSK_CONTENT"


def default_content_path() -> Path:
    """The content the kiosk runs from, and where bundles are installed: ``$KIOSK_CONTENT``, else ``exhibits``
    (in the laptop build, the exhibition it carries when there is no ``exhibits`` folder where it was started)."""
    if os.environ.get(CONTENT_ENV):
        return Path(os.environ[CONTENT_ENV])
    bundled = Path(getattr(sys, "_MEIPASS", "")) / "exhibits"
    if getattr(sys, "frozen", False) and not Path("exhibits").is_dir() and bundled.is_dir():
        return bundled
    return Path("exhibits")


def content_identity(target: Path) -> str:
    """A cheap string that changes when another version goes live at ``target`` (the running kiosk polls it).

    The folder the path stands for (an install swaps a symbolic link) and the stat of its
    ``bundle.json`` (or, for content not installed from a bundle, its ``collection.yaml``).
    """
    real = os.path.realpath(target)
    for name in ("bundle.json", "collection.yaml"):
        try:
            stat = os.stat(os.path.join(real, name))
        except FileNotFoundError:
            continue
        return f"{real}|{name}|{stat.st_ino}|{stat.st_mtime_ns}|{stat.st_size}"
    return f"{real}|-"
