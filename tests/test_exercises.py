"""cnnlib.exercises.check against student answers (tests/exercise_students.py).

Each catalogued mistake must be recognised by its key, each correct answer
must pass, and misbehaving answers (raising, returning junk, changing their
input, never returning) must fail with a report that says what happened,
without check itself raising or hanging.
"""

import time

import pytest
from exercise_students import BAD, CORRECT, WRONG

from cnnlib import exercises


@pytest.mark.parametrize("key", sorted(WRONG))
def test_mistake_is_recognised(key):
    name, fn = WRONG[key]
    r = exercises.check(name, fn)
    text = str(r)
    assert not r.passed, text
    assert r.mistake == key, text
    assert key in exercises.MISTAKES
    assert isinstance(text, str) and text.strip()
    assert name in text


def test_every_mistake_has_a_student():
    assert set(exercises.MISTAKES) == set(WRONG)


def test_mistake_descriptions_are_sentences():
    for key, description in exercises.MISTAKES.items():
        assert isinstance(description, str) and description.strip(), key


def test_mistakes_belong_to_exercises():
    assert set(exercises.EXERCISES) == set(CORRECT)
    assert {name for name, _ in WRONG.values()} <= set(exercises.EXERCISES)


CORRECT_CASES = [(name, fn) for name, fns in CORRECT.items() for fn in fns]


@pytest.mark.parametrize(
    ("name", "fn"), CORRECT_CASES, ids=[f"{name}-{fn.__module__}.{fn.__name__}" for name, fn in CORRECT_CASES]
)
def test_correct_answer_passes(name, fn):
    r = exercises.check(name, fn)
    text = str(r)
    assert r.passed, text
    assert r.mistake is None, text
    assert text.startswith(name), text
    assert "cases passed" in text, text


SLOW = {"sleeps", "loops_forever"}


@pytest.mark.parametrize("label", sorted(BAD))
def test_bad_behaviour_is_reported(label):
    fn, words = BAD[label]
    kwargs = {"time_limit": 0.5} if label in SLOW else {}
    start = time.perf_counter()
    r = exercises.check("conv_forward", fn, **kwargs)  # must not raise
    elapsed = time.perf_counter() - start
    text = str(r)
    assert not r.passed, text
    assert any(word in text.lower() for word in words), text
    if label in SLOW:
        assert "0.5" in text, text  # the limit it ran into
        assert elapsed < 3.0, f"check took {elapsed:.1f} s with time_limit=0.5"


def test_changed_input_does_not_leak_into_later_cases():
    """After an answer that changes its input, a correct answer still passes (the cases are not shared)."""
    fn, _ = BAD["changes_input"]
    exercises.check("conv_forward", fn)
    r = exercises.check("conv_forward", CORRECT["conv_forward"][0])
    assert r.passed, str(r)


def test_unknown_exercise_raises():
    with pytest.raises(ValueError) as info:
        exercises.check("no_such_exercise", CORRECT["conv_forward"][0])
    message = str(info.value)
    for name in exercises.EXERCISES:
        assert name in message, message
