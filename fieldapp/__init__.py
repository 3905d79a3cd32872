"""fieldapp: offline screening and handover for anti-trafficking raid teams."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("fieldapp")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
