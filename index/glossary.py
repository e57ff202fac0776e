"""English -> Chinese policy-term expansion of queries (resources/glossary.tsv).

USE dense retrieval crosses languages but is blunt; BM25 cannot cross at all. An
English question is mapped phrase by phrase (longest match first) to the Chinese
policy terms a measure would use, so the keyword side can serve English too.
"""
from __future__ import annotations

import re
import threading
from importlib import resources

from ..text import CJK_RE
from ..ingest.region import ENGLISH_PLACE_NAMES

_FILE = "glossary.tsv"
_glossary: dict[str, list[str]] | None = None
_max_words = 1
_lock = threading.Lock()

_WORD = re.compile(r"[a-z0-9][a-z0-9&+\-']*")
_HAN = CJK_RE


# British spellings folded to American ones before stemming, on glossary and query alike, so
# subsidised/organisation/programme/labour meet subsidized/organization/program/labor.
_BRIT_IZE = re.compile(r"(?<=[a-z]{3})is(e|es|ed|ing|ation|ations|er|ers)$")
# -ise words that are not -ize words in American English either (enterprise, premises, advertise)
_KEEP_ISE = ("enterpris", "exercis", "expertis", "premis", "promis", "advertis", "franchis", "supervis",
             "revis", "compris", "compromis", "merchandis", "surpris", "otherwis", "precis", "concis", "devis",
             "televis", "improvis", "disguis", "prais", "nois", "cruis", "chines", "paradis", "demis",
             "treatis", "excis", "incis", "likewis", "clockwis", "appris", "despis", "chastis")
_BRIT_OUR = re.compile(r"^(lab|fav|hon|col|behavi|neighb|harb|rum|endeav|flav|vig)our")
_BRIT_WORDS = {"programme": "program", "programmes": "programs", "centre": "center", "centres": "centers",
               "licence": "license", "licences": "licenses", "defence": "defense", "enrolment": "enrollment",
               "fulfil": "fulfill", "ageing": "aging", "catalogue": "catalog", "analyse": "analyze",
               "analysed": "analyzed", "tonne": "ton", "tonnes": "tons", "cheque": "check"}


def _american(w: str) -> str:
    w = _BRIT_WORDS.get(w, w)
    if "is" in w and not w.startswith(_KEEP_ISE):
        w = _BRIT_IZE.sub(r"iz\1", w)
    if "our" in w:
        w = _BRIT_OUR.sub(r"\1or", w)
    return w


def _fold(word: str) -> str:
    """Crude English folding so subsidies/subsidized/subsidizing meet subsidy/subsidize
    (and British subsidised/subsidising too)."""
    w = _american(word.strip("'").removesuffix("'s"))
    for suf, rep in (("ies", "y"), ("ied", "y"), ("izing", "ize"), ("ized", "ize"), ("ises", "ise"),
                     ("sses", "ss"), ("ches", "ch"), ("shes", "sh"), ("xes", "x")):
        if w.endswith(suf) and len(w) > len(suf) + 2:
            return _stem(w[: -len(suf)] + rep)
    if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
        w = w[:-1]
    return _stem(w)


_VERB_END = re.compile(r"(?:ing|ed)$")
# doubled final consonant (committed -> commit); not n, so pinyin -nning (Xianning) stays apart from Xian
_DOUBLED = re.compile(r"([b-df-hj-mp-tv-z])\1$")
# words whose final e must stay, or they would meet another glossary word (care -> car)
_KEEP_E = frozenset({"care"})


def _stem(w: str) -> str:
    """-ing/-ed and a final e or doubled consonant off, applied alike to glossary and query.

    So hiring/hired/hire, starting/started/start and committed/commit meet; keeps short
    words (need, bring, going) whole. Only equality of stems matters, not real English.
    """
    if w.endswith("eed") and len(w) > 5:          # guaranteed, agreed
        return w[:-1]
    m = _VERB_END.search(w)
    if m and len(w) - len(m.group()) >= 3:
        w = _DOUBLED.sub(r"\1", w[: m.start()])
    if w.endswith("e") and len(w) > 3 and not w.endswith(("ee", "ie")) and w not in _KEEP_E:
        w = w[:-1]
    return w


def _key(phrase: str) -> str:
    return " ".join(_fold(w) for w in _WORD.findall(phrase.lower().replace("-", " ")))


def glossary() -> dict[str, list[str]]:
    """Folded English phrase -> Chinese terms, loaded once."""
    global _glossary, _max_words
    if _glossary is None:
        with _lock:
            if _glossary is None:
                g: dict[str, list[str]] = {}
                path = resources.files(__package__).joinpath("resources", _FILE)
                for line in path.read_text(encoding="utf-8").splitlines():
                    if not line.strip() or line.lstrip().startswith("#") or "\t" not in line:
                        continue
                    en, zh = line.split("\t", 1)
                    key = _key(en)
                    if not key:
                        continue
                    terms = g.setdefault(key, [])
                    for t in zh.split("|"):
                        t = t.strip()
                        if t and t not in terms:
                            terms.append(t)
                for en, zh in ENGLISH_PLACE_NAMES.items():     # Shaanxi, Inner Mongolia, Xi'an …
                    terms = g.setdefault(_key(en), [])
                    if zh not in terms:
                        terms.append(zh)
                _max_words = max(len(k.split()) for k in g) if g else 1
                _glossary = g
    return _glossary


def is_chinese(text: str, threshold: float = 0.2) -> bool:
    """True when Han characters make up at least ``threshold`` of the letters."""
    han = len(_HAN.findall(text))
    latin = len(re.findall(r"[A-Za-z]", text))
    return han > 0 and han >= threshold * (han + latin / 4)


def expand(query: str) -> list[tuple[str, list[str]]]:
    """English phrases found in ``query`` (longest first, non-overlapping) with their Chinese terms."""
    g = glossary()
    words = [_fold(w) for w in _WORD.findall(query.lower().replace("-", " "))]
    found: list[tuple[str, list[str]]] = []
    heads: set[str] = set()     # last words of phrases matched so far
    i = 0
    while i < len(words):
        for n in range(min(_max_words, len(words) - i), 0, -1):
            key = " ".join(words[i:i + n])
            if key in g:
                # "consumption-voucher campaigns … the vouchers": a bare head noun that repeats a
                # phrase already matched refers back to it; its own entry (voucher -> 创新券) would
                # drag in another topic
                if n > 1 or key not in heads:
                    found.append((key, g[key]))
                if n > 1:
                    heads.add(words[i + n - 1])
                i += n
                break
        else:
            i += 1
    return found


def chinese_terms(query: str) -> list[str]:
    """Distinct Chinese terms for an English query, in query order."""
    out: list[str] = []
    for _, terms in expand(query):
        for t in terms:
            if t not in out:
                out.append(t)
    return out


_synonyms: dict[str, list[str]] | None = None


def chinese_synonyms(term: str, max_terms: int = 4) -> list[str]:
    """Other Chinese terms the glossary gives for the same English phrase as ``term``
    (房租 -> 租金, 场租): the paraphrases a Chinese question and a measure may differ by.
    Only entries with at most ``max_terms`` terms count (longer ones are loose topic lists)."""
    global _synonyms
    if _synonyms is None:
        syn: dict[str, list[str]] = {}
        for terms in glossary().values():
            if len(terms) > max_terms:
                continue
            for t in terms:
                if not _HAN.search(t):
                    continue
                lst = syn.setdefault(t, [])
                for u in terms:
                    if u != t and u not in lst and _HAN.search(u):
                        lst.append(u)
        _synonyms = syn
    return list(_synonyms.get(term, ()))
