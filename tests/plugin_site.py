"""The sample third-party exhibit type of ``tests/roots/plugin``, installed for one test.

``site/`` holds the package ``kiosk_sample_stamp`` and its ``.dist-info`` with an entry
point in the ``kiosk.exhibit_types`` group, as ``pip install`` would leave them, so the
registry finds the type the way it finds any installed plugin.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager

from kiosk.exhibit_types import default_registry
from tests.conftest import ROOTS

PLUGIN = ROOTS / "plugin"


@contextmanager
def sample_plugin_installed():
    sys.path.insert(0, str(PLUGIN / "site"))
    default_registry.cache_clear()
    try:
        yield PLUGIN / "content"
    finally:
        sys.path.remove(str(PLUGIN / "site"))
        for name in [m for m in sys.modules if m.startswith("kiosk_sample_stamp")]:
            del sys.modules[name]
        default_registry.cache_clear()
