"""Fixtures shared by several test files."""
from __future__ import annotations

import builtins
import os

import pytest


@pytest.fixture
def unreadable(monkeypatch):
    """Make files unreadable as they would be for an ordinary user (root reads mode-000 files,
    so for root open() is made to fail for them too); permissions are restored afterwards."""
    locked: list = []
    real_open = builtins.open

    def guarded(file, *args, **kwargs):
        if str(file) in {str(p) for p in locked}:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    def lock(path):
        path.chmod(0)
        locked.append(path)
        if os.geteuid() == 0 and len(locked) == 1:
            monkeypatch.setattr(builtins, "open", guarded)
        return path

    yield lock
    for path in locked:
        path.chmod(0o644)
