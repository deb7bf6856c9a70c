"""Shared strategies: random layer configurations that always fit together; hypothesis's profiles."""

import os

import numpy as np
import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# quick by default (python3 dev.py test); HYPOTHESIS_PROFILE=thorough, which CI runs (.ci/run), tries
# sixty times as many random cases per property (a few minutes more)
settings.register_profile("quick", deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=25)
settings.register_profile("thorough", parent=settings.get_profile("quick"), max_examples=1500)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "quick"))


def pytest_collection_modifyitems(config, items):
    # a thorough property test runs 1,500 cases: on a loaded 2-core machine that can pass the suite's
    # 300-s limit per test, which is there to catch hangs, not slow work
    if os.environ.get("HYPOTHESIS_PROFILE") != "thorough":
        return
    for item in items:
        if getattr(getattr(item, "obj", None), "is_hypothesis_test", False) and not item.get_closest_marker("timeout"):
            item.add_marker(pytest.mark.timeout(1500))


@st.composite
def conv_configs(draw, max_batch=2, max_channels=3, max_side=7):
    """(A_prev, W, b, stride, padding) with random, possibly non-square shapes."""
    k1, k2 = draw(st.integers(1, 4)), draw(st.integers(1, 4))
    p1, p2 = draw(st.integers(0, 2)), draw(st.integers(0, 2))
    s1, s2 = draw(st.integers(1, 3)), draw(st.integers(1, 3))
    h = draw(st.integers(max(1, k1 - 2 * p1), max_side))
    w = draw(st.integers(max(1, k2 - 2 * p2), max_side))
    m = draw(st.integers(1, max_batch))
    c_prev, c = draw(st.integers(1, max_channels)), draw(st.integers(1, max_channels))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    A_prev = rng.standard_normal((m, h, w, c_prev))
    W = rng.standard_normal((k1, k2, c_prev, c))
    b = rng.standard_normal(c)
    stride = draw(st.sampled_from([(s1, s2), s1]))
    padding = draw(st.sampled_from([(p1, p2), p1]))
    if isinstance(padding, int) and (k1 > h + 2 * p1 or k2 > w + 2 * p1):
        padding = (p1, p2)
    return A_prev, W, b, stride, padding


@st.composite
def pool_configs(draw, max_batch=2, max_channels=3, max_side=7):
    """(A_prev, size, stride, mode) with random windows, strides and modes."""
    k1, k2 = draw(st.integers(1, 3)), draw(st.integers(1, 3))
    h, w = draw(st.integers(k1, max_side)), draw(st.integers(k2, max_side))
    m, c = draw(st.integers(1, max_batch)), draw(st.integers(1, max_channels))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    A_prev = rng.standard_normal((m, h, w, c))
    size = draw(st.sampled_from([(k1, k2), k1])) if k1 <= min(h, w) else (k1, k2)
    stride = draw(st.sampled_from([None, (draw(st.integers(1, 3)), draw(st.integers(1, 3)))]))
    mode = draw(st.sampled_from(["max", "avg"]))
    return A_prev, size, stride, mode
