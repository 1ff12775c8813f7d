"""Resolve: surface forms -> one canonical entity per real thing, corpus-wide.

Names are grouped by their normalized key (Meta-World = MetaWorld = Metaworld), by the
name list row they matched (GSM8K = Grade School Math 8K), and by the acronym ties the
texts make ("Regression Mean (RegMean)" puts RegMean with Regression Mean). Memory
grows with the number of distinct names, not with the number of papers.

>>> from kg.models import Mention
>>> resolver = Resolver()
>>> resolver.add_mentions([
...     Mention(text="Regression Mean", type="Method", sentence=0, start=0, end=15),
...     Mention(text="RegMean", type="Method", sentence=0, start=17, end=24, long_form="Regression Mean"),
... ])
>>> resolver.add_mentions([Mention(text="RegMean", type="Method", sentence=0, start=0, end=7)])
>>> entity = resolver.entity_of("RegMean")
>>> entity.name, entity.aliases
('Regression Mean', ['RegMean'])
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from kg.models import Entity, Mention, normalize_key

__all__ = ["Resolver", "mention_key"]

# A name list's type is more trustworthy than a shape guess.
_LISTED_TYPE_WEIGHT = 3


def mention_key(mention: Mention) -> str:
    """The key a mention is grouped under: its list row's name when it matched one."""
    return normalize_key(mention.canonical or mention.text)


class Resolver:
    """Collects mentions paper by paper, then names one entity per group of keys."""

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}
        self._surfaces: dict[str, Counter[str]] = {}
        self._types: dict[str, Counter[str]] = {}
        self._listed_names: dict[str, str] = {}
        self._long_forms: set[str] = set()
        self._entities: dict[str, Entity] | None = None

    def _find(self, key: str) -> str:
        root = key
        while self._parent.setdefault(root, root) != root:
            root = self._parent[root]
        while self._parent[key] != root:  # path compression
            self._parent[key], key = root, self._parent[key]
        return root

    def _union(self, a: str, b: str) -> None:
        root_a, root_b = self._find(a), self._find(b)
        if root_a != root_b:
            self._parent[root_b] = root_a

    def add_mentions(self, mentions: Iterable[Mention]) -> None:
        """Record one paper's mentions (their surface forms, types and acronym ties)."""
        self._entities = None
        for mention in mentions:
            key = mention_key(mention)
            if not key:
                continue
            self._find(key)
            self._surfaces.setdefault(key, Counter())[mention.text] += 1
            weight = _LISTED_TYPE_WEIGHT if mention.canonical else 1
            self._types.setdefault(key, Counter())[mention.type] += weight
            if mention.canonical:
                self._listed_names[key] = mention.canonical
            if mention.long_form:
                long_key = normalize_key(mention.long_form)
                self._long_forms.add(long_key)
                self._union(long_key, key)

    def _name_group(self, keys: list[str]) -> Entity:
        surfaces: Counter[str] = Counter()
        types: Counter[str] = Counter()
        for key in keys:
            surfaces.update(self._surfaces.get(key, ()))
            types.update(self._types.get(key, ()))
        listed = [self._listed_names[key] for key in keys if key in self._listed_names]
        long_forms = [surface for surface, _ in surfaces.most_common() if normalize_key(surface) in self._long_forms]
        if listed:
            name = Counter(listed).most_common(1)[0][0]
        elif long_forms:
            name = long_forms[0]
        else:
            name = surfaces.most_common(1)[0][0]
        aliases = sorted({surface for surface in surfaces if surface != name})
        return Entity(key=normalize_key(name), type=types.most_common(1)[0][0], name=name, aliases=aliases)

    def entities(self) -> dict[str, Entity]:
        """Every recorded key -> its canonical entity."""
        if self._entities is None:
            groups: dict[str, list[str]] = {}
            for key in self._parent:
                groups.setdefault(self._find(key), []).append(key)
            self._entities = {}
            for keys in groups.values():
                named = [key for key in keys if key in self._surfaces]
                if not named:
                    continue
                entity = self._name_group(named)
                for key in keys:
                    self._entities[key] = entity
        return self._entities

    def entity_of(self, surface: str) -> Entity | None:
        """The canonical entity a surface form resolves to, if it was seen."""
        return self.entities().get(normalize_key(surface))
