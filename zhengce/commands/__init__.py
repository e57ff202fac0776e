"""The ``zhengce`` subcommands, one module each.

A command module defines ``register(subparsers)``, which adds its parser with every option
beside the code that reads it and sets ``run`` as the handler, and ``run(args) -> int``
(the exit code). ``ORDER`` (optional) places it in ``zhengce --help``. ``zhengce.cli``
finds the modules here by itself: adding a command is adding a module.
"""
from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

_NOT_COMMANDS = {"common"}


def modules() -> list[ModuleType]:
    found = [importlib.import_module(f"{__name__}.{m.name}") for m in pkgutil.iter_modules(__path__)
             if m.name not in _NOT_COMMANDS and not m.name.startswith("_")]
    return sorted(found, key=lambda m: (getattr(m, "ORDER", 100), m.__name__))
