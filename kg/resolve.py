"""Resolve: surface forms -> one canonical entity per real thing, corpus-wide.

Names are grouped by their normalized key (Meta-World = MetaWorld = Metaworld), by the
name list row they matched (GSM8K = Grade School Math 8K), and by the acronym ties the
texts make ("Regression Mean (RegMean)" puts RegMean with Regression Mean). Memory
grows with the number of distinct names, not with the number of papers.

An acronym's definition holds in the paper that gives it. Elsewhere, a bare acronym joins
the long form most papers define it with, and only when they agree: "CI" is Contextual
Integrity in one paper and Confidence Interval in another, so a bare "CI" stays itself.

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
>>> for long_form in ("Confidence Interval", "Cochlear Implant"):
...     resolver.add_mentions([Mention(text="CI", type="Metric", sentence=0, start=0, end=2, long_form=long_form)])
>>> resolver.add_mentions([Mention(text="CI", type="Metric", sentence=0, start=0, end=2)])
>>> resolver.entity_of("CI").name, resolver.entity_of("Confidence Interval").aliases
('CI', ['CI'])
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import NamedTuple

from kg.models import Entity, Mention, normalize_key

__all__ = ["MentionName", "Resolver", "mention_key", "paper_keys"]

# A name list's type is more trustworthy than a shape guess.
_LISTED_TYPE_WEIGHT = 3
# A bare acronym joins a long form when at least this share of its definitions agree.
_ACRONYM_AGREEMENT = 0.75


class MentionName(NamedTuple):
    """What the resolver reads of a mention: a Mention's fields without its offsets, small to
    send between processes."""

    text: str
    type: str
    canonical: str | None = None
    long_form: str | None = None


def mention_key(mention: Mention | MentionName) -> str:
    """The key a mention is grouped under: its list row's name when it matched one."""
    return normalize_key(mention.canonical or mention.text)


def paper_keys(mentions: Iterable[Mention | MentionName]) -> dict[str, str]:
    """Surface text -> key within one paper: an acronym the paper defines takes its long form's key.

    >>> paper_keys([Mention(text="Grade School Math 8K", type="Dataset", sentence=0, start=0, end=20, canonical="GSM8K"),
    ...             Mention(text="GSM", type="Dataset", sentence=0, start=22, end=25, long_form="Grade School Math 8K")])
    {'Grade School Math 8K': 'gsm8k', 'GSM': 'gsm8k'}
    """
    mentions = list(mentions)
    keys = {mention.text: mention_key(mention) for mention in mentions}
    for mention in mentions:
        if mention.long_form:
            keys[mention.text] = keys.get(mention.long_form) or normalize_key(mention.long_form)
    return keys


class Resolver:
    """Collects mentions paper by paper, then names one entity per group of keys."""

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}
        self._surfaces: dict[str, Counter[str]] = {}
        self._types: dict[str, Counter[str]] = {}
        self._listed_names: dict[str, str] = {}
        self._long_forms: set[str] = set()
        # acronym key -> the long-form keys papers define it with, and in how many papers
        self._definitions: dict[str, Counter[str]] = {}
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

    def add_mentions(self, mentions: Iterable[Mention | MentionName], keys: dict[str, str] | None = None) -> None:
        """Record one paper's mentions (their surface forms, types and acronym definitions);
        `keys` is their ``paper_keys`` when the caller has it already."""
        self._entities = None
        mentions = list(mentions)
        keys = paper_keys(mentions) if keys is None else keys
        defined: dict[str, tuple[str, str]] = {}  # acronym key -> (long form's key, long form)
        for mention in mentions:
            key = keys[mention.text]
            if not key:
                continue
            self._find(key)
            self._surfaces.setdefault(key, Counter())[mention.text] += 1
            # A list row the paper's own definition overrides says nothing about this key.
            listed = mention.canonical is not None and key == mention_key(mention)
            self._types.setdefault(key, Counter())[mention.type] += _LISTED_TYPE_WEIGHT if listed else 1
            if listed:
                self._listed_names[key] = mention.canonical
            if mention.long_form:
                self._long_forms.add(key)
                # Keyed by the acronym as written: a list row it also matched is not what it means here.
                defined[normalize_key(mention.text)] = (key, mention.long_form)
        texts = {mention.text for mention in mentions}
        for short_key, (long_key, long_form) in defined.items():
            if long_key and long_form not in texts:  # a long form the extractor did not type still names its entity
                self._surfaces.setdefault(long_key, Counter())[long_form] += 1
            if short_key and short_key != long_key:
                self._definitions.setdefault(short_key, Counter())[long_key] += 1

    def _join_agreed_acronyms(self) -> None:
        """Put each bare acronym with the long form its definitions agree on, if they do."""
        agreed = {}
        for short_key, long_keys in self._definitions.items():
            by_group = Counter()
            for long_key, papers in long_keys.items():
                by_group[self._find(long_key)] += papers
            group, papers = by_group.most_common(1)[0]
            if papers >= _ACRONYM_AGREEMENT * sum(by_group.values()):
                agreed[short_key] = group
        for short_key, group in agreed.items():
            if short_key in self._surfaces:
                self._union(group, short_key)

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
            # Acronym ties depend on all definitions so far: joined here, undone once grouped.
            parent = dict(self._parent)
            self._join_agreed_acronyms()
            groups: dict[str, list[str]] = {}
            for key in self._parent:
                groups.setdefault(self._find(key), []).append(key)
            self._parent = parent
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
