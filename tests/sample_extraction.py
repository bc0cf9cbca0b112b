"""A hand-made two-article extraction (text written for these tests) for fast graph, store and query tests."""

from __future__ import annotations

import datetime as dt

from diplograf.extract.records import Article, ArticleResult, Entity, Extraction, Fact, Mention

A1 = ("Presiden Indonesia Joko Widodo bertemu Perdana Menteri Malaysia Anwar Ibrahim di Bogor pada Senin (8/1). "
      "Kedua negara sepakat memperkuat kerja sama di bidang energi dan perdagangan.")
A2 = ("Menteri Luar Negeri Retno Marsudi menandatangani nota kesepahaman di Kuala Lumpur. "
      "Indonesia dan Malaysia adalah anggota ASEAN.")

ENTITIES = {
    "person:joko-widodo": Entity("person:joko-widodo", "Joko Widodo", "Person", aliases={"Joko Widodo", "Jokowi"}),
    "person:anwar-ibrahim": Entity("person:anwar-ibrahim", "Anwar Ibrahim", "Person", aliases={"Anwar Ibrahim"}),
    "person:retno-marsudi": Entity("person:retno-marsudi", "Retno Marsudi", "Person", aliases={"Retno Marsudi"}),
    "country:ID": Entity("country:ID", "Indonesia", "Country", "Q252", "ID", aliases={"Indonesia"}),
    "country:MY": Entity("country:MY", "Malaysia", "Country", "Q833", "MY", aliases={"Malaysia"}),
    "city:bogor": Entity("city:bogor", "Bogor", "City", aliases={"Bogor"}),
    "city:kuala-lumpur": Entity("city:kuala-lumpur", "Kuala Lumpur", "City", "Q1865", stands_for="country:MY",
                                aliases={"Kuala Lumpur"}),
    "org:asean": Entity("org:asean", "ASEAN", "Organization", "Q7768", aliases={"ASEAN"}),
    "agreement:a2-nota-kesepahaman": Entity("agreement:a2-nota-kesepahaman", "nota kesepahaman", "Agreement",
                                            aliases={"nota kesepahaman"}),
}


def _fact(article: str, text: str, pred: str, subj: str, obj: str, **kw) -> Fact:
    start = (A1 if article == "a1.txt" else A2).index(text)
    return Fact(article, pred, subj, obj, kw.pop("sentence", 0), text, start, start + len(text), **kw)


def sample_extraction() -> Extraction:
    s1a, s1b = A1.split(". ", 1)
    s2a, s2b = A2.split(". ", 1)
    art1 = Article(id="a1.txt", text=A1, date=dt.date(2024, 1, 9), title="Jokowi terima Anwar")
    art2 = Article(id="a2.txt", text=A2, date=dt.date(2024, 3, 1))
    m1 = [Mention(0, 2, 3, "Joko Widodo", 18, 29, "Person", "person:joko-widodo"),
          Mention(0, 1, 1, "Indonesia", 9, 18, "Country", "country:ID"),
          Mention(0, 8, 9, "Anwar Ibrahim", 62, 75, "Person", "person:anwar-ibrahim"),
          Mention(0, 7, 7, "Malaysia", 54, 62, "Country", "country:MY"),
          Mention(0, 11, 11, "Bogor", 79, 84, "City", "city:bogor")]
    m2 = [Mention(0, 3, 4, "Retno Marsudi", 20, 33, "Person", "person:retno-marsudi"),
          Mention(0, 9, 10, "Kuala Lumpur", 70, 82, "City", "city:kuala-lumpur"),
          Mention(1, 0, 0, "Indonesia", 84, 93, "Country", "country:ID"),
          Mention(1, 2, 2, "Malaysia", 98, 106, "Country", "country:MY"),
          Mention(1, 5, 5, "ASEAN", 120, 125, "Organization", "org:asean")]
    f1 = [
        _fact("a1.txt", s1a, "holdsRole", "person:joko-widodo", "country:ID", role="President", confidence=0.9),
        _fact("a1.txt", s1a, "holdsRole", "person:anwar-ibrahim", "country:MY", role="Prime Minister",
              confidence=0.9),
        _fact("a1.txt", s1a, "meets", "person:joko-widodo", "person:anwar-ibrahim", date=dt.date(2024, 1, 8),
              place="city:bogor", confidence=0.8, rule="meets:bertemu"),
        _fact("a1.txt", s1b, "cooperatesOn", "country:ID", "country:MY", role="energy", sentence=1,
              confidence=0.7),
        _fact("a1.txt", s1b, "cooperatesOn", "country:ID", "country:MY", role="trade", sentence=1,
              confidence=0.7),
    ]
    f2 = [
        _fact("a2.txt", s2a, "holdsRole", "person:retno-marsudi", "country:ID", role="Foreign Minister",
              confidence=0.6),
        _fact("a2.txt", s2a, "signs", "person:retno-marsudi", "agreement:a2-nota-kesepahaman",
              place="city:kuala-lumpur", confidence=0.8),
        _fact("a2.txt", s2b, "memberOf", "country:ID", "org:asean", sentence=1, confidence=0.8),
        _fact("a2.txt", s2b, "memberOf", "country:MY", "org:asean", sentence=1, confidence=0.8),
        _fact("a2.txt", s2b, "cooperatesOn", "country:MY", "country:ID", role="trade", sentence=1,
              confidence=0.5),
    ]
    return Extraction([ArticleResult(art1, [], m1, f1), ArticleResult(art2, [], m2, f2)], dict(ENTITIES))
