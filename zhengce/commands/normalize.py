"""``zhengce normalize FILE``: one file as a normalized document (JSON), no store."""
from __future__ import annotations

import json
import sys

from . import common as C

ORDER = 30


def register(sub) -> None:
    from ..pipeline import DEFAULT_MAX_BYTES

    p = sub.add_parser("normalize", help="print one file as a normalized document (JSON), no store")
    p.add_argument("file")
    p.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES)
    p.add_argument("--offsets", action="store_true", help="include the normalized->original offset map")
    p.set_defaults(run=run)


def run(args) -> int:
    from ..errors import IngestError
    from ..ingest.document import normalize_file
    from ..pipeline import source_name

    C.input_file(args.file, "normalize", streams=True)   # a pipe is read, at most --max-bytes of it
    try:
        # named as extract and ingest name it, so the doc_id is the same whatever the working folder
        doc = normalize_file(args.file, max_bytes=args.max_bytes, name=source_name)
    except IngestError as e:
        print(f"zhengce normalize: {e}", file=sys.stderr)
        return C.EXIT_ERROR
    from ..records import EXTRACTION_SCHEMA_VERSION

    # versioned like extract's output, whose document part it is (`zhengce schema document`)
    out = {"schema_version": EXTRACTION_SCHEMA_VERSION, **doc.to_dict(include_offsets=args.offsets)}
    # extraction decides not_policy (it reads the measures); printed here it would be a false for every page
    out.pop("not_policy", None)
    print(json.dumps(out, ensure_ascii=False, indent=1))
    return C.EXIT_OK
