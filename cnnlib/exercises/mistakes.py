"""The catalogue: each known mistake as code, and where the source makes it.

``CATALOGUE[exercise]`` lists ``(key, candidates)``: functions with the
exercise's signature that compute the exercise *with that one mistake*, one
per way of writing it. The four layer exercises have one implementation each
with the mistakes as switches (:mod:`.slips`), so that two mistakes combine;
the 2-D exercises and ``output_size`` have a function per mistake
(:mod:`.wrong_forward`), and so have the few layer mistakes that are no switch
(:mod:`.wrong_layers`: they are tried alone, never in a pair). The checker
runs them on the case a reader's function failed and names the mistake whose
output (or exception) it reproduces there and that passes every case the
function passes (:mod:`.diagnose`). A candidate returns ``None`` where its
mistake does not apply (a transposed kernel needs a square one). ``ERRORS``
(:mod:`.errors`) names the cause of an exception no candidate reproduces,
from its message. Each mistake as a
sentence, by its key, is in the language tables: :data:`.en.MISTAKES`
(re-exported here as ``MISTAKES``) and :data:`.zh.MISTAKES`.
"""

from __future__ import annotations

from . import slips
from .en import MISTAKES
from .errors import ERRORS
from .practice import SPECS
from .wrong_forward import CATALOGUE_FORWARD
from .wrong_layers import CATALOGUE_LAYERS

__all__ = ["MISTAKES", "SOURCE_SLIP", "CATALOGUE", "ERRORS", "slipped"]

# Mistakes the source itself makes: the entry of chapter 07 that collects it.
SOURCE_SLIP = {
    "correlate_extra_row": 4,
    "convolve_extra_row": 6,
    "forward_square_kernel": 1,
    "forward_pads_output": 8,
    "pool_stride_is_size": 9,
    "dW_from_output": 10,
    "db_missing": 11,
    "dA_stride_ignored": 15,
    "dA_cropped_too_early": 15,
    "max_grad_one": 16,
    "avg_grad_no_delta": 16,
    "max_grad_empty": 17,
}


def slipped(name, mistakes):
    """Exercise ``name`` computed with ``mistakes`` (``{key: variant}``), with the exercise's signature."""
    layer = getattr(slips, name)

    def candidate(*args, dilation=1, groups=1, **kwargs):
        return layer(*args, **kwargs, slips=mistakes)

    candidate.slips = dict(mistakes)
    return candidate


CATALOGUE = {
    **CATALOGUE_FORWARD,
    **{
        name: [
            (key, [slipped(name, {key: v}) for v in variants])
            for key, variants in table.items()
        ]
        + CATALOGUE_LAYERS.get(name, [])
        for name, table in slips.VARIANTS.items()
    },
    **{
        name: [(key, [fn]) for key, fn in spec.mistakes.items()]
        for name, spec in SPECS.items()
    },
}

assert {key for entries in CATALOGUE.values() for key, _ in entries} | {
    key for key, _ in ERRORS
} == set(MISTAKES)
