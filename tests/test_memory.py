"""Full garbage collections wait for a quiet moment (kiosk.memory.QuietCollector), without a window."""

import gc
import weakref

import pytest

from kiosk.memory import FORCE_AFTER, FULL_AFTER, NEVER, QuietCollector


class Cycle:
    """An object only a full collection frees once it has grown old: it refers to itself."""

    def __init__(self):
        self.me = self


@pytest.fixture
def collector():
    collector = QuietCollector(quiet_seconds=1.0)
    collector.start()
    yield collector
    collector.stop()


def old_garbage() -> weakref.ref:
    """A reference cycle moved to the oldest generation, then dropped."""
    cycle = Cycle()
    gc.collect()       # survives: now in the oldest generation
    found = weakref.ref(cycle)
    del cycle
    return found


def test_python_no_longer_runs_full_collections_by_itself_once_started(collector):
    young, middle, _ = gc.get_threshold()
    full = []

    def seen(phase, info):
        if phase == "start" and info["generation"] == 2:
            full.append(info)

    gc.callbacks.append(seen)
    try:
        for _ in range(40):
            garbage = [Cycle() for _ in range(young * middle)]  # enough for many young collections
            del garbage
    finally:
        gc.callbacks.remove(seen)
    assert full == []
    assert collector.pending() > FULL_AFTER  # Python would have run a full one by now


def test_stop_gives_python_its_own_thresholds_back():
    before = gc.get_threshold()
    collector = QuietCollector()
    collector.start()
    assert gc.get_threshold()[2] == NEVER
    collector.stop()
    assert gc.get_threshold() == before


def test_a_wanted_collection_waits_while_the_visitor_is_touching(collector):
    garbage = old_garbage()
    collector.want()
    assert not collector.tick(now=100.0, last_touch=99.5)   # half a second after a tap
    assert garbage() is not None and collector.wanted
    assert collector.tick(now=101.0, last_touch=99.5)       # 1.5 s of quiet
    assert garbage() is None and not collector.wanted
    assert collector.collections == 1 and collector.forced == 0


def test_nothing_wanted_and_few_young_collections_mean_no_full_collection(collector):
    gc.collect()
    assert not collector.tick(now=100.0, last_touch=0.0)
    assert collector.collections == 0


def test_the_full_collection_python_would_have_run_comes_at_the_next_quiet_moment(collector):
    gc.collect()
    for _ in range(FULL_AFTER):
        gc.collect(1)  # a collection of the two young generations, as Python runs them itself
    assert not collector.tick(now=100.0, last_touch=99.9)
    assert collector.tick(now=100.0, last_touch=98.0)
    assert collector.pending() == 0


def test_a_visitor_who_never_pauses_gets_a_full_collection_past_the_limit(collector):
    garbage = old_garbage()
    for _ in range(FORCE_AFTER):
        gc.collect(1)
    assert collector.tick(now=100.0, last_touch=100.0)     # touching right now
    assert garbage() is None and collector.forced == 1


def test_collect_now_frees_at_once_whatever_the_touches(collector):
    garbage = old_garbage()
    collector.collect()
    assert garbage() is None and collector.collections == 1


def test_a_stopped_collector_leaves_full_collections_to_python():
    """kiosk proof and snapshot stop it: with no visitor to keep a frame for, it would collect every second."""
    collector = QuietCollector(quiet_seconds=1.0)
    collector.start()
    collector.stop()
    collector.want()
    for _ in range(FORCE_AFTER):
        gc.collect(1)
    assert not collector.tick(now=100.0, last_touch=0.0)
    assert collector.collections == 0 and collector.forced == 0
