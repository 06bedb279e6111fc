"""check-claims: check that articles about one story agree on their numbers and dates."""
__version__ = "0.1.0"

from .core import check  # noqa: E402  (check needs __version__ for the report)

__all__ = ["check", "__version__"]
