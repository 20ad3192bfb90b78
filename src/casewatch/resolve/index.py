"""Where the resolver finds and keeps global entities: a protocol, and an in-memory implementation.

The resolver asks only for entities sharing a blocking key with what it
resolves, never for all of them; the store implements the same two calls over
SQL, so a report costs the same however many entities are stored.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

from ..models import Entity


class EntityIndex(Protocol):
    """Stored entities, reached through their blocking keys."""

    def candidates(self, label: str, keys: list[str]) -> list[Entity]:
        """Stored entities of this label sharing any of these keys."""
        ...

    def add(self, entity: Entity) -> None:
        """Store a new entity, or replace the stored one with the same id."""
        ...


class MemoryIndex:
    """An :class:`EntityIndex` in memory, for tests and batch runs; entities come back in the order first added."""

    def __init__(self) -> None:
        self._entities: dict[str, Entity] = {}
        self._added: dict[str, int] = {}
        self._by_key: dict[tuple[str, str], dict[str, None]] = {}

    def candidates(self, label: str, keys: list[str]) -> list[Entity]:
        found: dict[str, None] = {}
        for key in keys:
            found.update(self._by_key.get((label, key), {}))
        return [self._entities[i] for i in sorted(found, key=self._added.__getitem__)]

    def add(self, entity: Entity) -> None:
        old = self._entities.get(entity.id)
        if old is not None:
            for key in old.keys:
                self._by_key.get((old.label, key), {}).pop(old.id, None)
        self._entities[entity.id] = entity
        self._added.setdefault(entity.id, len(self._added))
        for key in entity.keys:
            self._by_key.setdefault((entity.label, key), {})[entity.id] = None

    def get(self, entity_id: str) -> Entity | None:
        """The entity with this id, if stored."""
        return self._entities.get(entity_id)

    def __iter__(self) -> Iterator[Entity]:
        return iter(list(self._entities.values()))

    def __len__(self) -> int:
        return len(self._entities)
