"""Person names: normalising, parsing, spelling-variant keys and the compatibility check.

A written name ("Dr. Kourosh Ahmadi's", "KUROSH AHMADI", "Ahmadi") is parsed into
given names and a surname, with titles, honorifics, possessives, diacritics and
case removed. Two comparisons are built on that:

* :func:`token_key` -- a coarse key for blocking: the spelling folded as in
  :func:`fold` (transliteration variants made equal), then with its vowels
  dropped (a vowel at the start is kept as one marker), so that Kourosh/Kurosh,
  Mohammad/Muhammad/Mohammed and Hossein/Hussein/Husain share a key.
* :func:`same_token` -- the precise check that decides: equal folded forms or
  one group of :data:`NAME_VARIANTS`. Keys are only ever used to find
  candidates; names are joined only when this check says so.
* :func:`slavic_key` -- East Slavic names written from Belarusian, Ukrainian
  or Russian by different systems ("Aliaksei Parkhomchyk", "Alexei
  Parkhomchik"): the consonants left once the letters those systems write
  differently are made equal, with a mark for a woman's surname form
  ("Babrova" is not "Babrou"). Used only for surnames of East Slavic form
  and the given names written with them.

Given names of clearly different gender are never one name (Simon and Simone,
Ali and Alia, Daniel and Danielle): the gazetteer's share of men bearing each
decides (:func:`casewatch.gazetteer.genders_differ`).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .. import gazetteer

_TITLE_WORDS = """
mr mrs ms miss mx dr doctor prof professor sir dame lord lady madam
president vice sen senator rep representative congressman congresswoman gov governor mayor
prime minister premier chancellor secretary ambassador speaker chairman chairwoman minister
judge justice chief attorney general prosecutor
gen col colonel maj major capt captain lt lieutenant sgt sergeant cpl corporal pvt private
officer detective inspector sheriff agent deputy commander brigadier admiral marshal
rev reverend father pope cardinal bishop archbishop rabbi imam sheikh shaykh mullah
ayatollah grand hojatoleslam hojjatoleslam hojatolislam hujjat al-islam
haj hajj haji hajji seyed seyyed sayed sayyed sayyid syed
king queen prince princess duke duchess emir crown
state foreign defense defence interior
"""
TITLES = frozenset(_TITLE_WORDS.split())
"""Titles and honorifics dropped from the front of a person name (compared lower case, without a trailing dot)."""

_ROLE_WORDS = """
activist lawyer journalist reporter blogger writer poet author artist filmmaker director producer
rapper singer musician actor actress comedian comic star host presenter
athlete wrestler footballer boxer player coach champion
soldier conscript protester protestor prisoner detainee dissident student teacher worker labourer laborer
cleric scholar doctor physician nurse surgeon dentist engineer businessman businesswoman
spokesman spokeswoman spokesperson official politician lawmaker mp candidate leader
mother father son daughter brother sister wife husband
former late slain jailed detained executed imprisoned veteran fellow trustee
"""
ROLE_WORDS = frozenset(_ROLE_WORDS.split())

HONORIFICS_BEFORE_ANY = frozenset({"u", "daw", "ashin", "sayadaw", "bhikkhu", "bhikkhuni", "thakin"})
"""Burmese honorifics and monastic titles written before a name of one word or more ("U Sandima",
"Daw Khin Mya Thu", "Ashin Sandima"): not part of the name."""

HONORIFICS_BEFORE_LONG = frozenset({"ko", "ma", "maung", "mg"})
"""Burmese honorifics that are also name words ("Ko Ko Lwin", "Hla Maung Oo"): dropped only before a name
of two words or more that does not repeat them ("Ko Zaw Min Htet" -> "Zaw Min Htet")."""
NAME_PREFIXES = frozenset({"nang", "sai", "naw", "saw", "nai"})
"""Gendered prefixes of Shan, Karen and Mon names and Kachin birth-order names ("Nang Hseng Noon", "Sai Htun
Lin"): part of the name as written and shown, but set aside like :data:`HONORIFICS_BEFORE_LONG` when names are
compared, since reports also write the name without them."""
"""Capitalised nouns that may stand before a name ("Rapper Toomaj ...", "Activist ..."): dropped like titles."""

ABBREVIATION_MAX = 4
"""A leading word in capitals of at most this many letters, without dots ("MP", "WR"), is a role, not a name."""

SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "esq", "phd", "md", "mba", "dds"})
"""Words dropped from the end of a person name."""

PARTICLES = frozenset({"bin", "ibn", "ben", "van", "von", "der", "den", "de", "del", "della", "da", "di", "du",
                       "la", "le", "al", "el", "abu", "bint", "ter", "ten", "st"})
"""Lower-case words that belong to the surname that follows them ("bin Laden", "van Gogh")."""

SURNAME_PARTICLES = frozenset({"lo", "la", "le", "de", "di", "da", "del", "della", "van", "von", "der", "den", "du",
                               "dos", "das", "ter", "ten"})
"""Particles that belong to the surname even when capitalised ("Lo Presti", "De Luca"); not "Al", "Abu", "Ben"."""

NICKNAME = re.compile(r"""\([^()]*\)|(?:(?<=\s)|^)['‘"“][^'‘’"“”]+['’"”](?=\s|$)""")
"""A nickname in brackets or quotes inside a name ("Omid 'Kaka' V.", "Leyla (Lili) D.")."""

ARTICLE_PREFIXES = ("al-", "el-", "ul-")
"""Arabic article prefixes joined to a surname ("al-Baghdadi"): dropped when comparing."""

POSSESSIVE = re.compile(r"['’`´][sS]?$")
"""A possessive ending: "Dalirvand's", "Dalirvand'", "Dalirvand’"."""

NAME_VARIANTS: tuple[tuple[str, ...], ...] = (
    ("mohammad", "mohammed", "muhammad", "muhammed", "mohamed", "mohamad", "mohammed", "mahomed", "muhamad"),
    ("hossein", "hussein", "husain", "hosein", "hosain", "husayn", "hossain", "houssein", "hussain"),
    ("hassan", "hasan"),
    ("alireza", "ali-reza"),
    ("mohammadreza", "mohammad-reza", "mohammedreza"),
    ("gholamreza", "gholam-reza", "qolamreza"),
    ("abdolrahman", "abdorrahman", "abdurrahman", "abdulrahman", "abd al-rahman", "abdelrahman"),
    ("abdollah", "abdullah", "abdallah", "abdolah"),
    ("ebrahim", "ibrahim", "ebrahem"),
    ("esmail", "ismail", "esmaeil", "ismael", "esmaeel"),
    ("yousef", "yusuf", "yousuf", "youssef", "yosef"),
    ("mostafa", "mustafa", "moustafa"),
    ("mahmoud", "mahmood", "mahmud"),
    ("jafar", "jaafar", "jaffar"),
    ("ghasem", "qasem", "qassem", "ghassem", "kasem"),
    ("ruhollah", "rouhollah", "rohollah"),
    ("fatemeh", "fatima", "fatemah", "fatimah"),
    ("zahra", "zahraa"),
    ("william", "bill", "billy", "will"),
    ("robert", "bob", "bobby", "rob"),
    ("richard", "dick", "rick", "richie"),
    ("james", "jim", "jimmy", "jamie"),
    ("michael", "mike", "mick"),
    ("thomas", "tom", "tommy"),
    ("edward", "eddie", "ned"),
    ("charles", "charlie", "chuck"),
    ("christopher", "chris"),
    ("daniel", "dan", "danny"),
    ("david", "dave"),
    ("joseph", "joe", "joey"),
    ("katherine", "catherine", "kathryn", "kate", "katie", "cathy"),
    ("elizabeth", "liz", "beth", "betty", "lizzie"),
    ("margaret", "maggie", "peggy"),
    ("alexander", "alex"),
    ("anthony", "tony"),
    ("nicholas", "nick"),
    ("benjamin", "ben"),
    ("samuel", "sam"),
    ("jonathan", "jon"),
    ("steven", "stephen", "steve"),
    ("jeffrey", "geoffrey", "jeff"),
    ("matthew", "matt"),
    ("andrew", "andy", "drew"),
    ("gerald", "jerry"),
    ("lawrence", "laurence", "larry"),
    ("timothy", "tim"),
    ("kenneth", "ken"),
    ("ronald", "ron"),
    ("donald", "don"),
    ("gregory", "greg"),
    ("frederick", "fred"),
    ("peter", "pete"),
    ("susan", "sue"),
    ("deborah", "debra", "debbie"),
    ("jennifer", "jenny", "jen"),
    # East Slavic given names as Belarusian, Ukrainian and Russian write them (the initial may differ)
    ("dmitry", "dmitri", "dmitriy", "dzmitry", "dzmitryi", "zmitser", "dmytro"),
    ("grigory", "grigori", "grigoriy", "ryhor", "hryhoriy", "hryhorii"),
    ("yevgeny", "evgeny", "evgeni", "yevgeni", "yauhen", "yevhen"),
    ("yevgenia", "evgenia", "yauheniya", "yevheniya"),
    ("nikolai", "nikolay", "mikalai", "mykola"),
    ("mikhail", "mikhas", "mikhal", "mykhailo"),
    ("vasily", "vasili", "vasil", "vasyl"),
    ("yelena", "elena", "alena", "alena", "olena"),
    ("olga", "volha", "olha"),
    ("ekaterina", "yekaterina", "katsiaryna", "kateryna"),
    ("tatiana", "tatyana", "tatsiana", "tetiana", "tetyana"),
    ("svetlana", "sviatlana", "svitlana"),
    ("galina", "halina", "halyna"),
    ("lyudmila", "liudmila", "liudmyla"),
    ("valentina", "valiantsina", "valentyna"),
    ("anatoly", "anatoli", "anatol", "anatoliy", "anatolii"),
)
"""Spellings and short forms of one given name. A name may sit in several groups (joseph)."""

# Transliteration alternations, applied in order to a lower-case ASCII token by fold().
_FOLDS: tuple[tuple[str, str], ...] = (
    (r"^e", "i"),            # Ebrahim/Ibrahim, Esmail/Ismail
    (r"dj", "j"),            # Djavad/Javad
    (r"gh", "q"),            # Ghasem/Qasem
    (r"ph", "f"),
    (r"ck", "k"),
    (r"w", "v"),             # Jawad/Javad
    (r"ou|oo", "u"),         # Kourosh/Kurosh/Koorosh
    (r"ee", "i"),            # Rezaee/Rezai
    (r"o", "u"),             # Hossein/Hussein, Mohammad/Muhammad
    (r"e", "a"),             # Mohammed/Mohammad, Hossein/Hossain
    (r"(?<=[aiu])y|y(?=[aiu]|$)", "i"),  # Hosseyn/Hossein, Rezayi/Rezaei
    (r"(.)\1+", r"\1"),      # doubled letters: Hassan/Hasan
    (r"h$", ""),             # final h: Fatemeh/Fatema
)
_FOLD_PATTERNS = tuple((re.compile(p), r) for p, r in _FOLDS)
_VOWELS = re.compile(r"[aeiouy]")


def strip_diacritics(text: str) -> str:
    """Text without combining marks: "Mahdavī" -> "Mahdavi"; other scripts are kept as they are."""
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFKC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def strip_possessive(word: str) -> str:
    """A word without its possessive ending: "Dalirvand’", "Dalirvand's" -> "Dalirvand"."""
    return POSSESSIVE.sub("", word) or word


def normalise_token(word: str) -> str:
    """One name word for comparison: lower case, no diacritics, possessive, dots or article prefix."""
    w = strip_diacritics(strip_possessive(word)).lower().strip(".,;:!?\"()[]{}")
    for prefix in ARTICLE_PREFIXES:
        if w.startswith(prefix) and len(w) > len(prefix) + 1:
            w = w[len(prefix):]
    return w.replace("-", "").replace("'", "").replace("’", "").replace(".", "")


def fold(token: str) -> str:
    """A normalised token with transliteration variants made equal ("kourosh" and "kurosh" -> "kurush")."""
    out = token
    for pattern, repl in _FOLD_PATTERNS:
        out = pattern.sub(repl, out)
    return out


_VARIANT_OF: dict[str, str] = {}
_INITIALS_OF: dict[str, set[str]] = {}
for _group in NAME_VARIANTS:
    for _name in _group:
        _VARIANT_OF.setdefault(fold(normalise_token(_name)), fold(normalise_token(_group[0])))
        _INITIALS_OF.setdefault(fold(normalise_token(_group[0])), set()).add(_name[0])


def canonical(token: str) -> str:
    """The folded form of a normalised token, or of its variant group's first name."""
    f = fold(token)
    return _VARIANT_OF.get(f, f)


def token_key(token: str) -> str:
    """Blocking key of a normalised token: its canonical fold without vowels ("mohammad" -> "mhmd").

    A vowel at the start becomes "_" so that Ahmad ("_hmd") and Hamid ("hmd") differ.
    Tokens in other scripts are their own key.
    """
    c = canonical(token)
    if not c.isascii():
        return c
    head = "_" if c[:1] in "aeiouy" else c[:1]
    return head + _VOWELS.sub("", c[1:])


def same_token(a: str, b: str) -> bool:
    """Whether two normalised name words are one name: equal, or spelling variants of one another."""
    return a == b or canonical(a) == canonical(b)


def same_given(a: str, b: str, slavic: bool = False) -> bool:
    """Whether two normalised given names are one name: :func:`same_token`, one diminutive spelt two ways
    (Bettie, Betty), or (``slavic``, for the given names written with East Slavic surnames) one
    :func:`slavic_key`; never two names whose bearers are clearly of different gender."""
    if a == b:
        return True
    if gazetteer.genders_differ(a, b):
        return False
    if same_token(a, b):
        return True
    if (a.endswith(_DIMINUTIVE) or b.endswith(_DIMINUTIVE)) and _diminutive(a) == _diminutive(b):
        return True
    return slavic and slavic_key(a, given=True) is not None and slavic_key(a, given=True) == slavic_key(b, given=True)


_DIMINUTIVE = ("ie", "y", "i")


def _diminutive(name: str) -> str:
    """A given name with its diminutive ending in one spelling: Bettie, Betty and Betti are one name."""
    for ending in _DIMINUTIVE:
        if name.endswith(ending) and len(name) > len(ending) + 2:
            return canonical(name[: -len(ending)] + "y")
    return canonical(name)


def same_surname(a: str, b: str) -> bool:
    """Whether two normalised surnames are one: :func:`same_token`, or one :func:`slavic_key`."""
    if same_token(a, b):
        return True
    key = slavic_key(a)
    return key is not None and key == slavic_key(b)


_SLAVIC_SURNAME = re.compile(
    r"(?:[ao]v|[aoe]va|ev|[aoe][uw]|[iy]eu|ich|ets|enk[ao]|[eo]nak|[iy]?uk|chuk|sk[iy]|ski[iy]|skaya|sk[ai]|[iy]na?|aya|"
    r"aja|[iy]k|(?:sh|ch|ts)k[ao])$")
"""Endings of East Slavic surnames (-ov, -au, -ava, -ich, -ets, -enka, -enko, -uk, -sky, -aya, -in...)."""
_SLAVIC_FEMININE_SURNAME = re.compile(r"(?:[aoe]va|[iy]na|aya|aja|skaya|ska|ova)$")
_SLAVIC_STEPS: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), r) for p, r in (
    (r"([kzcs])h", r"\1@"),  # kh, zh, ch, sh stay apart from г, which Belarusian and Ukrainian write h
    (r"x", "ks"),             # Alexander/Aliaksandr
    (r"h", "g"),              # Siarhei/Sergei, Hrynkevich/Grinkevich
    (r"@", "h"),
    (r"dz", "d"),             # Uladzimir/Vladimir
    (r"ts", "t"),             # Zmitser/Dmitry's t
    (r"^u(?=[^aeiouy])", "v"),  # Uladzimir/Vladimir
    (r"(?<=[aeo])[uw](?=[^aeiouy]|$)", "v"),  # ў: Babrou/Bobrov, Laurynenka/Lavrinenko
    (r"w", "v"),
    (r"(.)\1+", r"\1"),       # Natallia/Natalia
))
_SLAVIC_VOWELS = re.compile(r"[aeiouyj]")
SLAVIC_KEY_MIN = 3
"""A surname's :func:`slavic_key` needs this many consonants, so that short names are never joined by it."""


