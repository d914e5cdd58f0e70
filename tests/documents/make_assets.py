"""Regenerate tests/documents/assets/customers-profile.json: ``python -m tests.documents.make_assets``.

A real ``data profile`` result (120 synthetic rows of the demo company, the demo's
rules), checked in so the document tests need not profile data on every run. If
the data result model changes, the migration-plan tests fail loading it: rerun this.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from tests.conftest import REPO

ASSETS = Path(__file__).parent / "assets"


def main() -> None:
    from crm_readiness.engine.data.synthetic import write_csv
    from crm_readiness.workflows.data import profile_files

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        shutil.copyfile(REPO / "crm_readiness" / "examples" / "demo" / "customers-rules.yaml",
                        folder / "customers-rules.yaml")
        write_csv(folder / "customers.csv", 120, 7)
        profile_files([folder / "customers.csv"], folder / "customers-rules.yaml", folder / "out", ("json",),
                      "en", sample=10, force=True)
        ASSETS.mkdir(exist_ok=True)
        shutil.copyfile(folder / "out" / "customers-profile.json", ASSETS / "customers-profile.json")


if __name__ == "__main__":
    main()
