"""Import and load sentence-transformers without the training stack it drags in.

`import sentence_transformers` imports, at module level, modules that only
training, model cards or similarity helpers use: scikit-learn's metrics (with
SciPy's statistics and pandas, about 1 s CPU), `datasets` (pandas, pyarrow,
about 1 s) and SciPy's optimizers (object-detection losses, 0.35 s);
SentenceTransformer(...) imports `datasets` again for the model card's version
list, and encode() on every call to recognise its Column type. On 2 cores that
is seconds of every start, for names claimcheck never reaches.

Tried and dropped: stand-ins for transformers' DeepGEMM/SonicMoE kernel modules
(transformers.integrations.finegrained_fp8, which every model's __init__ reads,
imports torch._dynamo anyway: no measurable gain) and for torch.distributed.tensor
(transformers builds DTensor placements at module level).

While sentence-transformers is imported, a SentenceTransformer constructed or
texts encoded (call_lean), each of those modules is a stand-in (STAND_INS) that offers
exactly the names taken from it:
- a function stand-in imports the real module on its first call, then calls
  the real function;
- a class stand-in answers isinstance()/issubclass() with False while the real
  module is not loaded (no instance of its class can exist before that) and
  otherwise, like an attribute lookup or a call, asks the real class;
- `datasets.__version__` is the installed distribution's version.
The stand-ins leave sys.modules as soon as the import or the construction is
done, so a later `import datasets` gets the real module (claimcheck's batch
reads corpora with it). A stand-in module bound by an `import X` during the
window reads every other name from the real module afterwards.

The lean result is kept only if the window asked the stand-ins for nothing but
their names and called none of them; otherwise (a newer release) everything
the import brought in from transformers and sentence-transformers is forgotten
and the plain import, or the plain construction, runs instead.

While the window is open, another thread importing one of these modules would
get the stand-in; claimcheck imports them from no other thread, and windows are
taken one at a time (a lock), so encodes in threads of one process run one
after another until something has loaded the real `datasets`.
"""
from __future__ import annotations

import importlib
import importlib.machinery
import logging
import sys
import threading
import types
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import metadata
from typing import Callable, Iterator

_lock = threading.RLock()
_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StandIn:
    """A module replaced during the window, and the names taken from it there."""

    module: str
    functions: tuple[str, ...] = ()
    classes: tuple[str, ...] = ()
    version_of: str = ""  # offer __version__ as this distribution's installed version
    why: str = field(default="", compare=False)


STAND_INS = (
    StandIn("sklearn.metrics", functions=("pairwise_distances",),
            why="sentence_transformers.util.similarity; only some similarity helpers call it"),
    StandIn("datasets", classes=("Dataset", "DatasetDict", "IterableDataset", "IterableDatasetDict", "Value",
                                 "Sequence", "Features", "Column", "Image", "Audio", "Video"), version_of="datasets",
            why="sentence-transformers' sampler, trainer and model card; transformers' Trainer"),
    StandIn("scipy.optimize", functions=("linear_sum_assignment",),
            why="object-detection losses in transformers.loss, imported by transformers.modeling_utils"),
)

# Packages a rejected attempt may have bound stand-ins into: forgotten before the plain import.
_REIMPORTED = ("sentence_transformers", "transformers")


class _Window:
    """The stand-ins of one window, and whether anything beyond their names was asked of them."""

    def __init__(self):
        self.modules: dict[str, _StandInModule] = {}
        self.strayed = ""  # what was asked beyond the offered names, if anything


_window = _Window()


class _StandInModule(types.ModuleType):
    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        if _window.modules.get(self.__name__) is self:
            _window.strayed = _window.strayed or f"{self.__name__}.{name}"
            raise AttributeError(f"{self.__name__}.{name} (stand-in while sentence_transformers loads)")
        # bound by an `import X` during the window: the real module answers from now on
        return getattr(_real_module(self.__name__), name)


def _real_module(name: str) -> types.ModuleType:
    if isinstance(sys.modules.get(name), _StandInModule):
        _window.strayed = _window.strayed or f"{name} (used)"
        raise ImportError(f"{name} was used while sentence_transformers loaded")
    return importlib.import_module(name)


def _function_stand_in(module: str, name: str):
    def stand_in(*args, **kwargs):
        return getattr(_real_module(module), name)(*args, **kwargs)

    stand_in.__name__ = stand_in.__qualname__ = name
    stand_in.__module__ = module
    stand_in.__doc__ = f"Calls {module}.{name}, imported on first use."
    return stand_in


