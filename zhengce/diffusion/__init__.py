"""Policy diffusion: who adopted a measure when, who reused whose wording, and the instrument mix.

    timeline(searcher, question)      per place its earliest answering document (undated and national apart)
    panel(searcher, question)         place × year event-history table (pandas), write_panel → csv/parquet/dta
    similar(store, measure | text=)   measures elsewhere reusing the wording, earlier → later
    diffusion(searcher, question)     reuse edges earlier doc → later doc, write_edges → CSV
    instrument_mix(store, by=...)     supply / environment / demand mix per place or province
"""
from .instruments_mix import instrument_mix
from .network import diffusion, to_networkx, write_edges
from .panel import panel, write_panel
from .reuse import ReuseIndex, open_index, similar
from .timeline import timeline

__all__ = ["timeline", "panel", "write_panel", "similar", "diffusion", "write_edges", "to_networkx",
           "instrument_mix", "ReuseIndex", "open_index"]
