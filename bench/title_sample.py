"""Draw title extractions from the corpus at random (fixed seed), for checking by hand.

    python bench/title_sample.py                  # 100 titles, seed 14, as a list to judge
    python bench/title_sample.py --n 60 --seed 3 --context 200

bench/sample.py with `--type title`; docs/title-precision.md records samples judged this way.
"""
from __future__ import annotations

from sample import main

if __name__ == "__main__":
    raise SystemExit(main(default_type="title"))
