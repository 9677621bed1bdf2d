"""Write the compiled patterns the package ships for this Python build (resources/suggest/compiled/).

The suggestion rules compile about 160 large patterns, 0.4 s on 2 cores; the user's cache folder
keeps them after a machine's first run (annotator/core/pattern_cache.py). The package also ships them
compiled by the build the project is tested with, so that first run costs nothing there either. Run
this after changing the rules, the lexicon or the learned detector's cue flags, with the Python that
runs the tests (tests/core/test_pattern_cache.py fails on that build while the file is not current):

    python tests/bench/freeze_patterns.py

It compiles the default rules and the detector in a new process with an empty cache folder and
rewrites this build's file; files of other builds are left as they are (an entry is keyed by its
pattern's text, so one no rule uses any longer is only never read).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_FREEZE = """
import sys
from annotator.core import pattern_cache
from annotator.core.resources import resources_dir
from annotator.core.suggest.cues import load_lexicon
from annotator.core.suggest.suggester import detector_for, rules_for
lexicon = load_lexicon()
rules_for(lexicon)
detector_for(lexicon)
name, data = pattern_cache.shipped_file()
path = resources_dir() / name
path.parent.mkdir(parents=True, exist_ok=True)
path.write_bytes(data)
print(path, len(data), "bytes,", len(pattern_cache._used), "patterns")
"""


def main() -> None:
    with tempfile.TemporaryDirectory() as cache:
        os.chmod(cache, 0o700)
        subprocess.run([sys.executable, "-c", _FREEZE], check=True,
                       env={**os.environ, "ANNOTATOR_CACHE_DIR": cache, "PYTHONPATH": str(ROOT)})


if __name__ == "__main__":
    main()
