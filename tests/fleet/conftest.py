"""The fleet tests use the bundle tests' content folders."""

from tests.bundles.conftest import content  # noqa: F401  (a fixture)
