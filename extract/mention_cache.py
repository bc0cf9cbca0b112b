"""A per-article cache of the mention components' work, so that a rebuild of unchanged articles runs
only the cross-article steps (entity resolution, the fact components, the merge).

The mention components (``pipeline``: phase "mentions") read one article and its analysis, nothing of
the corpus, so their result is a function of the article, the analysis and the rules. An entry is
keyed by the article (its id, text, title, date, source and URL: not the file it came from), and it
lives under a tag of the models (the analysis cache's) and of the rules: every ``.py`` of ``extract/``
and every table of ``extract/data/``. Change a rule table or the extraction code and the tag changes,
so every article's mentions are found again (the analysis, keyed by the models only, is still reused).

Entries are pickles of the state after the mention phase, written to a temporary file and renamed;
one that cannot be read is ignored and written again. The cache folder is the user's own, as trusted
as the code (a pickle runs code when read): it sits beside the analysis cache.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .records import Article, Sentence

if TYPE_CHECKING:
    from .cache import AnalysisCache

#: Bump when the layout of an entry changes.
FORMAT = 2
#: What an entry keeps of an article's state (``pipeline.ArticleState``) besides its sentences.
KEPT = ("mentions", "holdings", "titles", "nested")
HERE = Path(__file__).resolve().parent


def rules_tag(folder: Path | None = None) -> str:
    """A tag of the extraction code and rule tables in ``folder`` (default ``extract/``): its ``.py`` files
    and everything under its ``data/``, by content (the bundled models are the analysis cache's business)."""
    folder = folder or HERE
    h = hashlib.sha256(f"{FORMAT}".encode())
    files = sorted(folder.glob("*.py")) + sorted(p for p in (folder / "data").rglob("*") if p.is_file())
    for p in files:
        h.update(f"{p.relative_to(folder)}\0".encode())
        h.update(p.read_bytes())
        h.update(b"\0")
    return h.hexdigest()[:16]


@functools.cache
def _code_tag() -> str:
    return rules_tag()


def article_key(article: Article, components: tuple[str, ...]) -> str:
    """The article as the mention components see it (not ``path``), and which components run (their
    names and functions: ``pipeline.cached_states``)."""
    fields = [article.id, article.text, article.title, article.date.isoformat() if article.date else None,
              article.source, article.url, list(components)]
    return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode("utf-8")).hexdigest()


class MentionCache:
    """States after the mention phase under ``folder/mentions/<models tag>-<rules tag>/``."""

    def __init__(self, folder: Path, models: str, rules: str | None = None):
        self.folder = Path(folder) / "mentions" / f"{models}-{rules or _code_tag()}"

    @classmethod
    def beside(cls, analysis: AnalysisCache, rules: str | None = None) -> MentionCache:
        """The mention cache in the same cache folder as ``analysis``, for the same models."""
        return cls(analysis.folder.parent.parent, analysis.folder.name, rules)

    def _path(self, article: Article, components: tuple[str, ...]) -> Path:
        key = article_key(article, components)
        return self.folder / key[:2] / f"{key[2:34]}.pickle"

    def get(self, article: Article, components: tuple[str, ...]) -> dict[str, Any] | None:
        """The fields of ``article``'s state after ``components``' mention phase (``KEPT``, and ``stored``,
        which reads its sentences: they stay on disk), or None when it is not here."""
        path = self._path(article, components)
        try:
            with path.open("rb") as handle:
                fields = pickle.load(handle)  # the first of the entry's two pickles
                offset = handle.tell()
            return fields | {"stored": functools.partial(_sentences, path, offset)}
        except FileNotFoundError:
            return None
        except Exception:  # unreadable, or written by other code: find the mentions again
            path.unlink(missing_ok=True)
            return None

    def put(self, state: Any, components: tuple[str, ...]) -> Callable[[], list[Sentence]]:
        """Keep ``state`` (a ``pipeline.ArticleState``: its ``KEPT`` fields, then its sentences, two
        pickles); returns what reads the sentences back."""
        path = self._path(state.article, components)
        path.parent.mkdir(parents=True, exist_ok=True)
        fields = {name: getattr(state, name) for name in KEPT}
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(fields, handle, protocol=pickle.HIGHEST_PROTOCOL)
                offset = handle.tell()
                pickle.dump(state.sentences, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return functools.partial(_sentences, path, offset)


def _sentences(path: Path, offset: int) -> list[Sentence]:
    """The sentences of an entry (its second pickle)."""
    with path.open("rb") as handle:
        handle.seek(offset)
        return pickle.load(handle)
