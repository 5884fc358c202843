"""YAML and Markdown front matter that remember the line of every key.

Errors in user files must name the line, so mappings are loaded as ``LinedDict``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from evkin.messages import Phrase, t
from evkin.yamlwords import explain

try:  # libyaml parses several times faster; fall back to pure Python where absent.
    _Base: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover
    _Base = yaml.SafeLoader


class LinedDict(dict[str, Any]):
    """A mapping from YAML that knows where it and each of its keys stand."""

    line: int = 1

    def __init__(self) -> None:
        super().__init__()
        self.lines: dict[str, int] = {}

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.line)


# Deepest nesting of mappings and lists any evkin file needs is about six; anything far past
# that is an attack or an accident, refused before it is built (libyaml's own bound is 1000).
MAX_DEPTH = 32
# Bounds that keep parsing within the memory and time of the other inputs (batas): every node
# costs some hundred bytes once composed, so their number is counted on the event stream (which
# builds nothing) before the document is composed. evkin's YAML files hold a few thousand.
MAX_CHARS = 5 * 1024 * 1024
MAX_NODES = 200_000
_SCAN_FROM = 64 * 1024  # smaller texts cannot hold enough nodes to matter


class YamlProblem(Exception):
    """``detail`` says in the user's language what is wrong (the parser's English translated
    by ``yamlwords``); ``raw`` keeps the parser's text."""

    def __init__(self, line: int | None, detail: str | Phrase) -> None:
        super().__init__(str(detail))
        self.line = line
        self.raw = detail if isinstance(detail, str) else detail.key
        self.detail: Phrase = detail if isinstance(detail, Phrase) else explain(detail)


class _Loader(_Base):  # type: ignore[misc,valid-type]
    def construct_document(self, node: yaml.Node) -> Any:
        _refuse_shared(node)
        return super().construct_document(node)


def _refuse_shared(root: yaml.Node) -> None:
    """Refuse an alias (``*name``: a node reached twice) and nesting beyond ``MAX_DEPTH``,
    walking the composed node graph once, before anything is built: alias bombs and merge
    (``<<``) bombs never get expanded, so time and memory stay linear in the text."""

    seen: set[int] = set()
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        line = node.start_mark.line + 1
        if id(node) in seen:
            raise _AliasFound(line, Phrase("yaml.alias", {"anchor_line": node.start_mark.line + 1}))
        seen.add(id(node))
        if depth > MAX_DEPTH:
            raise YamlProblem(node.start_mark.line + 1, Phrase("yaml.too_deep", {"max": MAX_DEPTH}))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.append((value, depth + 1))
                stack.append((key, depth + 1))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, depth + 1) for item in node.value)


class _AliasFound(YamlProblem):
    """An alias node marks its anchor; ``parse`` finds the alias's own line."""


def _first_alias_line(text: str) -> int | None:
    """Line of the first ``*alias`` (the event stream expands nothing)."""
    try:
        for event in yaml.parse(text, Loader=_Base):
            if isinstance(event, yaml.AliasEvent) and event.start_mark is not None:
                return int(event.start_mark.line) + 1
    except yaml.YAMLError:
        return None
    return None


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> LinedDict:
    loader.flatten_mapping(node)
    result = LinedDict()
    result.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if not isinstance(key, str | int | float | bool) or key is None:
            raise YamlProblem(line, "key")
        key = str(key)
        if key in result:
            raise YamlProblem(line, f"duplicate:{key}")
        result[key] = loader.construct_object(value_node, deep=True)
        result.lines[key] = line
    return result


def _construct_timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    """A date that does not exist (``2026-02-30``, ``25:61:00``) stays text, so the caller's
    "not a date" check names the field and line instead of the parser crashing."""
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError):
        return str(node.value)


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def _refuse_large(text: str, line_offset: int) -> None:

    if len(text) > MAX_CHARS:
        raise YamlProblem(1 + line_offset, t("yaml.too_big", {
            "size": f"{len(text) / (1024 * 1024):.1f}".replace(".", ","),
            "max": MAX_CHARS // (1024 * 1024)}))
    if len(text) < _SCAN_FROM:
        return
    count = 0
    try:
        for event in yaml.parse(text, Loader=_Base):
            if isinstance(event, yaml.NodeEvent):
                count += 1
                if count > MAX_NODES:
                    line = event.start_mark.line + 1 if event.start_mark is not None else 1
                    raise YamlProblem(line + line_offset,
                                      t("yaml.too_many", {"max": f"{MAX_NODES:,}".replace(
                                          ",", ".")}))
    except yaml.YAMLError:
        return  # the parse proper names it, at its line


def parse(text: str, line_offset: int = 0) -> Any:
    """Parse YAML text; raise ``YamlProblem`` with a 1-based line on any error."""
    _refuse_large(text, line_offset)
    try:
        data = yaml.load(text, Loader=_Loader)
    except _AliasFound as problem:
        raise YamlProblem((_first_alias_line(text) or problem.line or 1) + line_offset,
                          problem.detail) from None
    except YamlProblem as problem:
        problem.line = (problem.line or 1) + line_offset
        raise
    except yaml.MarkedYAMLError as exc:
        # The context mark is where the broken construct starts (an unclosed bracket or
        # quote): that is the line a person has to fix, not where the parser gave up.
        mark = exc.context_mark or exc.problem_mark
        line = (mark.line + 1 if mark else 1) + line_offset
        raise YamlProblem(line, str(exc.problem or exc.context or "")) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(1 + line_offset, str(exc)) from None
    _shift(data, line_offset)
    return data


def _shift(data: Any, offset: int) -> None:
    if not offset:
        return
    if isinstance(data, LinedDict):
        data.line += offset
        data.lines = {k: v + offset for k, v in data.lines.items()}
        for value in data.values():
            _shift(value, offset)
    elif isinstance(data, list):
        for value in data:
            _shift(value, offset)


_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*\r?$\n?", re.S | re.M)


@dataclass(frozen=True)
class MarkdownFile:
    """A Markdown file split into front matter and body; ``body_line`` is the body's first line."""

    meta: LinedDict
    body: str
    body_line: int
    has_front_matter: bool


def split_front_matter(text: str) -> MarkdownFile:
    """Split ``---`` front matter from Markdown. Raises ``YamlProblem`` for bad YAML."""
    match = _FRONT.match(text)
    if not match:
        return MarkdownFile(LinedDict(), text, 1, False)
    raw = match.group(1)
    meta = parse(raw, line_offset=1)
    if meta is None:
        meta = LinedDict()
    if not isinstance(meta, LinedDict):
        raise YamlProblem(2, "not-a-mapping")
    body_line = text.count("\n", 0, match.end()) + 1
    return MarkdownFile(meta, text[match.end():], body_line, True)


def read_text(path: Path) -> str:
    """Read UTF-8 text (BOM tolerated); ``UnicodeDecodeError`` propagates for the caller."""
    return path.read_text(encoding="utf-8-sig")