def slavic_key(token: str, given: bool = False) -> str | None:
    """The transliteration key of an East Slavic name: its consonants once the letters Belarusian, Ukrainian and
    Russian romanisations write differently are made equal ("zhukavets", "zhukovets" -> "zhkvt"), with "/f"
    for a woman's surname form. None for a surname of no East Slavic form, or too short to tell."""
    if not token.isascii() or not token.isalpha():
        return None
    if not given and not _SLAVIC_SURNAME.search(token):
        return None
    out = token
    for pattern, repl in _SLAVIC_STEPS:
        out = pattern.sub(repl, out)
    head = "_" if out[:1] in "aeiouyj" else ""
    skeleton = head + _SLAVIC_VOWELS.sub("", out)
    if not given and len(skeleton.strip("_")) < SLAVIC_KEY_MIN:
        return None
    if given:
        return skeleton + ("/a" if token.endswith(("a", "ia", "ya")) else "")
    return skeleton + ("/f" if _SLAVIC_FEMININE_SURNAME.search(token) else "")


@dataclass(frozen=True)
class PersonName:
    """A person name as parsed: normalised given names and surname, and the cleaned written form.

    ``given`` is empty for a single word ("Dalirvand"), which is then the ``surname``.
    ``display`` keeps the report's spelling and case, without title or possessive (a name prefix such as
    Shan "Nang" stays: :data:`NAME_PREFIXES`).
    """

    given: tuple[str, ...]
    surname: str
    display: str

    @property
    def full(self) -> bool:
        """Whether the name has a given name as well as a surname."""
        return bool(self.given)

    @property
    def words(self) -> int:
        return len(self.given) + 1

    @property
    def key(self) -> str:
        """The surname's blocking key."""
        return token_key(self.surname)

    @property
    def normalised(self) -> str:
        """Canonical comparison form of the whole name ("mohammed khales" -> "muhamad khals")."""
        return " ".join(canonical(t) for t in (*self.given, self.surname))

    @property
    def identity(self) -> str:
        """What every spelling of this name that resolution joins shares, whichever came first: each word's
        :func:`token_key`, or for a name with an East Slavic surname each word's :func:`slavic_key`
        ("Siarhei Mardasau" and "Sergei Mordasov" -> "srg mrdsv")."""
        surname = slavic_key(self.surname)
        if surname is None:
            return " ".join(token_key(t) for t in (*self.given, self.surname))
        given = (slavic_key(canonical(g), given=True) or token_key(g) for g in self.given)
        return " ".join((*given, surname))


