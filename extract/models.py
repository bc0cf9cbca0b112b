"""Loading the Indonesian Stanza pipeline: the bundled models, another folder, or Stanford's package."""

from __future__ import annotations

import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .retokenize import Retokenize

BUNDLED_DIR = Path(__file__).resolve().parent / "models" / "id"
PROCESSORS = ("tokenize", "mwt", "pos", "lemma", "depparse", "ner")
#: File of each processor inside a model folder (the layout ``make models`` writes).
FILES = {p: f"{p}.pt" for p in PROCESSORS} | {"pretrain": "pretrain.pt"}
#: Processors that read the word vectors.
USES_PRETRAIN = ("pos", "depparse", "ner")
#: Optional list, one per line, of words the tokenizer must not split into host + clitic.
WHOLE_WORDS = "whole-words.txt"


class ModelError(RuntimeError):
    """A model file is missing or unreadable; the message names the file and the fix."""


@dataclass(frozen=True)
class ModelSpec:
    """Where the models come from: ``bundled`` (default), a folder, or ``official`` for
    Stanford's downloaded ``id`` package with our NER on top."""

    folder: Path = BUNDLED_DIR
    package: str = "bundled"  # bundled | official
    use_gpu: bool = False
    #: int8 dynamic quantisation of the LSTM and linear layers (``quantize``); a trial, not the default
    int8: bool = False


def check_folder(folder: Path, processors: tuple[str, ...] = PROCESSORS) -> dict[str, Path]:
    """Paths of the model files in ``folder``; raise ModelError naming each missing or broken one."""
    needed = list(processors) + (["pretrain"] if set(processors) & set(USES_PRETRAIN) else [])
    paths = {name: folder / FILES[name] for name in needed}
    problems = []
    for path in paths.values():
        if not path.is_file():
            problems.append(f"missing {path}")
        elif path.stat().st_size < 1024 or _looks_like_lfs_pointer(path):
            problems.append(f"corrupt {path} ({path.stat().st_size} bytes)")
    if problems:
        raise ModelError(
            "Stanza model files are not usable: " + "; ".join(problems) + ".\n"
            "Fix: reinstall diplograf (the models ship inside the package), rebuild them with "
            "'make models', or point --stanza-dir at a folder with "
            + ", ".join(FILES[n] for n in needed) + ".")
    return paths


def _looks_like_lfs_pointer(path: Path) -> bool:
    with open(path, "rb") as handle:
        return handle.read(40).startswith(b"version https://git-lfs")


def _resources_dir() -> str:
    """Stanza insists on a resources.json even when every path is given; an empty one will do."""
    env = os.environ.get("STANZA_RESOURCES_DIR")
    if env and (Path(env) / "resources.json").exists():
        return env
    folder = Path(tempfile.gettempdir()) / "diplograf-stanza-resources"
    folder.mkdir(parents=True, exist_ok=True)
    res = folder / "resources.json"
    if not res.exists():
        res.write_text("{}")
    return str(folder)


def default_threads() -> int:
    """Torch threads for the analysis when none are asked for: the cores, up to 4."""
    return min(4, os.cpu_count() or 1)


def use_threads(threads: int) -> None:
    """Give torch ``threads`` CPU threads for the analysis. Unless the environment says otherwise, its
    OpenMP threads sleep while they wait (``OMP_WAIT_POLICY=PASSIVE``): spinning, two threads on a
    2-core machine busy with other work analysed 17 to 45 words/s, against 355 to 361 sleeping and 348 to
    403 with one thread (docs/benchmarks.md). Takes effect where torch's OpenMP has not started yet."""
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    import torch

    torch.set_num_threads(max(1, threads))


def whole_words(folder: Path) -> frozenset[str]:
    """The words of ``folder/whole-words.txt`` (none when the folder has no such file)."""
    path = folder / WHOLE_WORDS
    if not path.exists():
        return frozenset()
    return frozenset(w.strip().lower() for w in path.read_text(encoding="utf-8").splitlines() if w.strip())


