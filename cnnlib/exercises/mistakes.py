"""The catalogue: each known mistake as code, and where the source makes it.

``CATALOGUE[exercise]`` lists ``(key, candidates)``: functions with the
exercise's signature that compute the exercise *with that one mistake*
(:mod:`.wrong_forward`, :mod:`.wrong_backward`). The checker runs them on the
case a reader's function failed and names the mistake whose output it
reproduces. A candidate returns ``None`` where its mistake does not apply
(a transposed kernel needs a square one). Each mistake as a sentence, by its
key, is in the language tables: :data:`.en.MISTAKES` (re-exported here as
``MISTAKES``) and :data:`.zh.MISTAKES`.
"""

from __future__ import annotations

from .en import MISTAKES
from .wrong_backward import CATALOGUE_BACKWARD
from .wrong_forward import CATALOGUE_FORWARD

__all__ = ["MISTAKES", "SOURCE_SLIP", "CATALOGUE"]

# Mistakes the source itself makes: the entry of chapter 07 that collects it.
SOURCE_SLIP = {
    "correlate_extra_row": 4,
    "convolve_extra_row": 6,
    "forward_square_kernel": 1,
    "forward_pads_output": 9,
    "pool_stride_is_size": 10,
    "dW_from_output": 11,
    "db_missing": 12,
    "dA_stride_ignored": 16,
    "dA_cropped_too_early": 16,
    "max_grad_one": 17,
    "avg_grad_no_delta": 17,
    "max_grad_empty": 18,
}


CATALOGUE = {**CATALOGUE_FORWARD, **CATALOGUE_BACKWARD}

assert {key for entries in CATALOGUE.values() for key, _ in entries} == set(MISTAKES)
