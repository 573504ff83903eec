"""Fixtures every test can use: the test jurisdiction (`tree`, drawn in
core/testing/tree.py), the clerk who certifies, and the one cast of test users (`cast`)."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from govcounsel.core.testing import Cast
from govcounsel.core.testing.tree import Tree, build_tree, certifier, make_clerk


@pytest.fixture
def tree(db: None) -> Tree:
    return build_tree()


@pytest.fixture
def api() -> APIClient:
    return APIClient()


@pytest.fixture
def clerk(tree):
    """An account able to run every certificate step anywhere in the test tree."""
    return make_clerk(tree)


@pytest.fixture
def certify(clerk):
    return certifier(clerk)


@pytest.fixture
def cast(tree: Tree, certify) -> Cast:
    """The one cast of test users, one per role of the role matrix (core/testing/cast.py)."""
    return Cast(tree, certify)
