"""Probe page: an offline map (a GeoJson polygon, a CircleMarker) and what st_folium returns."""

import folium
import streamlit as st
from streamlit_folium import st_folium

from dashboard.ui.assets import offline_map

SQUARE = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "properties": {"iso3": "NER", "name": "Niger"},
            "geometry": {
                "type": "Polygon",
                "coordinates": [[[0, 12], [15, 12], [15, 23], [0, 23], [0, 12]]],
            },
        }
    ],
}

fmap = offline_map(location=[17, 8], zoom_start=4)
folium.GeoJson(SQUARE, name="countries", tooltip=folium.GeoJsonTooltip(["name"])).add_to(fmap)
folium.CircleMarker(
    [13.51, 2.11], radius=8, fill=True, tooltip="Niamey", popup=folium.Popup("Niamey popup")
).add_to(fmap)
folium.PolyLine([[21, 2], [18, 8]], weight=2).add_to(fmap)
folium.Marker([18, 8], icon=folium.DivIcon(html="<b>1</b>")).add_to(fmap)
folium.LayerControl().add_to(fmap)

st.title("Offline map probe")
returned = st_folium(
    fmap, key="map", height=400, width=600, returned_objects=["last_object_clicked"]
)
st.code(repr(returned), language=None)
