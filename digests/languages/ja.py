"""Japanese: only the page furniture a digest must leave out. It is written without spaces
between words, which the engine counts and compares by characters (`digests.cleanup`,
`digests.lemmas`); sentences end with "。"."""

from digests.languages import Language

LANGUAGE = Language(
    code="ja",
    # Whole lines: a news site's controls ("save the article", "register", "log in", "share",
    # "related articles"), perhaps after a full-width arrow.
    furniture=(
        r"(＞\s*)?(新規会員登録|会員登録|ログイン|記事保存|記事を保存|evernote保存|シェア|印刷"
        r"|ツイート|続きを読む|もっと見る|関連記事|関連ニュース)[。！]?",
    ),
    # A paywall's notices: "only paid members can use this", "this article is for members
    # only", "register for the digital edition to read on".
    furniture_anywhere=(
        "有料会員の方のみ",
        "有料会員限定",
        "会員限定です",
        "続きをお読みいただけます",
        "続きを読むには",
        "ログインすると",
        "会員登録が必要です",
    ),
)
