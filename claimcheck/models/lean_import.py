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

import hashlib
import importlib
import importlib.abc
import importlib.machinery
import json
import logging
import os
import sys
import threading
import types
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
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
        self.undo: list[Callable[[], None]] = []  # patches made during the window, undone at its end


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


# ----------------------------------------------- transformers' index of its models
#
# `import transformers` reads all ~1,700 files under transformers/models/ to build
# the index of its lazy module (create_import_structure_from_path: which names
# each file exports and which backends they need), about 0.5 s CPU on every
# start. The index is a function of those files alone, so the window keeps it in
# claimcheck's cache, keyed by every file's path, size and modification time,
# and hands it to transformers instead of reading the files again.

_MODELS_INDEX_VERSION = 1


def _files_key(directory: Path) -> str:
    """A digest of the path, size and mtime of every file under `directory` (as the index walk sees them)."""
    entries = []
    pending = [directory]
    while pending:
        with os.scandir(pending.pop()) as listing:
            for entry in listing:
                if entry.name == "__pycache__":
                    continue
                if entry.is_dir():
                    pending.append(Path(entry.path))
                else:
                    stat = entry.stat()
                    entries.append(f"{os.path.relpath(entry.path, directory)}\t{stat.st_size}\t{stat.st_mtime_ns}")
    entries.sort()
    return hashlib.sha256("\n".join([str(directory), *entries]).encode()).hexdigest()


def _to_json(value):
    # the index: dicts keyed by names or frozensets of backends, down to sets of names
    if isinstance(value, dict):
        return {"dict": [[_to_json(k), _to_json(v)] for k, v in value.items()]}
    if isinstance(value, (set, frozenset)):
        return {"frozenset" if isinstance(value, frozenset) else "set": sorted(value)}
    if isinstance(value, str):
        return value
    raise TypeError(f"unexpected {type(value).__name__} in transformers' models index")


def _from_json(value):
    if isinstance(value, str):
        return value
    if "dict" in value:
        return {_from_json(k): _from_json(v) for k, v in value["dict"]}
    if "frozenset" in value:
        return frozenset(value["frozenset"])
    return set(value["set"])


def cached_models_index(compute: Callable, models_dir: Path, cache_file: Path):
    """compute(models_dir), from cache_file when the files under models_dir are the ones it was built from."""
    key = _files_key(models_dir)
    try:
        saved = json.loads(cache_file.read_text(encoding="utf-8"))
        if saved.get("version") == _MODELS_INDEX_VERSION and saved.get("key") == key:
            return _from_json(saved["index"])
    except (OSError, ValueError, KeyError, TypeError):
        pass  # absent, stale or damaged: rebuilt below
    index = compute(models_dir)
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        staging = cache_file.with_name(f".{cache_file.name}.{os.getpid()}")
        staging.write_text(json.dumps({"version": _MODELS_INDEX_VERSION, "key": key, "index": _to_json(index)}),
                           encoding="utf-8")
        os.replace(staging, cache_file)
    except (OSError, TypeError) as err:  # a read-only cache costs the 0.5 s, nothing else
        _log.debug("transformers' models index not cached: %s", err)
    return index


def _use_cached_models_index(import_utils: types.ModuleType) -> None:
    """Point transformers.utils.import_utils at the cached index for the rest of the window."""
    original = getattr(import_utils, "create_import_structure_from_path", None)
    if not callable(original):
        return  # another release: nothing to patch
    from ..config import get_settings

    models_dir = Path(import_utils.__file__).resolve().parent.parent / "models"
    cache_file = get_settings().cache_dir / "transformers-models-index.json"

    def create_import_structure_from_path(module_path):
        if Path(module_path).resolve() != models_dir:
            return original(module_path)  # the subfolders, read as before
        return cached_models_index(original, models_dir, cache_file)

    import_utils.create_import_structure_from_path = create_import_structure_from_path
    _window.undo.append(lambda: setattr(import_utils, "create_import_structure_from_path", original))


class _ModelsIndexHook(importlib.abc.MetaPathFinder):
    """Finds transformers.utils.import_utils as usual and patches it right after it runs."""

    def find_spec(self, fullname, path=None, target=None):
        if fullname != "transformers.utils.import_utils":
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is None or not hasattr(spec.loader, "exec_module"):
            return spec
        run = spec.loader.exec_module

        def exec_module(module):
            run(module)
            _use_cached_models_index(module)

        spec.loader.exec_module = exec_module  # this spec's own loader object
        return spec


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
        index_hook = _ModelsIndexHook() if "transformers" not in sys.modules else None
        if index_hook:
            sys.meta_path.insert(0, index_hook)
        try:
            yield lambda: _window.strayed
        finally:
            for name, stand_in in _window.modules.items():
                if sys.modules.get(name) is stand_in:
                    del sys.modules[name]
            _window.modules = {}
            if index_hook in sys.meta_path:
                sys.meta_path.remove(index_hook)
            while _window.undo:
                _window.undo.pop()()


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
