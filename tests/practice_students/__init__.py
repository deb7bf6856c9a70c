"""Student answers to the second-round exercises (cnnlib.exercises.practice), one module per exercise.

Each module defines ``NAME`` (the exercise), ``CORRECT`` (right answers, written as students write them) and
``WRONG`` (``{mistake key: function}``: one function per catalogued mistake, committing that mistake and
nothing else, written independently of the catalogue's own code). ``tests/exercise_students.py`` merges them.
"""

import importlib
import pkgutil

CORRECT, WRONG = {}, {}
for _info in pkgutil.iter_modules(__path__):
    _module = importlib.import_module(f"{__name__}.{_info.name}")
    CORRECT.setdefault(_module.NAME, []).extend(_module.CORRECT)
    WRONG.update({key: (_module.NAME, fn) for key, fn in _module.WRONG.items()})
