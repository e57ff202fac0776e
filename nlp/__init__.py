"""Extraction: measures with money, deadlines, responsible units, targets and instrument tags.

Entry points: :func:`extract` (a normalized :class:`~zhengce.records.Document`) and
:func:`extract_text` (bare text). Submodules import nothing heavy at import time.
"""
from .extract import extract, extract_text, level_prefix_for
from .instruments import TAXONOMY, tag_instruments, tag_spans
from .measures import split_measures
from .units import document_lead_rule, find_units

__all__ = ["extract", "extract_text", "level_prefix_for", "split_measures", "find_units",
           "document_lead_rule", "tag_instruments", "tag_spans", "TAXONOMY"]
