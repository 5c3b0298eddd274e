"""``python -m pipeline.bench --child …``: one bench measurement in a fresh process (see `pipeline.bench.children`)."""

import sys

from pipeline.bench.children import child_main

if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        raise SystemExit(child_main(sys.argv[2:]))
    raise SystemExit("use `python -m pipeline bench`; this module runs directly only as a bench child")
