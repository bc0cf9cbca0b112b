"""Entity keys on hand-written parses: the gazetteer's states and capitals are one entity each across
articles, with their identifiers; people are keyed by their slug."""

from __future__ import annotations

from parses import article, run, tokens


def test_a_state_in_two_articles_is_one_entity_and_a_capital_stands_for_its_state():
    result = run(
        article(tokens("Republik/PROPN/3/nsubj/B-LOC Kenya/PROPN/1/flat/E-LOC menyambut/VERB/0/root "
                       "delegasi/NOUN/3/obj Peru/PROPN/4/nmod/S-LOC di/ADP/7/case Nairobi/PROPN/3/obl/S-LOC "
                       "./PUNCT/3/punct"), article_id="a"),
        article(tokens("Kenya/PROPN/2/nsubj/S-LOC mendukung/VERB/0/root Peru/PROPN/2/obj/S-LOC ./PUNCT/2/punct"),
                article_id="b"))
    kenya = result.entities["country:KE"]
    assert (kenya.name, kenya.type, kenya.iso, kenya.wikidata) == ("Kenya", "Country", "KE", "Q114")
    assert not any(k.startswith(("org:", "city:")) and "kenya" in k for k in result.entities)
    nairobi = result.entities["city:nairobi"]
    assert nairobi.type == "City" and nairobi.stands_for == "country:KE"
    by_article = {r.article.id: {m.entity for m in r.mentions} for r in result.articles}
    assert by_article == {"a": {"country:KE", "country:PE", "city:nairobi"}, "b": {"country:KE", "country:PE"}}
    assert [(f.predicate, f.subject, f.object) for f in result.articles[1].facts] == [
        ("supports", "country:KE", "country:PE")]


def test_a_person_is_keyed_by_the_slug_of_the_full_name():
    result = run(article(
        tokens("Dewi/PROPN/3/nsubj/B-PER Lestari-Otieno/PROPN/1/flat/E-PER tiba/VERB/0/root ./PUNCT/3/punct"),
        tokens("Lestari-Otieno/PROPN/2/nsubj/S-PER tersenyum/VERB/0/root ./PUNCT/2/punct")))
    people = {m.entity for r in result.articles for m in r.mentions if m.type == "Person"}
    assert people == {"person:dewi-lestari-otieno"}
