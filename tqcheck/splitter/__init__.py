"""Split an article into role-labelled blocks (see plain.py for plain text)."""
from tqcheck.splitter.plain import split_plain

__all__ = ["split_plain"]
