"""Fixtures shared by tests/reliability modules."""

from tests.reliability.forkserver import zygote  # noqa: F401 - the fork server of test_crash_matrix
from tests.reliability.tampering import world  # noqa: F401 - HQ and genuine bundles for test_tamper/test_fuzz