def _is_title(word: str) -> bool:
    w = strip_diacritics(word).lower().rstrip(".")
    return w in TITLES or w in ROLE_WORDS


def honorific_length(words: list[str]) -> int:
    """How many of the leading words are an honorific that is not part of the name (0 or 1)."""
    if len(words) < 2 or not words[1][:1].isupper():
        return 0
    w = strip_diacritics(words[0]).lower().rstrip(".")
    if w in HONORIFICS_BEFORE_ANY and words[0][:1].isupper():
        return 1
    if w in HONORIFICS_BEFORE_LONG | NAME_PREFIXES and words[0][:1].isupper() and len(words) >= 3 \
            and strip_diacritics(words[1]).lower() != w:
        return 1
    return 0


def _is_abbreviation(word: str, rest: list[str]) -> bool:
    """A short word in capitals without dots before words that are not ("WR Jackson"; not "AJ SMITH")."""
    letters = [c for c in word if c.isalpha()]
    return (2 <= len(letters) <= ABBREVIATION_MAX and word.isalpha() and word.isupper()
            and any(not w.isupper() for w in rest))


def parse_person(text: str) -> PersonName | None:
    """Parse a written person name; None when nothing name-like is left.

    Drops leading titles, role words, short abbreviations and lower-case words
    ("President", "Dr.", "Rapper", "MP", "soldier"), trailing suffixes ("Jr.")
    and initials, possessives and surrounding punctuation. A
    lower-case particle ("bin", "van") goes with the surname and is not compared.
    """
    words = [w.strip(",;:!?\"()[]{}") for w in NICKNAME.sub(" ", text).split()]
    words = [w for w in words if any(c.isalnum() for c in w)]
    prefix: list[str] = []
    while len(words) > 1 and (_is_title(words[0]) or not words[0][:1].isupper()
                              or _is_abbreviation(words[0], words[1:]) or honorific_length(words)):
        if not _is_title(words[0]) and words[0].lower() in PARTICLES:
            break
        if not _is_title(words[0]) and strip_diacritics(words[0]).lower() in NAME_PREFIXES:
            prefix.append(words[0])
        words.pop(0)
    if len(words) == 1 and _is_title(words[0]):
        return None
    # suffixes ("Jr."), and a lone initial left at the end by a cut span ("Steven K")
    while len(words) > 1 and (normalise_token(words[-1]) in SUFFIXES or len(normalise_token(words[-1])) == 1):
        words.pop()
    if words:
        words[-1] = strip_possessive(words[-1])
    pairs = [(w, normalise_token(w)) for w in words]
    pairs = [(w, t) for w, t in pairs if t]
    if not pairs:
        return None
    given_pairs = pairs[:-1]
    while given_pairs and given_pairs[-1][1] in SURNAME_PARTICLES:
        given_pairs = given_pairs[:-1]
    given = tuple(t for w, t in given_pairs if not (w.islower() and t in PARTICLES))
    return PersonName(given=given, surname=pairs[-1][1], display=" ".join([*prefix, *(w for w, _ in pairs)]))


