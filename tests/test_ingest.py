"""Reading inputs into the desk: files, folders, saved pages, feeds and URLs (from a local
server), each bad input one `name: reason` line and the rest still read."""

import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from dashboard.core.ingest import fetch, ingest, readers
from dashboard.core.ingest.texts import fragment_text, language_code, title_slug
from dashboard.core.store import open_store

PARAGRAPHS = (
    "The junta in Niger said on Tuesday that the uranium mine at Arlit would be nationalised, "
    "a move that alarmed France and pleased Russia, officials in Niamey said.",
    "Officials from Mali and Burkina Faso, partners in the Alliance of Sahel States, welcomed "
    "the decision at a meeting in Tillabéri on Wednesday afternoon.",
    "Wagner fighters were seen in the region, residents told reporters by telephone.",
)
PAGE = """<!DOCTYPE html><html lang="fr-FR"><head><title>Arlit mine - Le Sahel</title>
<meta property="og:title" content="Niger to nationalise the Arlit uranium mine">
<meta property="og:site_name" content="Le Sahel Quotidien">
<meta property="article:published_time" content="2024-03-05T10:00:00Z">
<link rel="canonical" href="https://example.org/niger/arlit"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav><article>
<h1>Niger to nationalise the Arlit uranium mine</h1>
""" + "".join(f"<p>{p}</p>\n" for p in PARAGRAPHS) + (
    "</article><footer>© 2024</footer></body></html>")
NAV_ONLY = "<html><body><nav><a href='/'>Home</a></nav><script>var x = 1;</script></body></html>"
RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Sahel Wire</title>
<language>en-gb</language>
<item><title>Troops leave Niger</title><link>https://wire.example/troops</link>
<pubDate>Tue, 05 Mar 2024 08:00:00 GMT</pubDate>
<description>&lt;p&gt;French troops left Niger.&lt;/p&gt;
&lt;p&gt;Niamey celebrated.&lt;/p&gt;</description>
</item>
<item><title>Only a link</title><link>LINK</link></item>
</channel></rss>"""
ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"
xml:lang="fr"><title>Atom Desk</title><entry><title>Bamako talks</title>
<link href="https://atom.example/bamako"/><updated>2024-04-01T00:00:00Z</updated>
<content type="html">&lt;p&gt;Mali and Algeria met in Bamako.&lt;/p&gt;</content></entry></feed>"""


class Quiet(SimpleHTTPRequestHandler):
    """Serves a folder without logging; /slow answers late."""

    def log_message(self, *args) -> None:
        """Log nothing."""

    def do_GET(self) -> None:
        """Serve a file, or wait on /slow."""
        if self.path == "/slow":
            time.sleep(2)
        super().do_GET()


@pytest.fixture
def server(tmp_path):
    """Serve tmp_path/site on a free local port; yield its base URL."""
    site = tmp_path / "site"
    site.mkdir()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}", site
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def store(tmp_path):
    """Return an empty desk in a temporary folder."""
    return open_store(tmp_path / "data")


