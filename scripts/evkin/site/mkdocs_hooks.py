"""MkDocs hook of the evkin archive: navigation, names and the preview flag from the file
``evkin site build`` writes (``docs/arsip/.situs.yml``).

Kept free of evkin imports so that ``mkdocs build`` works with MkDocs alone. Without the file
(pages not generated yet) it does nothing and MkDocs builds its default navigation.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

SITE_FILE = Path("arsip") / ".situs.yml"


def on_config(config: Any) -> Any:
    path = Path(config["docs_dir"]) / SITE_FILE
    if not path.is_file():
        return config
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if data.get("nav"):
        config["nav"] = data["nav"]
    if data.get("nama_situs"):
        config["site_name"] = str(data["nama_situs"])
    if data.get("url") and not config.get("site_url"):
        config["site_url"] = str(data["url"])
    if data.get("logo"):
        config["theme"]["logo"] = str(data["logo"])
    if data.get("instansi") and not config.get("copyright"):
        config["copyright"] = str(data["instansi"])
    extra = config["extra"]
    extra["evkin"] = {"pratinjau": bool(data.get("pratinjau")),
                      "instansi": str(data.get("instansi") or "")}
    return config
