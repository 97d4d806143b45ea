from .plain import split_plain

__all__ = ["split_plain"]
