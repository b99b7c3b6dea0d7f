"""The drawings' cache is bounded by bytes: the least recently used go first."""

from dashboard.ui.budget import Budget


def test_values_past_the_budget_are_dropped_least_recently_used_first():
    made: list[str] = []
    cache = Budget(100)

    def get(key: str, size: int) -> str:
        return cache.get(key, lambda: made.append(key) or key, lambda _: size)

    get("a", 40), get("b", 40), get("a", 40)  # "a" used last
    get("c", 40)  # 120 > 100: "b", the least recently used, goes
    assert list(cache.items) == ["a", "c"] and cache.total == 80
    get("b", 40)
    assert made == ["a", "b", "c", "b"]  # made again once dropped


def test_one_value_larger_than_the_budget_is_kept_alone():
    cache = Budget(10)
    cache.get("small", lambda: 1, lambda _: 5)
    cache.get("huge", lambda: 2, lambda _: 50)
    assert list(cache.items) == ["huge"] and cache.total == 50
