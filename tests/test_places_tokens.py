"""The matcher's tokens: the words a name may start at with their sentences, the lists of roots the reading
carries to "oblasts", and the bounded store of shared tokens."""

from __future__ import annotations

from kyivind.places import matcher


def test_capital_words_are_given_with_their_sentence():
    tokens, capitals = matcher._tokens('Kharkiv was hit. Then Sumy! "And" St. Petersburg, Kyiv-based media')
    assert [(tokens[i].text, sentence) for i, sentence in capitals] == [
        ("Kharkiv", 0), ("Then", 1), ("Sumy", 1), ("And", 2), ("Saint", 3), ("Petersburg", 3), ("Kyiv", 3)]


def test_sentences_of_mentions_follow_the_paragraph():
    found = matcher._scan(*matcher._tokens("Sumy was hit. Odesa was hit too. In Kherson, power is out."), 1,
                          matcher.gazetteer())
    assert [(m.candidates[0].place.name, m.sentence) for m in found] == [("Sumy", 0), ("Odesa", 1), ("Kherson", 2)]


def test_a_list_of_roots_is_read_to_its_oblasts_and_no_further():
    listed = matcher.match(None, "Strikes hit Chernihiv, Luhansk, and Sumy oblasts.")
    assert sorted(p.name for p in listed.places) == ["Chernihiv Oblast", "Luhansk Oblast", "Sumy Oblast"]
    broken = matcher.match(None, "Strikes hit Chernihiv, then Luhansk and Sumy oblasts.")
    assert sorted(p.name for p in broken.places) == ["Chernihiv", "Luhansk Oblast", "Sumy Oblast"]


def test_the_shared_tokens_are_bounded_and_the_same_as_made(monkeypatch):
    monkeypatch.setattr(matcher, "_KEPT", 8)
    monkeypatch.setattr(matcher, "_INSIDE", {})
    monkeypatch.setattr(matcher, "_AT_START", {})
    words = [f"Word{chr(97 + n % 26)}{chr(97 + n // 26)}" for n in range(60)]
    text = "Start " + " ".join(words) + ". " + " ".join(words)
    tokens, _ = matcher._tokens(text)
    assert len(matcher._INSIDE) <= 8 and len(matcher._AT_START) <= 8
    assert tokens == [matcher._make(piece, n == 0 or piece == words[0] and tokens[n - 1].text == ".")
                      for n, piece in enumerate(matcher._TOKENS.findall(text))]
    again, _ = matcher._tokens(text)  # from the store where kept: the same tokens
    assert again == tokens
