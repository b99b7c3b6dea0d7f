"""Behaviour page: what st_folium returns on a click; what a feature_group_to_add change keeps."""

import json

import folium
import streamlit as st
from streamlit_folium import st_folium

from dashboard.ui.assets import offline_map


def square(west: float, south: float, east: float, north: float) -> dict:
    """Return a GeoJSON polygon for a lon/lat box."""
    ring = [[west, south], [east, south], [east, north], [west, north], [west, south]]
    return {"type": "Polygon", "coordinates": [ring]}


PLACES = {
    "type": "FeatureCollection",
    "features": [
        {"type": "Feature", "properties": {"id": "NER"}, "geometry": square(0, 12, 15, 23)},
        {"type": "Feature", "properties": {"id": "MLI"}, "geometry": square(-12, 12, -2, 23)},
        {
            "type": "Feature",
            "properties": {"id": "gn:2440485"},
            "geometry": {"type": "Point", "coordinates": [2.11, 13.51]},
        },
    ],
}

st.session_state.runs = st.session_state.get("runs", 0) + 1
colour = st.radio("base colour", ["blue", "green"], horizontal=True)
extra = st.radio("extra layer", ["north", "south"], horizontal=True)

fmap = offline_map(location=[17, 0], zoom_start=4)
folium.GeoJson(
    PLACES,
    style_function=lambda _feature, c=colour: {"color": c},
    marker=folium.CircleMarker(radius=8, fill=True),
).add_to(fmap)
folium.CircleMarker([17, 13], radius=8, fill=True, tooltip="loose marker").add_to(fmap)

dynamic = folium.FeatureGroup(name="dynamic")
folium.CircleMarker(
    [22 if extra == "north" else 13, -8], radius=8, fill=True, color="red", tooltip=extra
).add_to(dynamic)

returned = st_folium(
    fmap,
    key="map",
    height=400,
    width=600,
    feature_group_to_add=dynamic,
    returned_objects=["last_active_drawing", "last_object_clicked"],
)
st.code(json.dumps({"runs": st.session_state.runs, "returned": returned}), language="json")
