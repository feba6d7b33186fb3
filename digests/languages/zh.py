"""Chinese: only the page furniture a digest must leave out. It is written without spaces
between words, which the engine counts and compares by characters (`digests.cleanup`,
`digests.lemmas`); sentences end with "。", "！" or "？"."""

from digests.languages import Language

LANGUAGE = Language(
    code="zh",
    # A news portal's notices: the copyright line ("all rights reserved … no reproduction
    # without authorisation"), the editor in charge, "share to …", recommended videos,
    # related reading.
    furniture_anywhere=(
        "版权所有",
        "独家所有",
        "未经授权",
        "不得转载",
        "责任编辑",
        "转播到",
        "分享到",
        "视频推荐",
        "相关阅读",
        "扫一扫",
    ),
)