def load_pipeline(spec: ModelSpec | None = None, processors: tuple[str, ...] = PROCESSORS, **options):
    """A ``stanza.Pipeline`` for Indonesian that never touches the network; ``options`` go to Stanza
    (e.g. ``tokenize_pretokenized=True``). Missing or broken files are named before Stanza is imported."""
    spec = spec or ModelSpec()
    logging.getLogger("stanza").setLevel(logging.ERROR)
    kwargs = {}
    if "tokenize" in processors and not options.get("tokenize_pretokenized"):
        words = whole_words(spec.folder) if spec.package == "bundled" else frozenset()
        kwargs["tokenize_postprocessor"] = Retokenize(words)
    if spec.package == "official":
        ours = check_folder(spec.folder, tuple(p for p in processors if p == "ner"))
        base = tuple(p for p in processors if p != "ner")
        import stanza

        if "ner" in ours:
            kwargs |= {"ner_model_path": str(ours["ner"]), "ner_pretrain_path": str(ours["pretrain"])}
        try:
            pipeline = stanza.Pipeline("id", processors=",".join(processors), download_method=None,
                                       use_gpu=spec.use_gpu, logging_level="ERROR", **kwargs, **options)
        except Exception as err:  # stanza raises several kinds here
            raise ModelError(
                f"Stanford's Indonesian package is not usable ({err}).\n"
                f"Fix: download it once where a network is at hand (stanza.download('id')) "
                f"or use the bundled models (drop --stanza-package official). Needed: {', '.join(base)}") from err
        return speed_up(pipeline)
    paths = check_folder(spec.folder, processors)
    import stanza

    kwargs |= {f"{p}_model_path": str(paths[p]) for p in processors}
    for p in USES_PRETRAIN:
        if p in processors:
            kwargs[f"{p}_pretrain_path"] = str(paths["pretrain"])
    if "ner" in processors:
        kwargs["ner_charlm_forward_file"] = None
        kwargs["ner_charlm_backward_file"] = None
    try:
        pipeline = stanza.Pipeline("id", dir=_resources_dir(), processors=",".join(processors),
                                   download_method=None, use_gpu=spec.use_gpu, logging_level="ERROR",
                                   **kwargs, **options)
    except Exception as err:
        raise ModelError(f"Stanza could not load the models in {spec.folder}: {err}.\n"
                         "Fix: rebuild them with 'make models' or reinstall diplograf.") from err
    return speed_up(quantize(pipeline) if spec.int8 else pipeline)


def speed_up(pipeline, on: bool = True):
    """Stanza's own analysis, with less work (``on``): the parser scores the labels of the arcs it
    chose only (``fast_parse``), the character models read each distinct spelling of a batch once
    (``fast_chars``), and the pipeline runs in ``torch.inference_mode`` (no autograd bookkeeping;
    Stanza's processors use ``no_grad``): the same parses, about 1.4 times the words per CPU second
    (docs/benchmarks.md). Not ``on``: Stanza's code throughout."""
    from . import fast_chars, fast_parse

    fast_parse.enable(pipeline, on)
    fast_chars.enable(pipeline, on)
    pipeline.__dict__.pop("process", None)
    if on:
        pipeline.process = _in_inference_mode(pipeline.process)
    return pipeline


def _in_inference_mode(process):
    import functools

    import torch

    @functools.wraps(process)
    def run(*args, **kwargs):
        with torch.inference_mode():
            return process(*args, **kwargs)

    return run


#: The processors whose networks ``quantize`` converts: the tokenizer and mwt are a small share, and
#: the NER lost 0.5 to 0.7 F1 on NERP and NERGrit in int8 (docs/benchmarks.md).
QUANTIZED = ("pos", "lemma", "depparse")


def quantize(pipeline):
    """Int8 dynamic quantisation (weights int8, activations quantised on the fly) of every
    ``nn.LSTM`` and ``nn.Linear`` of the ``QUANTIZED`` processors, in place, for the CPU."""
    import torch
    from torch import nn

    for name in QUANTIZED:
        processor = pipeline.processors.get(name)
        if processor is None:
            continue
        trainers = {id(t): t for t in [processor._trainer, *getattr(processor, "trainers", [])]}  # NER: several
        for trainer in trainers.values():
            trainer.model = torch.ao.quantization.quantize_dynamic(trainer.model, {nn.LSTM, nn.Linear},
                                                                   dtype=torch.qint8)
    return pipeline
