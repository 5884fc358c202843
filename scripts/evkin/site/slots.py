"""What a page shows of a PDF that is still being laid out (its size and SHA-256).

A full build lays out the PDFs in worker processes while MkDocs builds the pages. Where a page
shows a PDF not built yet, it holds a token instead: ``evkinpdf-<nonce>-<n>``, inside an element
with ``data-search-exclude``. Python-Markdown copies raw HTML verbatim, so the same token is in
the page under docs/ and in its HTML under site/; once the PDFs exist, both are filled in with
what the page would have shown had the PDF been there from the start. The search index skips
the element either way, so it too equals that of a build from the final pages.

The nonce is drawn per build: an author cannot write a token that is replaced, and only tokens
issued by this build are.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field

Render = Callable[[str, str, str], str]  # (kind, page, evaluation id) → HTML


@dataclass
class Slots:
    nonce: str = field(default_factory=lambda: secrets.token_hex(12))
    issued: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, page, id)

    def put(self, kind: str, page: str, evaluation_id: str) -> str:
        """A token for ``kind`` of ``evaluation_id``'s PDF on ``page`` (docs-relative .md)."""
        self.issued.append((kind, page, evaluation_id))
        return f"evkinpdf-{self.nonce}-{len(self.issued) - 1}"

    def pattern(self) -> re.Pattern[str]:
        return re.compile(rf"evkinpdf-{self.nonce}-(\d+)")

    def fill(self, text: str, render: Render) -> str:
        """``text`` with every token of this build replaced by ``render``'s HTML."""
        def replace(match: re.Match[str]) -> str:
            index = int(match.group(1))
            if index >= len(self.issued):
                return match.group(0)
            return render(*self.issued[index])

        return self.pattern().sub(replace, text)

    def pages(self) -> set[str]:
        """The docs-relative pages that hold tokens."""
        return {page for _, page, _ in self.issued}


@dataclass(frozen=True)
class Pending:
    """Stands for a PDF being built: renderers ask it for a token instead of a size."""

    slots: Slots
    evaluation_id: str

    def token(self, kind: str, page: str) -> str:
        return self.slots.put(kind, page, self.evaluation_id)
