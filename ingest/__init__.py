"""Ingest: messy government pages in, clean simplified Documents with metadata out."""
from .document import MIN_CJK, normalize_bytes, normalize_file, normalize_text
from .metadata import Metadata, extract_metadata
from .normalize import Normalized, normalize
from .region import resolve_region

__all__ = ["MIN_CJK", "Metadata", "Normalized", "extract_metadata", "normalize", "normalize_bytes",
           "normalize_file", "normalize_text", "resolve_region"]
