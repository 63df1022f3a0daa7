"""Chinese and Japanese, written without spaces between words: their words are read as pairs of
characters, their sentences end at full-width stops, and a dump of them is split into articles."""

from __future__ import annotations

from corpuscut import digest, split
from corpuscut.summarizer.sentences import split_sentences
from corpuscut.text.words import WordNormalizer

JAPANESE = (
    "東京で桜が満開に\n"
    "気象庁は二十五日、東京の桜が満開になったと発表しました。平年より五日早く、去年と比べても三日早い満開です。\n"
    "上野公園では朝早くから多くの花見客が訪れ、写真を撮ったり、お弁当を食べたりして春の一日を楽しんでいました。\n"
    "公園の管理事務所によると、週末はさらに混雑が予想されるため、公共交通機関の利用を呼びかけています。\n"
    "新しい高速鉄道が開業\n"
    "大阪と福岡を結ぶ新しい高速鉄道が、きょう開業しました。これまで三時間かかっていた移動が、二時間あまりに短縮されます。\n"
    "始発列車には鉄道ファンや地元の人たちが大勢乗り込み、駅では記念式典が開かれました！\n"
    "鉄道会社は、観光客の増加によって沿線の地域経済が活性化することを期待しています。\n"
)
CHINESE = "今年第九号台风星期一晚上在东南沿海登陆。当地政府提前转移了三万多名居民！气象部门表示，台风将继续移动？"


def test_a_run_of_chinese_or_japanese_is_read_as_pairs_of_characters():
    stems = WordNormalizer("english").stems("台风登陆 GDP增长")
    assert stems == ["台风", "风登", "登陆", "gdp", "增长"]
    assert WordNormalizer("english").stems("雨") == ["雨"]  # one character alone is a word


def test_chinese_and_japanese_sentences_end_at_full_width_stops():
    assert [s.text for s in split_sentences(CHINESE)] == [
        "今年第九号台风星期一晚上在东南沿海登陆。", "当地政府提前转移了三万多名居民！", "气象部门表示，台风将继续移动？"]
    line = JAPANESE.splitlines()[1]
    assert [s.text for s in split_sentences(line)] == ["気象庁は二十五日、東京の桜が満開になったと発表しました。",
                                                       "平年より五日早く、去年と比べても三日早い満開です。"]


def test_a_japanese_dump_is_split_at_its_headlines_and_summarized_by_sentences():
    articles = split(JAPANESE)
    assert [a.title for a in articles] == ["東京で桜が満開に", "新しい高速鉄道が開業"]
    assert {a.language for a in articles} == {"japanese"}
    assert "".join(a.text for a in articles) == JAPANESE
    for _, summary in digest(JAPANESE):
        assert summary.sentences and all(s.text.endswith(("。", "！")) for s in summary.sentences)


def test_each_chinese_or_japanese_character_counts_as_a_word():
    articles = split(JAPANESE)
    first = JAPANESE.split("新しい")[0]
    expected = sum(1 for ch in first if ch.isalnum() and not ch.isascii())
    assert articles[0].words == expected  # kanji and kana alike; 、 and 。 are no words
    assert split("Markets rose 2% on Monday, 北京 said.\n")[0].words == 8  # 北 and 京 one each


def test_a_headline_with_no_stop_is_left_out_of_a_summary_whose_sentences_end_in_full_width_stops():
    text = ("上海举办国际进口博览会\n\n"
            "本报上海电 第七届中国国际进口博览会在上海开幕，来自150多个国家和地区的企业参展，展览面积达36万平方米。\n\n"
            "博览会期间还将举办多场论坛和配套活动，吸引大量专业观众前来参观。\n")
    [(_, summary)] = digest(text)
    assert summary.sentences and "上海举办国际进口博览会" not in [s.text for s in summary.sentences]


def test_a_chinese_summarys_sentences_are_joined_without_spaces():
    [(_, summary)] = digest(CHINESE * 3)
    assert len(summary.sentences) > 1 and " " not in summary.text
    assert summary.text == "".join(s.text for s in summary.sentences)


def test_chinese_and_japanese_inputs_get_no_warning_of_a_missing_stemmer(run, tmp_path):
    path = tmp_path / "ja.txt"
    path.write_text(JAPANESE, encoding="utf-8")
    result = run(["split", "-f", "jsonl", str(path)])
    assert result.exit_code == 0 and "stemmer" not in result.err_text
