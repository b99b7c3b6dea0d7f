"""A cache bounded by the memory its values take, not by how many there are: a few huge
uploads or reports must not keep a gigabyte after their readers have gone."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class Budget:
    """Values by key, the least recently used dropped while their sizes pass the budget."""

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.items: OrderedDict[object, tuple[object, int]] = OrderedDict()
        self.total = 0
        self.lock = threading.Lock()

    def get(self, key: object, make: Callable[[], T], size: Callable[[T], int]) -> T:
        """Return the value of key, made (and weighed) the first time it is asked for."""
        with self.lock:
            if key in self.items:
                self.items.move_to_end(key)
                return self.items[key][0]  # type: ignore[return-value]
        value = make()  # outside the lock: another reader's page need not wait for this one
        weight = size(value)
        with self.lock:
            if key not in self.items:
                self.items[key] = (value, weight)
                self.total += weight
                self._shrink(keep=key)
        return value

    def _shrink(self, keep: object) -> None:
        """Drop the least recently used values until the budget holds (never keep itself)."""
        while self.total > self.budget and len(self.items) > 1:
            oldest = next(iter(self.items))
            if oldest == keep:
                self.items.move_to_end(oldest)
                continue
            self.total -= self.items.pop(oldest)[1]

    def clear(self) -> None:
        """Forget every value."""
        with self.lock:
            self.items.clear()
            self.total = 0
