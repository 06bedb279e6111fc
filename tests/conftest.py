import io
import json
import random
import shutil
import struct
import zipfile
import zlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


def run(*args, **env):
    """The command line on `args` (paths and numbers become text) through click's CliRunner."""
    from click.testing import CliRunner

    from checker.cli import main

    return CliRunner(env=env or None).invoke(main, [str(a) for a in args])


@pytest.fixture(scope="session")
def seeds_report():
    """The library's report for the five seed articles (computed once)."""
    from checker import check

    return check([SEEDS])


@pytest.fixture(scope="session")
def seeds_records(seeds_report):
    return seeds_report.to_records()


@pytest.fixture
def corpus(tmp_path):
    """Write {relative path: text or bytes} into a fresh folder and return it."""

    def make(files: dict[str, str | bytes]) -> Path:
        root = tmp_path / "corpus"
        for name, content in files.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        return root

    return make


@pytest.fixture
def seeds_copy(tmp_path):
    dest = tmp_path / "seeds"
    shutil.copytree(SEEDS, dest)
    return dest


def binaries() -> dict[str, bytes]:
    """Small real binaries as they land among articles (a photo, a PDF, a zipped document, UTF-16 saved
    without a BOM), each holding what a real one holds: compressed data and structure."""
    noise = random.Random(0).randbytes(2000)  # a photo's pixels: as good as incompressible
    png = b"\x89PNG\r\n\x1a\n" + b"".join(
        struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        for kind, data in ((b"IHDR", struct.pack(">IIBBBBB", 25, 25, 8, 2, 0, 0, 0)),
                           (b"IDAT", zlib.compress(noise)), (b"IEND", b"")))
    stream = zlib.compress(noise)
    pdf = (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length " + str(len(stream)).encode()
           + b" /Filter /FlateDecode >>\nstream\n" + stream + b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
    article = "About 2,500 troops remain in Iraq, officials said. Three soldiers were hurt on Tuesday. " * 20
    docx = io.BytesIO()
    with zipfile.ZipFile(docx, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", article)
    return {"photo.png": png, "report.pdf": pdf, "story.docx": docx.getvalue(),
            "utf16-no-bom": article.encode("utf-16-le")}


def read_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOLDEN = Path(__file__).resolve().parent / "golden"


def fixture_report(name: str):
    """`check` on tests/fixtures/<name>, read by a relative path so source paths do not depend on the machine."""
    from checker import check

    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(ROOT)
        return check([f"tests/fixtures/{name}"])


@pytest.fixture(scope="session")
def story_records():
    """report.json records of the fixture story tests/fixtures/story (built once: do not change them)."""
    return fixture_report("story").to_records()


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/golden/* from the current output instead of comparing with it")


@pytest.fixture
def golden(request):
    """`golden(name, text)`: compare text with tests/golden/<name>, or rewrite it under --update-golden."""
    update = request.config.getoption("--update-golden")

    def check(name: str, text: str) -> None:
        path = GOLDEN / name
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="")
            return
        assert path.exists(), f"{path} missing: run pytest --update-golden"
        assert text == path.read_bytes().decode("utf-8"), (
            f"{name} differs from tests/golden/{name}; if the change is intended run: "
            ".venv/bin/python -m pytest tests/test_report_golden.py --update-golden")

    return check
