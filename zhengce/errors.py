"""The errors zhengce raises for a person to act on, one class per kind of fault.

The library raises these; the CLI and the web app only translate them:

=================  ==========================  ======================================
error              CLI                         web
=================  ==========================  ======================================
InvalidParam       exit 2, one line            422 ``{error, param, message}``
IndexDamaged       exit 1, hint to repair      503 with the same hint
IndexBusy          exit 1, one line            (the web app never writes the index)
ZhengceError       exit 1, one line            400 ``{error, message}``
=================  ==========================  ======================================
"""
from __future__ import annotations


class ZhengceError(Exception):
    """Base class for errors a user can act on."""


class ZhengceWarning(UserWarning):
    """Something done with a loss the user should know of (an xlsx cell cut to Excel's limit); the CLI prints
    it as one ``warning:`` line."""


class InvalidParam(ZhengceError, ValueError):
    """A value given for ``param`` (a CLI option or a web query parameter) cannot be honoured."""

    def __init__(self, param: str, message: str):
        self.param, self.message = param, message
        super().__init__(f"{param}: {message}")


class IndexDamaged(ZhengceError):
    """The search index on disk is missing files or cannot be read: a fault of the store, not the request."""

    HINT = "run `zhengce doctor --repair` to rebuild it"

    def __init__(self, message: str):
        super().__init__(f"{message}; {self.HINT}")


class IndexBusy(ZhengceError):
    """Another process is writing the store's search index (``index/lock.py``): doing it too would repeat its work."""


class IngestError(ZhengceError):
    """One input could not be ingested; ``reason`` is a short machine code."""

    def __init__(self, source: str, reason: str, detail: str = ""):
        self.source = source
        self.reason = reason          # empty | binary | undecodable | too_large | not_policy | unreadable | ...
        self.detail = detail
        super().__init__(f"{source}: {reason}" + (f" ({detail})" if detail else ""))
