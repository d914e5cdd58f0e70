"""Write the committed hostile-input corpus under tests/assets/hostile/ (run once; idempotent).

``python -m tests.tools.make_hostile_corpus``. Large files are never committed:
the tests generate them in a temporary folder.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "assets" / "hostile"

_LOL = ",".join(["lol"] * 9)
BOMB = "a: &a [" + _LOL + "]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8))

YAML: dict[str, bytes] = {
    "alias-bomb.yaml": BOMB.encode(),
    "deep-flow-1000.yaml": b"version: 1\nanswers: " + b"[" * 1000 + b"]" * 1000 + b"\n",
    "duplicate-keys.yaml": b"version: 1\nanswers:\n  strategy.sponsor:\n    value: yes\n"
                           b"  strategy.sponsor:\n    value: no\n",
    "tabs.yaml": b"version: 1\nanswers:\n\tstrategy.sponsor: yes\n",
    "invalid-utf8.yaml": b"version: 1\nname: caf\xe9 \xff\xfe\n",
    "control-x01.yaml": b"version: 1\nprofile:\n  name: Acme\x01Corp\n",
    "control-esc.yaml": b"version: 1\nprofile:\n  name: \x1b[31mAcme\x1b[0m\n",
    "nul.yaml": b"version: 1\nprofile:\n  name: Acme\x00\n",
    "huge-number.yaml": b"version: 1\nnumber: 1e400\n",
    "top-level-list.yaml": b"- version: 1\n- answers: {}\n",
    "empty.yaml": b"",
    "only-comments.yaml": b"# nothing here\n",
    "binary.yaml": bytes(range(256)) * 4,
    "multi-document.yaml": b"version: 1\n---\nversion: 2\n",
    "python-tag.yaml": b"version: !!python/object/apply:os.system ['echo pwned']\n",
    "unknown-anchor.yaml": b"version: 1\nanswers: *nowhere\n",
    "unclosed-quote.yaml": b"version: 1\nprofile:\n  name: \"Acme\n",
    "utf16.yaml": "version: 1\n".encode("utf-16"),
}


def _xlsx_bytes() -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _bad_xml() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf, zipfile.ZipFile(io.BytesIO(_xlsx_bytes())) as src:
        for item in src.infolist():
            data = src.read(item)
            if item.filename.startswith("xl/worksheets/"):
                data = data[: len(data) // 2]  # cut mid-element: not well-formed
            zf.writestr(item, data)
    return buf.getvalue()


def _workbooks() -> dict[str, bytes]:
    real = _xlsx_bytes()
    return {
        "corrupt-zip.xlsx": b"PK\x03\x04" + b"\x00garbage" * 64,
        "truncated.xlsx": real[: len(real) // 2],
        "bad-xml.xlsx": _bad_xml(),
        "csv-renamed.xlsx": b"id,response\nSAL-01,full\n",
        "answers.yaml": b"version: 1\nanswers: {}\n",
        "empty.xlsx": b"",
        "blank-workbook.xlsx": real,
        "html-saved-as.xls": b"<html><body><table><tr><td>SAL-01</td></tr></table></body></html>",
        "password-protected.xlsx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
                                   + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 512,
        "garbage.xlsb": bytes(range(255, -1, -1)) * 8,
        "notes.txt": b"just some notes\n",
        "ole-garbage.xls": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x01" * 1024,
    }


def main() -> None:
    for sub, files in (("yaml", YAML), ("workbooks", _workbooks())):
        folder = ROOT / sub
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in files.items():
            (folder / name).write_bytes(data)


if __name__ == "__main__":
    main()
