"""zhengce (政策): ingest, extract, search and compare Chinese local-government policy documents.

The library API that the ``zhengce`` command and notebooks share. Stages live in
``zhengce.ingest`` (bytes -> normalized Document), ``zhengce.nlp`` (Document ->
measures with amounts, units, deadlines, targets, instruments) and
``zhengce.index`` (hybrid FAISS + BM25 search over a store).
"""
from .records import SCHEMA_VERSION  # noqa: F401

__version__ = "0.1.0"
