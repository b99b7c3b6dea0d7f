"""The core runs without the UI layer: a rule of DESIGN.md, enforced."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PROBE = """
import sys
sys.modules["streamlit"] = None
sys.modules["folium"] = None
sys.modules["streamlit_folium"] = None
import pkgutil, importlib, dashboard.core
for module in pkgutil.iter_modules(dashboard.core.__path__):
    importlib.import_module("dashboard.core." + module.name)
import dashboard.__main__
assert not any(name.startswith("dashboard.ui") for name in sys.modules), "core imported ui"
print("ok")
"""


def test_core_imports_without_streamlit_or_folium():
    result = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_core_source_never_names_the_ui_layer():
    offenders = [
        path.name for path in (ROOT / "dashboard" / "core").glob("*.py")
        if any(line.lstrip().startswith(("import streamlit", "from streamlit", "import folium",
                                         "from folium", "from ..ui", "from dashboard.ui"))
               for line in path.read_text().splitlines())
    ]
    assert offenders == []
