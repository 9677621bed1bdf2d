"""Guessing the encoding of short Japanese, Korean and Chinese texts: the decoding with fewer rare
characters wins, so Shift-JIS is not read as Korean (CP949) nor Korean as anything else."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.ingest.textfile import decode, rare_share

JAPANESE = [
    "裁判所は被告に懲役三年の判決を言い渡した。",
    "NHKによると、外務省は声明を出し、遺憾の意を表明した。",
    "記者会見で大臣が述べた。詳細は明らかにしていない。",
    "関係者の話では、会談は来月に延期される見通しだ。",
    "今日は天気がいいので散歩に行きました。",
]
KOREAN = [
    "정부는 다음 주 서울에서 협상을 재개한다고 발표했다.",
    "대통령은 어제 국회에서 새 예산안을 설명했다.",
    "관계자는 회담이 다음 달로 연기될 것이라고 말했다.",
    "한국은행은 기준금리를 동결하기로 결정했다.",
]
CHINESE = ["政府表示，将于下周在北京恢复谈判。发言人在记者会上说明了情况。", "警方称，事故发生在上午八点左右，造成两人受伤。"]
TRADITIONAL = ["政府表示，將於下週在台北恢復談判。發言人在記者會上說明了情況。", "警方稱，事故發生在上午八點左右，造成兩人受傷。"]


def _cases(texts: list[str], *encodings: str) -> list:
    return [pytest.param(text, encoding, id=f"{encoding}-{n}") for encoding in encodings for n, text in enumerate(texts)]


@pytest.mark.parametrize(("text", "encoding"), [
    *_cases(JAPANESE, "shift_jis", "euc-jp"),
    *_cases(KOREAN, "cp949", "euc-kr"),
    *_cases(CHINESE, "gbk"),
    *_cases(TRADITIONAL, "big5"),
])
def test_a_short_cjk_text_is_read_in_its_own_encoding(text: str, encoding: str) -> None:
    decoded = decode(Path("x.txt"), text.encode(encoding))
    assert decoded.text == text
    assert decoded.guessed  # and the import says so, asking to check the text


def test_korean_with_a_syllable_outside_ks_x_1001_is_still_korean() -> None:
    text = "그는 똠방각하라는 소설을 읽었다고 기자들에게 말했다. 정부는 다음 주 서울에서 협상을 재개한다."
    assert decode(Path("x.txt"), text.encode("cp949")).text == text


def test_shift_jis_read_as_cp949_is_mostly_rare_characters() -> None:
    data = JAPANESE[0].encode("shift_jis")
    assert rare_share(data.decode("cp949")) > 0.5
    assert rare_share(data.decode("cp932")) == 0.0


@pytest.mark.parametrize("text", [*KOREAN, *JAPANESE, *CHINESE, "Señor López, “quoted” — done.", ""],
                         ids=lambda text: text[:6])
def test_ordinary_prose_has_no_rare_characters(text: str) -> None:
    assert rare_share(text) == 0.0


@pytest.mark.parametrize("text", ["\ufffd\ufffd", "\ue000\ue001 x", "ｱｲｳｴｵ", "ㅗㅟㅛ", "\U00020000\u3400", "┌─┐"],
                         ids=["replacement", "private-use", "halfwidth-kana", "jamo", "extension-b", "box"])
def test_replacements_private_use_halfwidth_kana_loose_jamo_rare_ideographs_and_boxes_are_rare(text: str) -> None:
    assert rare_share(text) > 0.3
