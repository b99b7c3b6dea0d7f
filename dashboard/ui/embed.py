"""The map's frame, worked out once per view: st_folium renders every template of a map on each
run (most of a click's server time), although one view always draws the same map.

`frame` takes st_folium's own steps, in its order, and keeps what they give; `draw` sends that
to st_folium's component as st_folium does (tests/test_embed.py holds the two side by side).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import folium
import streamlit as st
import streamlit_folium as sf

from .assets import local_asset_links

CLICKED = ("last_active_drawing", "last_object_clicked")  # what a click on the map returns


@dataclass(frozen=True)
class Frame:
    """What st_folium sends the browser for one map (its feature groups aside)."""

    script: str
    header: str
    html: str
    map_id: str
    css_links: tuple[str, ...]
    js_links: tuple[str, ...]

    @property
    def size(self) -> int:
        """Return about how many bytes the frame holds."""
        return 2 * (len(self.script) + len(self.header) + len(self.html))


def frame(fmap: folium.Map) -> Frame:
    """Render a map once, as st_folium does with render=False (it rewrites the map's ids);
    RemoteAssetError if it would load anything from the internet."""
    fmap.render()
    html = sf._get_html(fmap)
    header = sf._get_header(fmap)
    script = sf._get_map_string(fmap)
    css, js = local_asset_links(fmap)
    return Frame(script, header, html, sf.get_full_id(fmap), tuple(css), tuple(js))


def group_script(group: folium.FeatureGroup) -> str:
    """Return the script that adds a feature group to a drawn frame's map (as st_folium's)."""
    stand_in = folium.Map(tiles=None)
    stand_in._id = "div"  # the id st_folium gives every map it has drawn: map_div
    return sf._get_feature_group_string(group, map=stand_in, idx=0)


def draw(drawn: Frame, key: str, height: int, group: str | None = None) -> Mapping | None:
    """Show a frame at the container's width, with a feature group's script (group_script's)
    added to it; return the last click (st_folium's value)."""
    hash_key = sf.generate_js_hash(drawn.script, key, False)

    def on_change() -> None:
        st.session_state[key] = st.session_state.get(hash_key, {})

    return sf._component_func(
        script=drawn.script, header=drawn.header, html=drawn.html, id=drawn.map_id,
        key=hash_key, height=height, width=None, returned_objects=list(CLICKED),
        default=dict.fromkeys(CLICKED), zoom=None, center=None,
        feature_group=group, return_on_hover=False,
        layer_control=None, pixelated=False, css_links=list(drawn.css_links),
        js_links=list(drawn.js_links), on_change=on_change, wrap_longitude=False)
