"""Text cut to a length (``evkin.shorten``) is read by people: a finding's recommendation
text, a new evaluation's comment, a report's summary on the province portal. It is cut at a
sentence or a whole word, never inside one, and stays within its length."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from evkin.shorten import ELLIPSIS, shortened

WORDS = st.lists(st.text(alphabet="abcdefghij.,()", min_size=1, max_size=12), min_size=1,
                 max_size=60)


@given(WORDS, st.integers(20, 300), st.booleans())
def test_a_cut_ends_at_a_sentence_or_a_whole_word(words: list[str], limit: int,
                                                  sentence: bool) -> None:
    text = " ".join(words)
    short = shortened(text, limit, sentence)
    assert len(short) <= limit
    if len(text) <= limit:
        assert short == text
        return
    if short.endswith(ELLIPSIS):
        kept = short.removesuffix(ELLIPSIS)
        assert text.startswith(kept) and text[len(kept)] in " ,;:"  # a whole word
    else:
        assert sentence and short.endswith(".") and text.startswith(short)
        assert len(short) >= limit // 2 and text[len(short)] == " "


def test_the_sentence_end_is_preferred_when_it_keeps_half() -> None:
    text = ("Kalimat pertama yang cukup panjang untuk separuh batas. Kalimat kedua terpotong "
            "di sini.")
    assert shortened(text, 70, sentence=True) == ("Kalimat pertama yang cukup panjang untuk "
                                                  "separuh batas.")
    assert shortened(text, 70) == ("Kalimat pertama yang cukup panjang untuk separuh batas. "
                                   "Kalimat kedua…")


def test_a_recommendation_is_cut_at_a_word() -> None:
    text = "Memperkuat pemantauan rencana aksi setiap bulan agar deviasi terdeteksi lebih awal"
    assert shortened(text, 80) == ("Memperkuat pemantauan rencana aksi setiap bulan agar "
                                   "deviasi terdeteksi lebih…")
