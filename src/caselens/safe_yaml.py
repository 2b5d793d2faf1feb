"""The one way caselens parses YAML a person wrote (codebooks, cases, supervision records,
practice rules).

PyYAML's safe loader builds no Python objects, but it still lets a short file describe an
enormous value: an alias (``*a``) stands for its whole anchored value (``&a``), so nine
lines of nine aliases each stand for 9**9 strings (the "billion laughs"). Parsing them is
cheap, because the copies are shared; anything that later walks or writes the value (a
run's provenance, a JSON export, a temporary file) is not, and fills the disk or the
memory. Merge keys (``<<: *a``) copy the same way while the file is read. So the composed
document is measured before anything is built from it, and refused when its aliases would
add more than :data:`MAX_ALIAS_VALUES` values, or when an alias holds itself. Files
without aliases are not walked at all.

A key written twice in one mapping is refused too: YAML would silently keep the last one,
so the first is lost without a word.
"""

from __future__ import annotations

from typing import Any

import yaml

# Far above any codebook or case written by hand with aliases, far below a disk filled.
MAX_ALIAS_VALUES = 100_000


class YamlRefusedError(yaml.YAMLError):
    """A YAML file that parses but must not be used; ``problem`` is written for a person
    and ``line`` (1-based) is where to look, when known."""

    def __init__(self, problem: str, line: int | None = None) -> None:
        self.problem = problem
        self.line = line
        super().__init__(f"line {line}: {problem}" if line else problem)


class SafeYamlLoader(yaml.SafeLoader):
    """SafeLoader that refuses duplicate keys and aliases that expand beyond reason."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._alias_line: int | None = None  # of the first alias met, for the message

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self._alias_line is None and self.check_event(yaml.AliasEvent):
            event: yaml.Event = self.peek_event()  # type: ignore[no-untyped-call]
            self._alias_line = event.start_mark.line + 1 if event.start_mark else 0
        return super().compose_node(parent, index)

    def compose_document(self) -> yaml.Node | None:
        node = super().compose_document()
        if node is not None and self._alias_line is not None:
            _check_expansion(node, self._alias_line)
        return node

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[object] = set()
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.tag != "tag:yaml.org,2002:merge":
                key = self.construct_scalar(key_node)
                if key in seen:
                    raise YamlRefusedError(
                        f"the key {key!r} appears twice in the same mapping; YAML would keep "
                        "only the last one: remove or rename one of them",
                        key_node.start_mark.line + 1,
                    )
                seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _check_expansion(root: yaml.Node, line: int | None) -> None:
    """Refuse ``root`` if its aliases, written out, would add more than MAX_ALIAS_VALUES
    values, or if one holds itself. Each node is sized once (shared nodes are what aliases
    are), so this costs one pass over the file however large its expansion."""
    sizes: dict[int, int] = {}
    on_path: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if children_done:
            on_path.discard(key)
            sizes[key] = 1 + sum(sizes[id(child)] for child in _children(node))
            continue
        if key in sizes:
            continue
        if key in on_path:
            raise YamlRefusedError(
                "an alias (*name) stands for a value that contains it, so the value never "
                "ends; write the value out instead",
                node.start_mark.line + 1,
            )
        on_path.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node))
    added = sizes[id(root)] - len(sizes)
    if added > MAX_ALIAS_VALUES:
        raise YamlRefusedError(
            f"its aliases (*name) repeat anchored values (&name) into {added:,} more values, "
            f"above the {MAX_ALIAS_VALUES:,} allowed; no file written by hand needs that many: "
            "write the repeated part out once, or remove the aliases",
            line,
        )


def compose_yaml(text: str) -> tuple[Any, yaml.Node | None]:
    """The value of one YAML document and its composed node (for line numbers), checked
    as the module docstring says. Raises :class:`YamlRefusedError` or PyYAML's own errors
    (syntax), and ValueError, OverflowError or RecursionError for a value or nesting no
    Python value can hold: each caller words them for its kind of file."""
    loader = SafeYamlLoader(text)
    try:
        root = loader.get_single_node()
        return (loader.construct_document(root) if root is not None else None), root
    finally:
        loader.dispose()


def load_yaml(text: str) -> Any:
    """The value of one YAML document (see :func:`compose_yaml`)."""
    return compose_yaml(text)[0]
