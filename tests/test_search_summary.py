"""The short summary of a report (``search.summary``) is read by people on the province portal
and in the copy opened from a folder: it is cut at a sentence or a whole word, never inside one."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from evkin.site.search import _shortened

WORDS = st.lists(st.text(alphabet="abcdefghij.,()", min_size=1, max_size=12), min_size=1,
                 max_size=60)


@given(WORDS, st.integers(20, 300))
def test_a_summary_ends_at_a_sentence_or_a_whole_word(words: list[str], limit: int) -> None:
    text = " ".join(words)
    short = _shortened(text, limit)
    if len(text) <= limit:
        assert short == text
        return
    if short.endswith(" …"):
        kept = short.removesuffix(" …")
        assert len(kept) <= limit
        assert text.startswith(kept) and text[len(kept)] in " ,;:"  # a whole word
    else:
        assert short.endswith(".") and text.startswith(short) and len(short) <= limit + 1
        assert len(short) >= limit // 2 and text[len(short)] == " "


def test_the_sentence_end_is_preferred_when_it_keeps_half() -> None:
    text = ("Kalimat pertama yang cukup panjang untuk separuh batas. Kalimat kedua terpotong "
            "di sini.")
    assert _shortened(text, 70) == "Kalimat pertama yang cukup panjang untuk separuh batas."
    assert _shortened("Satu. " + "kata " * 30, 60).endswith(" …")
