"""Streamlit entry point: streamlit run dashboard/app.py"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dashboard.ui.page import main  # noqa: E402

main()
