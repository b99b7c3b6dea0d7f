"""The floor for benchmarks/load.py: floor_app.py plus one checkbox, one radio and one button
under the map, the widget types our page draws (Streamlit loads each type's script apart)."""

import sys
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent))

from floor_app import main  # noqa: E402

main()
st.checkbox("Show the Sahel's other countries", key="others")
st.radio("Basemap", ["Light", "Plain"], key="basemap", horizontal=True)
st.button("Show the whole article", key="whole")