class _ClassStandInMeta(type):
    # cls._real_module, cls._real_name: where the real class lives.
    def _real_class(cls):
        return getattr(_real_module(cls._real_module), cls._real_name)

    def _loaded_class(cls):
        module = sys.modules.get(cls._real_module)
        if module is None or isinstance(module, _StandInModule):
            return None
        return getattr(module, cls._real_name, None)

    def __instancecheck__(cls, obj):
        real = cls._loaded_class()
        return real is not None and isinstance(obj, real)

    def __subclasscheck__(cls, sub):
        real = cls._loaded_class()
        return real is not None and issubclass(sub, real)

    def __call__(cls, *args, **kwargs):
        return cls._real_class()(*args, **kwargs)

    def __getattr__(cls, attr):
        if attr.startswith("__"):
            raise AttributeError(attr)
        return getattr(cls._real_class(), attr)


def _class_stand_in(module: str, name: str) -> type:
    return _ClassStandInMeta(name, (), {"_real_module": module, "_real_name": name, "__module__": module,
                                        "__doc__": f"Stands for {module}.{name}, imported on first use."})


_built: dict[StandIn, _StandInModule] = {}


def _stand_in_module(spec: StandIn) -> _StandInModule:
    """The stand-in of `spec`, built once (encode() opens a window on every call)."""
    if spec not in _built:
        _built[spec] = _build_stand_in_module(spec)
    return _built[spec]


def _build_stand_in_module(spec: StandIn) -> _StandInModule:
    module = _StandInModule(spec.module, f"stand-in while sentence_transformers loads ({spec.why})")
    # importlib.util.find_spec (transformers' is_datasets_available) reads a loaded module's spec.
    module.__spec__ = importlib.machinery.ModuleSpec(spec.module, None)
    for name in spec.functions:
        setattr(module, name, _function_stand_in(spec.module, name))
    for name in spec.classes:
        setattr(module, name, _class_stand_in(spec.module, name))
    if spec.version_of:
        module.__version__ = metadata.version(spec.version_of)
    return module


@contextmanager
def stand_ins_installed(stand_ins: tuple[StandIn, ...] = STAND_INS) -> Iterator[Callable[[], str]]:
    """STAND_INS in sys.modules (those whose real module is not loaded) for the block.

    Yields a function that says what the block asked beyond the offered names
    ("" if nothing): the block's result is to be trusted only when it is "".
    """
    with _lock:
        try:
            installable = [spec for spec in stand_ins if spec.module not in sys.modules]
            _window.modules = {spec.module: _stand_in_module(spec) for spec in installable}
        except metadata.PackageNotFoundError:  # e.g. datasets not installed: nothing to stand in for
            _window.modules = {}
        _window.strayed = ""
        sys.modules.update(_window.modules)
        try:
            yield lambda: _window.strayed
        finally:
            for name, stand_in in _window.modules.items():
                if sys.modules.get(name) is stand_in:
                    del sys.modules[name]
            _window.modules = {}


def import_sentence_transformers(stand_ins: tuple[StandIn, ...] = STAND_INS) -> types.ModuleType:
    """The sentence_transformers module, imported with STAND_INS in place when it is not loaded yet."""
    with _lock:
        if "sentence_transformers" in sys.modules:
            return importlib.import_module("sentence_transformers")
        before = set(sys.modules)
        strayed = ""
        try:
            with stand_ins_installed(stand_ins) as asked_beyond:
                module = importlib.import_module("sentence_transformers")
                strayed = asked_beyond()
            if not strayed:
                return module
        except Exception as err:  # noqa: BLE001 - a release that takes more from a stand-in: below
            strayed = repr(err)
        _log.debug("lean import of sentence_transformers rejected (%s); importing it plainly", strayed)
        for name in set(sys.modules) - before:
            if name.split(".")[0] in _REIMPORTED:
                del sys.modules[name]
        return importlib.import_module("sentence_transformers")


def call_lean(function: Callable, *args, **kwargs):
    """function(*args, **kwargs) (SentenceTransformer(...), its encode) with STAND_INS in place.

    Run again plainly when the call asked a stand-in for anything else;
    an error that has nothing to do with the stand-ins is raised as it is.
    """
    with _lock:
        try:
            with stand_ins_installed() as asked_beyond:
                result = function(*args, **kwargs)
                strayed = asked_beyond()
        except Exception:
            if not _window.strayed:
                raise
            strayed = _window.strayed
        if not strayed:
            return result
        _log.debug("lean call of %s rejected (%s); calling it plainly", getattr(function, "__name__", function), strayed)
        return function(*args, **kwargs)
