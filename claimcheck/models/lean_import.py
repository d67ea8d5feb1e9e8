"""Import sentence-transformers without the evaluation stack it drags in.

`import sentence_transformers` runs `from sklearn.metrics import
pairwise_distances` at module level (sentence_transformers/util/similarity.py),
and scikit-learn in turn imports SciPy's statistics and pandas: about 2 s of a
9 s import on 2 cores, for a function that only some similarity helpers call
and claimcheck never does. While sentence-transformers is imported, a stand-in
`sklearn.metrics` offers that one name, which imports the real function on
first call; the stand-in leaves sys.modules as soon as the import is done, so
any later `import sklearn.metrics` gets the real module.
"""
from __future__ import annotations

import importlib
import sys
import threading
import types

_lock = threading.Lock()


def _pairwise_distances(*args, **kwargs):
    from sklearn.metrics import pairwise_distances

    return pairwise_distances(*args, **kwargs)


def import_sentence_transformers() -> types.ModuleType:
    """The sentence_transformers module, imported without scikit-learn when it is not loaded yet."""
    with _lock:
        if "sentence_transformers" in sys.modules or "sklearn.metrics" in sys.modules:
            return importlib.import_module("sentence_transformers")
        stand_in = types.ModuleType("sklearn.metrics", "stand-in while sentence_transformers is imported")
        stand_in.pairwise_distances = _pairwise_distances
        sys.modules["sklearn.metrics"] = stand_in
        try:
            return importlib.import_module("sentence_transformers")
        except ImportError:
            # A release that takes more from sklearn.metrics: forget the half import, pay the 2 s.
            for name in [n for n in sys.modules if n == "sentence_transformers" or n.startswith("sentence_transformers.")]:
                del sys.modules[name]
            if sys.modules.get("sklearn.metrics") is stand_in:
                del sys.modules["sklearn.metrics"]
            return importlib.import_module("sentence_transformers")
        finally:
            if sys.modules.get("sklearn.metrics") is stand_in:
                del sys.modules["sklearn.metrics"]