def write(folder: Path, name: str, data: str | bytes) -> Path:
    """Write a file (text or bytes) into a folder; return its path."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


def test_a_saved_page_gives_its_main_text_and_metadata(tmp_path, store):
    page = write(tmp_path, "arlit.html", PAGE)
    report = ingest(store, [str(page)], workers=1)
    assert report.added == ["arlit"] and report.problems == []
    doc = store.document("arlit")
    assert (doc.title, doc.source, doc.published, doc.language, doc.url) == (
        "Niger to nationalise the Arlit uranium mine", "Le Sahel Quotidien", "2024-03-05", "fr",
        "https://example.org/niger/arlit")
    body = [doc.text[p.start:p.end] for p in doc.passages]
    assert body[-3:] == list(PARAGRAPHS) and "Home" not in doc.text
    assert {m.country for m in store.analysis("arlit").mentions} >= {"NER", "FRA", "RUS", "MLI"}


def test_a_feed_file_gives_one_article_per_entry_and_reports_a_bare_link(tmp_path, store):
    feed = write(tmp_path, "wire.rss", RSS.replace("LINK", "https://wire.example/link"))
    report = ingest(store, [str(feed), str(write(tmp_path, "desk.atom", ATOM))], workers=1)
    assert report.added == ["troops-leave-niger", "bamako-talks"]
    assert report.problems == [f"{feed} › entry 2 (Only a link): no text, only a link "
                               "(https://wire.example/link); not fetched (fetching links is off)."]
    troops = store.document("troops-leave-niger")
    assert (troops.source, troops.url, troops.published, troops.language) == (
        "Sahel Wire", "https://wire.example/troops", "2024-03-05T08:00:00Z", "en")
    assert [troops.text[p.start:p.end] for p in troops.passages] == [
        "French troops left Niger.", "Niamey celebrated."]
    assert store.document("bamako-talks").language == "fr"


def test_urls_are_fetched_pages_and_feeds_and_links_followed_when_allowed(server, store):
    base, site = server
    write(site, "arlit.html", PAGE)
    write(site, "feed.xml", RSS.replace("LINK", f"{base}/arlit.html"))
    report = ingest(store, [f"{base}/feed.xml"], workers=1, fetch_links=True)
    assert report.problems == []
    assert report.added == ["troops-leave-niger", "only-a-link"]
    linked = store.document("only-a-link")
    assert linked.source == "Le Sahel Quotidien" and PARAGRAPHS[0] in linked.text
    again = ingest(store, [f"{base}/arlit.html"], workers=1)
    assert again.added == [] and again.duplicates == [
        f"{base}/arlit.html: already in the desk as only-a-link"]


@pytest.mark.parametrize("name, data, reason", [
    ("binary.txt", b"\x89PNG\x00\x01\x02", "looks like a binary file"),
    ("empty.txt", b"", "the file is empty"),
    ("binary.html", b"<html>\x00\x00</html>", "looks like a binary file"),
    ("empty.html", b"  \n", "the file is empty"),
    ("nav.html", NAV_ONLY.encode(), "no article text found in the page"),
    ("broken.rss", b"<rss><channel><title>x</title><item><title>A</tit", "not a readable RSS"),
    ("notes.xml", b"plain words, not a feed", "not a readable RSS"),
    ("empty.atom", b'<feed xmlns="http://www.w3.org/2005/Atom"></feed>', "no entries"),
    ("image.png", b"\x89PNG", "expected a .txt, .md"),
])
def test_each_bad_input_is_one_line_and_the_others_are_read(tmp_path, store, name, data,
                                                            reason):
    bad = write(tmp_path, name, data)
    good = write(tmp_path, "good.txt", "Niger and Mali met in Bamako.")
    report = ingest(store, [str(bad), str(tmp_path / "missing.txt"), str(good)], workers=1)
    assert report.added == ["good"]
    assert len(report.problems) == 2, report.problems
    missing, first = report.problems  # inputs that give no job are named first
    assert first.startswith(f"{bad}: ") and reason in first and "\n" not in first
    assert missing == f"{tmp_path / 'missing.txt'}: no such file or folder."


def test_a_folder_is_read_recursively_without_leaving_it(tmp_path, store):
    outside = write(tmp_path, "outside/secret.txt", "Chad and Sudan closed the border.")
    folder = tmp_path / "inbox"
    write(folder, "a.txt", "Niger and Mali met.")
    write(folder, "deeper/b.md", "---\ntitle: B\n---\nMali and Chad met.")
    write(folder, "deeper/page.html", PAGE)
    write(folder, "README.md", "Notes about this folder, not an article.")
    write(folder, ".hidden.txt", "Hidden notes about Niger.")
    write(folder, "photo.jpg", b"\xff\xd8")
    (folder / "link-out.txt").symlink_to(outside)
    (folder / "link-in.txt").symlink_to(folder / "a.txt")
    (folder / "outside-dir").symlink_to(outside.parent, target_is_directory=True)
    plan = readers.plan([str(folder)])
    assert [Path(job.target).relative_to(folder).as_posix() for job in plan.jobs] == [
        "a.txt", "link-in.txt", "deeper/b.md", "deeper/page.html"]
    assert [line.split(": ", 1)[1] for line in plan.skipped] == [
        "a link to outside the folder; not followed.", "not an article file (.jpg)."]
    report = ingest(store, [str(folder)], workers=1)
    assert sorted(report.added) == ["a", "b", "page"]
    assert report.duplicates == [f"{folder / 'link-in.txt'}: already in the desk as a"]


def test_a_pool_of_processes_reads_what_one_process_reads(tmp_path):
    folder = tmp_path / "many"
    for n in range(40):
        write(folder, f"r{n:02d}.txt", f"Report {n}: Niger and Mali met in Bamako.")
    write(folder, "bad.txt", b"\x00")
    one = ingest(open_store(tmp_path / "one"), [str(folder)], workers=1)
    two = ingest(open_store(tmp_path / "two"), [str(folder)], workers=2)
    assert one.added == two.added and len(one.added) == 40
    assert one.problems == two.problems and len(one.problems) == 1


def test_progress_is_reported_per_input(tmp_path, store):
    for n in range(3):
        write(tmp_path / "in", f"r{n}.txt", f"Report {n} on Niger.")
    seen = []
    ingest(store, [str(tmp_path / "in")], workers=1, progress=lambda d, t: seen.append((d, t)))
    assert seen == [(1, 3), (2, 3), (3, 3)]


@pytest.mark.parametrize("path, reason", [
    ("/missing.html", "404"),
    ("/slow", "no answer within 0.5 s"),
])
def test_a_url_that_fails_gives_one_line(server, path, reason):
    base, _ = server
    with pytest.raises(fetch.DocumentError) as error:
        fetch.fetch(base + path, timeout=0.5)
    assert str(error.value).startswith(base + path) and reason in str(error.value)


def test_a_url_larger_than_the_limit_is_refused(server):
    base, site = server
    write(site, "big.html", "x" * 5000)
    with pytest.raises(fetch.DocumentError, match="too large"):
        fetch.fetch(base + "/big.html", limit=1000)


@pytest.mark.parametrize("url, reason", [
    ("http://127.0.0.1:9/closed", "cannot be fetched"),
    ("https://", "not an http(s) URL with a host"),
])
def test_unreachable_or_malformed_urls_are_one_line(store, url, reason):
    report = ingest(store, [url], workers=1)
    assert len(report.problems) == 1 and reason in report.problems[0]


@pytest.mark.parametrize("markup, text", [
    ("<p>One <b>bold</b> line.</p><p>Two.</p>", "One bold line.\n\nTwo."),
    ("Plain &amp; simple", "Plain & simple"),
    ("<div>A<br>B</div><script>alert(1)</script>", "A\n\nB"),
])
def test_fragment_text_keeps_paragraphs(markup, text):
    assert fragment_text(markup) == text


@pytest.mark.parametrize("title, slug", [
    ("Tillabéri: attack kills 12", "tillaberi-attack-kills-12"),
    ("", "article"),
    ("word " * 30, "word-word-word-word-word-word-word-word-word-word-word-word"),
])
def test_title_slug(title, slug):
    assert title_slug(title) == slug


@pytest.mark.parametrize("tag, code", [("en-US", "en"), ("fr_FR", "fr"), ("", ""), ("12", "")])
def test_language_code(tag, code):
    assert language_code(tag) == code


def test_with_other_threads_running_the_pool_spawns_its_workers(tmp_path, monkeypatch):
    """Forking a process that runs other threads (Streamlit's) can deadlock: the pool spawns."""
    from dashboard.core.ingest import pipeline

    started = []
    real = pipeline._context

    def spy():
        context = real()
        started.append(context.get_start_method())
        return context

    monkeypatch.setattr(pipeline, "_context", spy)
    for n in range(pipeline.POOL_FROM):
        write(tmp_path / "in", f"r{n:02d}.txt", f"Report {n}: Niger and Mali met in Bamako.")
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        report = ingest(open_store(tmp_path / "data"), [str(tmp_path / "in")], workers=2)
    finally:
        stop.set()
        other.join()
    assert started == ["spawn"] and len(report.added) == pipeline.POOL_FROM
