"""The synthetic people of the benchmark's corpus: names that collide the way real ones do.

A list of Chinese fugitives is hard to search because names repeat. Family names are drawn with
weights close to their share of China's population (WANG, LI and ZHANG alone are a fifth of the
Chinese names here), given names from a list of common ones with their own weights, so that some
people share a full name (王伟, 李静) and many share a given name. Pinyin collides across
characters as it does in life: 李明 and 黎明 are both LI Ming, 张静 and 章静 both ZHANG Jing,
于 and 余 are both Yú even with tones. A few family names are read differently as names than as
words (曾 is Zēng as a family name, céng in 曾经). Some people have an English alias with the
Cantonese spelling of their family name (David Wong, which is 王 or 黄) or a former Chinese name.
Russian and Latin-script names are mixed in.

Every name carries its pinyin with tone marks, written here by hand rather than computed, so that
the search suite can type the tones a reader would and check the site's own reading of them.
All the names are common ones; the people are invented.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass

# (family name, pinyin with tones, weight (about its share per mille), Cantonese spelling)
FAMILY = [
    ("王", "Wáng", 71, "Wong"), ("李", "Lǐ", 70, "Lee"), ("张", "Zhāng", 62, "Cheung"),
    ("刘", "Liú", 54, "Lau"), ("陈", "Chén", 45, "Chan"), ("杨", "Yáng", 31, "Yeung"),
    ("黄", "Huáng", 22, "Wong"), ("赵", "Zhào", 20, "Chiu"), ("吴", "Wú", 20, "Ng"),
    ("周", "Zhōu", 19, "Chow"), ("徐", "Xú", 15, "Tsui"), ("孙", "Sūn", 14, "Suen"),
    ("马", "Mǎ", 12, "Ma"), ("朱", "Zhū", 12, "Chu"), ("胡", "Hú", 11, "Wu"),
    ("郭", "Guō", 11, "Kwok"), ("何", "Hé", 11, "Ho"), ("林", "Lín", 10, "Lam"),
    ("高", "Gāo", 10, "Ko"), ("罗", "Luó", 9, "Law"), ("郑", "Zhèng", 9, "Cheng"),
    ("梁", "Liáng", 8, "Leung"), ("谢", "Xiè", 7, "Tse"), ("宋", "Sòng", 7, "Sung"),
    ("唐", "Táng", 7, "Tong"), ("许", "Xǔ", 7, "Hui"), ("韩", "Hán", 6, "Hon"),
    ("邓", "Dèng", 6, "Tang"), ("冯", "Féng", 6, "Fung"), ("曹", "Cáo", 6, "Tso"),
    ("彭", "Péng", 6, "Pang"), ("曾", "Zēng", 5, "Tsang"), ("肖", "Xiāo", 5, "Siu"),
    ("田", "Tián", 5, "Tin"), ("董", "Dǒng", 5, "Tung"), ("潘", "Pān", 4, "Poon"),
    ("袁", "Yuán", 4, "Yuen"), ("蔡", "Cài", 4, "Choi"), ("蒋", "Jiǎng", 4, "Cheung"),
    ("余", "Yú", 4, "Yu"), ("于", "Yú", 4, "Yu"), ("杜", "Dù", 4, "To"),
    ("叶", "Yè", 4, "Yip"), ("程", "Chéng", 4, "Ching"), ("魏", "Wèi", 3, "Ngai"),
    ("苏", "Sū", 3, "So"), ("丁", "Dīng", 3, "Ting"), ("沈", "Shěn", 3, "Shum"),
    ("任", "Rén", 3, "Yam"), ("姚", "Yáo", 3, "Yiu"), ("卢", "Lú", 3, "Lo"),
    ("傅", "Fù", 3, "Foo"), ("钟", "Zhōng", 3, "Chung"), ("姜", "Jiāng", 3, "Keung"),
    ("汪", "Wāng", 3, "Wong"), ("黎", "Lí", 2, "Lai"), ("贺", "Hè", 2, "Ho"),
    ("武", "Wǔ", 2, "Mo"), ("章", "Zhāng", 2, "Cheung"), ("付", "Fù", 2, "Fu"),
    ("欧阳", "Ōuyáng", 1, "Au-Yeung"),
]  # fmt: skip
# (given name, pinyin with tones, weight, "m", "f" or "" for either)
GIVEN = [
    ("伟", "Wěi", 30, "m"), ("静", "Jìng", 20, "f"), ("敏", "Mǐn", 18, ""), ("磊", "Lěi", 15, "m"),
    ("军", "Jūn", 15, "m"), ("勇", "Yǒng", 15, "m"), ("杰", "Jié", 14, "m"),
    ("强", "Qiáng", 14, "m"), ("芳", "Fāng", 12, "f"), ("涛", "Tāo", 12, "m"),
    ("艳", "Yàn", 12, "f"), ("娟", "Juān", 10, "f"), ("超", "Chāo", 10, "m"),
    ("明", "Míng", 10, "m"), ("刚", "Gāng", 10, "m"), ("平", "Píng", 10, ""),
    ("辉", "Huī", 10, "m"), ("鹏", "Péng", 9, "m"), ("华", "Huá", 9, ""), ("丽", "Lì", 8, "f"),
    ("飞", "Fēi", 8, "m"), ("鑫", "Xīn", 8, "m"), ("波", "Bō", 8, "m"), ("斌", "Bīn", 8, "m"),
    ("燕", "Yàn", 7, "f"), ("霞", "Xiá", 7, "f"), ("宇", "Yǔ", 7, "m"), ("浩", "Hào", 7, "m"),
    ("凯", "Kǎi", 7, "m"), ("健", "Jiàn", 7, "m"), ("俊", "Jùn", 7, "m"), ("玲", "Líng", 6, "f"),
    ("丹", "Dān", 6, "f"), ("萍", "Píng", 6, "f"), ("莉", "Lì", 6, "f"), ("红", "Hóng", 6, "f"),
    ("帆", "Fān", 6, "m"), ("旭", "Xù", 6, "m"), ("宁", "Níng", 6, ""), ("龙", "Lóng", 6, "m"),
    ("洋", "Yáng", 6, ""), ("林", "Lín", 5, ""), ("婷", "Tíng", 5, "f"), ("慧", "Huì", 5, "f"),
    ("英", "Yīng", 4, "f"), ("峰", "Fēng", 4, "m"), ("亮", "Liàng", 4, "m"), ("雪", "Xuě", 3, "f"),
    ("梅", "Méi", 3, "f"), ("晶", "Jīng", 3, "f"), ("玮", "Wěi", 3, "m"), ("铭", "Míng", 3, "m"),
    ("宏", "Hóng", 3, "m"), ("立", "Lì", 3, "m"), ("惠", "Huì", 2, "f"), ("毅", "Yì", 2, "m"),
    ("秀英", "Xiùyīng", 8, "f"), ("桂英", "Guìyīng", 6, "f"), ("秀兰", "Xiùlán", 6, "f"),
    ("玉兰", "Yùlán", 5, "f"), ("桂兰", "Guìlán", 4, "f"), ("建华", "Jiànhuá", 5, "m"),
    ("建国", "Jiànguó", 5, "m"), ("建军", "Jiànjūn", 5, "m"), ("志强", "Zhìqiáng", 5, "m"),
    ("国强", "Guóqiáng", 4, "m"), ("志明", "Zhìmíng", 4, "m"), ("海燕", "Hǎiyàn", 4, "f"),
    ("晓明", "Xiǎomíng", 3, "m"), ("晓东", "Xiǎodōng", 3, "m"), ("小红", "Xiǎohóng", 3, "f"),
    ("文杰", "Wénjié", 3, "m"), ("俊杰", "Jùnjié", 3, "m"), ("志伟", "Zhìwěi", 3, "m"),
    ("春梅", "Chūnméi", 3, "f"), ("丽华", "Lìhuá", 3, "f"), ("红梅", "Hóngméi", 3, "f"),
    ("国华", "Guóhuá", 3, "m"), ("雪梅", "Xuěméi", 2, "f"), ("志刚", "Zhìgāng", 2, "m"),
    ("卫东", "Wèidōng", 2, "m"), ("卫国", "Wèiguó", 2, "m"), ("振华", "Zhènhuá", 2, "m"),
    ("金龙", "Jīnlóng", 2, "m"), ("宏伟", "Hóngwěi", 2, "m"), ("立新", "Lìxīn", 2, "m"),
    ("文华", "Wénhuá", 2, ""), ("玉梅", "Yùméi", 2, "f"), ("淑珍", "Shūzhēn", 2, "f"),
    ("凤英", "Fèngyīng", 2, "f"), ("建平", "Jiànpíng", 2, "m"), ("建明", "Jiànmíng", 2, "m"),
    ("海涛", "Hǎitāo", 2, "m"), ("海波", "Hǎibō", 2, "m"), ("子豪", "Zǐháo", 2, "m"),
    ("家豪", "Jiāháo", 2, "m"), ("德明", "Démíng", 2, "m"), ("明辉", "Mínghuī", 1, "m"),
    ("铭辉", "Mínghuī", 1, "m"), ("新华", "Xīnhuá", 1, ""), ("利民", "Lìmín", 1, "m"),
    ("国庆", "Guóqìng", 1, "m"), ("伟民", "Wěimín", 1, "m"), ("永红", "Yǒnghóng", 1, "f"),
    ("云飞", "Yúnfēi", 1, "m"), ("思远", "Sīyuǎn", 1, "m"), ("浩然", "Hàorán", 1, "m"),
    ("一鸣", "Yīmíng", 1, "m"), ("嘉欣", "Jiāxīn", 1, "f"), ("雨涵", "Yǔhán", 1, "f"),
    ("欣怡", "Xīnyí", 1, "f"), ("婉婷", "Wǎntíng", 1, "f"), ("博文", "Bówén", 1, "m"),
]  # fmt: skip
ENGLISH = {
    "m": ["David", "Michael", "Peter", "Tony", "Kevin", "Vincent", "Raymond", "Eric", "Jason",
          "Henry", "Simon", "Alan", "Patrick", "Stanley", "Kenneth", "Frank"],
    "f": ["Helen", "Jenny", "Grace", "Lily", "Alice", "Cindy", "Amy", "Mary", "Vivian", "Irene",
          "Joyce", "Sandy", "Wendy", "Karen"],
}  # fmt: skip
# (family name, its feminine form, both in Latin and Cyrillic)
RUSSIAN_FAMILY = [
    ("IVANOV", "Иванов"), ("SMIRNOV", "Смирнов"), ("KUZNETSOV", "Кузнецов"), ("POPOV", "Попов"),
    ("SOKOLOV", "Соколов"), ("LEBEDEV", "Лебедев"), ("KOZLOV", "Козлов"), ("NOVIKOV", "Новиков"),
]  # fmt: skip
RUSSIAN_GIVEN = {
    "m": [("Pavel", "Павел"), ("Oleg", "Олег"), ("Sergei", "Сергей"), ("Dmitry", "Дмитрий"),
          ("Andrei", "Андрей"), ("Alexei", "Алексей")],
    "f": [("Irina", "Ирина"), ("Anna", "Анна"), ("Olga", "Ольга"), ("Elena", "Елена"),
          ("Natalia", "Наталья")],
}  # fmt: skip
WESTERN_FAMILY = ["MORGAN", "FALK", "OKAFOR", "SILVA", "BRANDT", "NOVAK", "HARTMANN", "DUBOIS"]
WESTERN_GIVEN = {
    "m": ["Henrik", "Daniel", "Jonas", "Lucas", "Pieter", "Tomas"],
    "f": ["Elise", "Marta", "Sofia", "Clara", "Ingrid"],
}


@dataclass(frozen=True)
class Person:
    """One synthetic person. For a Chinese name, `family` and `given` are its two parts in
    Chinese characters and `toned` its pinyin with tone marks ("Wáng Jiànguó"); else empty."""

    latin: str
    native: str | None
    sex: str  # "male" or "female"
    aliases: tuple[str, ...] = ()
    family: str = ""
    given: str = ""
    toned: str = ""


def toneless(pinyin: str) -> str:
    """Pinyin without its tone marks: Wáng -> Wang."""
    decomposed = unicodedata.normalize("NFD", pinyin)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _chinese(rng: random.Random, sex: str) -> Person:
    family, family_toned, _, cantonese = rng.choices(FAMILY, [f[2] for f in FAMILY])[0]
    choices = [g for g in GIVEN if g[3] in ("", sex)]
    given, given_toned, _, _ = rng.choices(choices, [g[2] for g in choices])[0]
    aliases: tuple[str, ...] = ()
    kind = rng.random()
    if kind < 0.15:  # an English name with the Cantonese spelling of the family name
        aliases = (f"{rng.choice(ENGLISH[sex])} {cantonese}",)
    elif kind < 0.2:  # a former Chinese name
        former = rng.choice([g for g in choices if g[0] != given])
        aliases = (family + former[0],)
    return Person(
        latin=f"{toneless(family_toned).upper()} {toneless(given_toned)}",
        native=family + given,
        sex="male" if sex == "m" else "female",
        aliases=aliases,
        family=family,
        given=given,
        toned=f"{family_toned} {given_toned}",
    )


def person(rng: random.Random) -> Person:
    """A person drawn from rng: a Chinese name in nine cases out of ten, the rest Russian (in
    both scripts) or written in Latin letters only."""
    sex = rng.choice("mmf")
    kind = rng.random()
    if kind < 0.88:
        return _chinese(rng, sex)
    full = "male" if sex == "m" else "female"
    if kind < 0.94:
        family, cyrillic = rng.choice(RUSSIAN_FAMILY)
        given, given_cyrillic = rng.choice(RUSSIAN_GIVEN[sex])
        if sex == "f":
            family, cyrillic = family + "A", cyrillic + "а"
        return Person(f"{family} {given}", f"{cyrillic} {given_cyrillic}", full)
    return Person(f"{rng.choice(WESTERN_FAMILY)} {rng.choice(WESTERN_GIVEN[sex])}", None, full)
