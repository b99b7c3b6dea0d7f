"""The app starts as Community Cloud starts it: repo root, fresh venv, requirements.txt."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.conftest import (
    REPO_ROOT,
    StreamlitServer,
    _wait_healthy,
    free_port,
    wait_for_map,
)


@pytest.fixture(scope="module")
def cloud_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StreamlitServer]:
    """Install requirements.txt alone into a new venv and run the app like Community Cloud."""
    home = tmp_path_factory.mktemp("cloud")
    venv.create(home / "venv", with_pip=True)
    python = home / "venv" / "bin" / "python"
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "-r", "requirements.txt"],
        cwd=REPO_ROOT, capture_output=True, text=True, check=False, timeout=900)
    assert install.returncode == 0, install.stderr[-3000:]
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    port = free_port()
    log_path = home / "streamlit.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [str(python), "-m", "streamlit", "run", "dashboard/app.py",
             "--server.port", str(port), "--server.address", "127.0.0.1"],
            cwd=REPO_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True)
    server = StreamlitServer(REPO_ROOT / "dashboard" / "app.py", f"http://127.0.0.1:{port}/",
                             process, log_path)
    _wait_healthy(server, 120)
    yield server
    server.stop()


def test_page_renders_from_a_fresh_environment(cloud_server, page, page_log):
    assert sys.executable not in str(cloud_server.process.args)
    page.goto(cloud_server.url)
    frame = wait_for_map(page)
    assert frame.locator("path.leaflet-interactive").count() > 5
    page.get_by_text("Places in this article").wait_for()
    assert page.locator('[data-testid="stException"]').count() == 0
    page_log.assert_clean()
    assert "Traceback" not in Path(cloud_server.log_path).read_text(errors="replace")
