"""Writing outputs atomically; facts.jsonl and entities.jsonl (the eval contract). RDF: ``formats``."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from diplograf.extract.records import ArticleResult, Extraction
from diplograf.ontology.iris import entity_iri

from .build import fact_event_iri


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def atomic_write(path: Path, mode: str = "w"):
    """Write to a temp file beside ``path`` and rename it into place only when all went well."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, mode, encoding=None if "b" in mode else "utf-8") as handle:
            yield handle
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


#: The folder inside ``--out`` where a build writes before it publishes.
STAGING = ".staging"


@contextmanager
def staging(out: Path) -> Iterator[Path]:
    """A fresh ``out/.staging`` folder to write every output into; when the block ends without an
    error, each file is renamed into ``out`` (renames within one folder, a moment for all of them), and
    the staging folder goes. On an error, or a kill, the outputs in ``out`` stay as they were, and the
    next build clears what was left in staging."""
    import shutil

    stage = out / STAGING
    shutil.rmtree(stage, ignore_errors=True)
    stage.mkdir(parents=True)
    try:
        yield stage
        for path in sorted(stage.iterdir()):
            os.replace(path, out / path.name)
    finally:
        shutil.rmtree(stage, ignore_errors=True)


class OutputBusy(OSError):
    """Another process is writing the same output folder."""


@contextmanager
def out_lock(out: Path) -> Iterator[None]:
    """Hold ``out`` for one build: a second build into the same folder fails at once (it never
    interleaves its files with the first one's). The lock is the kernel's, on the folder itself, so a
    killed build leaves no stale lock behind."""
    import fcntl

    fd = os.open(out, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise OutputBusy(f"--out {out}: another diplograf build is writing there; wait for it to finish or "
                         "choose another --out") from None
    try:
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def write_jsonl(rows: Iterable[dict], path: Path) -> int:
    count = 0
    with atomic_write(path) as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
            count += 1
    return count


def _by_article(extraction: Extraction) -> list[ArticleResult]:
    return sorted(extraction.articles, key=lambda res: res.article.id)


def each_fact_row(extraction: Extraction) -> Iterator[dict]:
    """facts.jsonl's rows in their order, an article at a time: a corpus's rows are never all held."""
    ents = extraction.entities
    for res in _by_article(extraction):
        rows = []
        for f in res.facts:
            rows.append({
                "article": f.article, "predicate": f.predicate,
                "subject": ents[f.subject].name, "subject_wikidata": ents[f.subject].wikidata,
                "object": ents[f.object].name, "object_wikidata": ents[f.object].wikidata,
                "date": f.date.isoformat() if f.date else None,
                "date_end": f.date_end.isoformat() if f.date_end else None, "period": f.period,
                "place": ents[f.place].name if f.place else None,
                "role": f.role, "confidence": f.confidence,
                "evidence": f.evidence, "start": f.start, "end": f.end,
                "event": str(fact_event_iri(f)),
                "plover": f.plover, "plover_mode": f.mode, "cameo": f.cameo, "modality": f.modality,
            })
        yield from sorted(rows, key=lambda r: (r["article"], r["start"], r["predicate"], r["subject"], r["object"],
                                               r["role"] or ""))


def each_entity_row(extraction: Extraction) -> Iterator[dict]:
    """entities.jsonl's rows (one per entity per article naming it) in their order, an article at a time."""
    for res in _by_article(extraction):
        aliases: dict[str, set[str]] = {}
        for m in res.mentions:
            if m.entity:
                aliases.setdefault(m.entity, set()).add(m.text)
        rows = []
        for key, forms in aliases.items():
            ent = extraction.entities[key]
            rows.append({"article": res.article.id, "name": ent.name, "type": ent.type,
                         "aliases": sorted(forms), "wikidata": ent.wikidata, "iri": str(entity_iri(key))})
        yield from sorted(rows, key=lambda r: (r["article"], r["type"], r["name"]))


def fact_rows(extraction: Extraction) -> list[dict]:
    return list(each_fact_row(extraction))


def entity_rows(extraction: Extraction) -> list[dict]:
    return list(each_entity_row(extraction))
