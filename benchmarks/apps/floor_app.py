"""The floor for benchmarks/page.py: one GeoJson layer of three countries on the same stack."""

import html
import json
import sys
from pathlib import Path

import folium
import streamlit as st
from streamlit_folium import st_folium

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from dashboard.ui.assets import offline_map  # noqa: E402

COUNTRIES = ("NER", "MLI", "BFA")


@st.cache_resource(show_spinner=False)
def shapes() -> dict:
    """Return the three AES countries from geodata/countries.geojson, with a select property."""
    world = json.loads((ROOT / "geodata" / "countries.geojson").read_text(encoding="utf-8"))
    features = []
    for feature in world["features"]:
        iso3 = feature["properties"]["iso3"]
        if iso3 in COUNTRIES:
            properties = {**feature["properties"], "select": iso3}
            features.append({**feature, "properties": properties})
    return {"type": "FeatureCollection", "features": features}


def main() -> None:
    """Draw the floor: the map, and under it the name of the country last clicked."""
    st.set_page_config(page_title="Floor map", layout="wide")
    fmap = offline_map(location=(16, 0), zoom_start=4)
    folium.GeoJson(
        shapes(),
        name="AES countries",
        style_function=lambda f: {
            "fillColor": "#0072B2",
            "color": "#333333",
            "weight": 1,
            "fillOpacity": 0.55,
        },
    ).add_to(fmap)
    result = st_folium(
        fmap, key="map", height=560, use_container_width=True,
        returned_objects=["last_active_drawing"],
    )
    drawing = (result or {}).get("last_active_drawing") or {}
    name = (drawing.get("properties") or {}).get("name")
    if name:
        st.markdown(f"<div id='picked'>{html.escape(str(name))}</div>", unsafe_allow_html=True)


if __name__ == "__main__":  # as Streamlit runs it
    main()
