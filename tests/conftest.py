"""The whole suite: the desk (a SQLite file) lives in a temporary folder, never in the checkout."""

import os
import tempfile

# Set before any test imports the page or starts a server (servers inherit the environment).
os.environ["SAHEL_DATA_DIR"] = tempfile.mkdtemp(prefix="sahel-test-desk-")
