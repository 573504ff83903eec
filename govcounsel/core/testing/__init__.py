"""Test support shared by every app: the one cast of test users and the generic scoped
test cases (ADR 0015). Importable, not collected: nothing here is named test_*."""

from .cast import ROLES, Cast

__all__ = ["ROLES", "Cast"]
