"""Word lists of Chinese government records: stop words, question words, how names are written."""
from __future__ import annotations

import re

# BM25: dropped from documents and queries. Changing them changes an index's tokens: rebuild.
BM25_STOP = frozenset(
    "的 了 在 是 和 与 及 对 为 等 并 将 把 被 于 以 也 而 之 其 这 那 有 个 上 下 中 要 "
    "什么 哪些 哪个 哪 谁 何 吗 呢 怎么 如何 多少 几 是否 提出 进行 工作 the a an of to in on "
    "and or for is are was were what which who whom when did do does how about with by "
    "at as from that this it be".split())

# Question words and function words removed before scoring sentences against a question:
# they occur in questions, not in the records. Longest first, so 是什么 goes before 什么.
QUESTION_WORDS_ZH = tuple(sorted("""
是什么 为什么 什么样 有什么 做了什么 干了什么 哪些 哪个 哪里 哪儿 哪年 哪天 什么 怎么样 怎样 怎么
如何 多少 几个 几次 何时 何地 是否 有没有 是不是 请问 请 介绍 一下 告诉 吗 呢 吧 啊 了 的
对于 对 关于 提出 提到 要求 情况 方面 内容 主要 具体 有关 相关 哪 谁 是 有 在 和 与 及 都 又 还 那 那么
""".split(), key=len, reverse=True))

QUESTION_STOP_EN = frozenset("""
what which who whom whose when where why how did does do done is are was were be been being the a an
of to in on at for by with about from into and or that this these those it its his her their there
any some tell me please say said give list describe explain regarding concerning as
""".split())

# English words a general dictionary must not bridge (rag.retrieve.dictionary): function
# words, modals, quantifiers, degree and time adverbs and light verbs carry no topic, and a
# dictionary gives them some sense the records use for something else (many -> 许多, under ->
# 之下, have -> 具备); the records' own generic words, left out of the glossary for the same
# reason ("work" -> 工作/劳动, "city"), and the words a question frames itself with (year, date,
# actually) would match every passage or a wrong one.
DICTIONARY_STOP_EN = frozenset("""
many much more most less least few fewer several each every all both either neither other another
such same own only also just even still already yet again ever never always often very quite
rather too enough almost nearly about above below under over within without between among after
before during since until upon onto across along around through throughout against toward towards
should would could must might shall will can may need ought have has had having make makes made
making take takes took taken taking get gets got give gives gave given keep keeps kept put puts
come comes came goes went gone done doing being become became seem seems like well back then than
once here there where while whether though although because however therefore thus hence
actually basically really mainly mostly generally specifically respectively particularly
especially finally currently recently previously first second third last next new old long large
small high higher low lower big great good best better main total whole part parts
work works worked working city cities year years date dates time times day days month months
government governments district districts county counties province provinces town towns unit units
level levels report reports state country national local people thing things way ways number
""".split())

# Characters that follow a name in these texts (verbs, particles); a 3-character candidate
# ending in one of them is really a 2-character name.
AFTER_NAME = frozenset("调主出到在参带陪会听率一对和等就先指表要说同与及赴视走慰深实检考作讲致宣接看前代为是也现向已的召")
# Common Chinese surnames: a candidate name must start with one ("议事", "专题" do not).
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛"
    "郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰"
    "焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁"
    "蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂"
    "全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝毋楚艾郜"
    "习栗赖洪鞠揭")
# Chronicle phrasing that lists people without their titles: "区领导王某、李某", "陪同：…".
NAME_LIST = re.compile(r"(?:领导|陪同|出席|参加)[：:]?((?:[\u4e00-\u9fff]{2,3}、){1,}[\u4e00-\u9fff]{2,3})")