def given_compatible(a: tuple[str, ...], b: tuple[str, ...], slavic: bool = False) -> bool:
    """Whether two lists of given names can belong to one person.

    An empty list fits anything. Otherwise the names written together may be one
    name ("Ali Reza" and "Alireza"), or the names at each position both have
    must agree, an initial fitting any name with its letter: "George W." fits
    "George Walker" and "George", not "George H. W."; "Mohammad Ali" fits
    "Mohammad", not "Ali"; "W. Mark" fits "Mark".
    """
    if not a or not b:
        return True
    if same_given("".join(a), "".join(b)):
        return True
    if all(_given_word_compatible(x, y, slavic) for x, y in zip(a, b, strict=False)):
        return True
    # "W. Mark Felt" goes by his middle name: a leading initial the other name lacks may be passed over
    for x, y in ((a, b), (b, a)):
        if len(x) > 1 and len(x[0]) == 1 and len(y[0]) > 1:
            return all(_given_word_compatible(p, q, slavic) for p, q in zip(x[1:], y, strict=False))
    return False


def _given_word_compatible(x: str, y: str, slavic: bool = False) -> bool:
    if len(x) == 1 and len(y) == 1:
        return x == y
    if len(x) == 1 or len(y) == 1:
        initial, name = (x, y) if len(x) == 1 else (y, x)
        return initial == name[0] or initial in _INITIALS_OF.get(canonical(name), ()) or (
            slavic and _slavic_initial(initial) == _slavic_initial(name))
    return same_given(x, y, slavic)


def _slavic_initial(word: str) -> str:
    """The first letter of a name in its East Slavic key ("Uladzimir" and "V." both "v")."""
    key = slavic_key(word, given=True) if len(word) > 1 else word
    return (key or word)[:1] if key and key[:1] != "_" else word[:1]


def names_compatible(a: PersonName, b: PersonName) -> bool:
    """Whether two parsed names can be one person: one surname, and given names that agree."""
    if same_token(a.surname, b.surname):
        return given_compatible(a.given, b.given, slavic=slavic_key(a.surname) is not None)
    return same_surname(a.surname, b.surname) and given_compatible(a.given, b.given, slavic=True)
