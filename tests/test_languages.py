"""French, Spanish, Italian, Dutch and Polish: the existing rules per language, table-driven.

Each table holds, per language, text that must be flagged (with the span) and text that must stay
quiet: quotation marks (TQ301-TQ306), leftover notices (TQ102) and their language claims (TQ103),
the splitter's cue phrases, the language vote, and names (TQ201; only en/de are wired up in
tqcheck/names.py so far, so the flagged name cases are expected failures until it reads the
language columns).
"""
from __future__ import annotations

import pytest

from tqcheck import lang as langid
from tqcheck import quotes
from tqcheck.detectors.language_notice import LeftoverTranslationNotice
from tqcheck.detectors.name_consistency import InconsistentNameSpelling
from tqcheck.detectors.name_variant import ForeignTransliteration
from tqcheck.detectors.notice_language import NoticeContradictsLanguage
from tqcheck.detectors.quote_foreign_style import QuoteForeignStyle
from tqcheck.detectors.quote_glued import QuoteGlued
from tqcheck.detectors.quote_mixed_style import QuoteMixedStyle
from tqcheck.detectors.quote_opened_twice import QuoteOpenedTwice
from tqcheck.detectors.quote_unbalanced import QuoteUnbalanced
from tqcheck.detectors.quote_wrong_mark import QuoteWrongMark
from tqcheck.examples import run
from tqcheck.splitter import split_plain

LANGS = ("fr", "es", "it", "nl", "pl")
QUOTE_RULES = (QuoteOpenedTwice, QuoteWrongMark, QuoteForeignStyle, QuoteUnbalanced, QuoteGlued,
               QuoteMixedStyle)
NBSP = "\u00a0"


def _codes(rules, text: str, lang: str) -> list[tuple[str, str]]:
    return sorted((f.code, f.text) for rule in rules for f in run(rule, [text], lang))


# ---- quotation marks ------------------------------------------------------------------------

QUOTES_FLAGGED = [
    # German „…“ left by machine translation from German
    ("fr", "„Nous ne partirons pas“, a déclaré le maire devant le conseil municipal.", "TQ303"),
    ("es", "„No vamos a marcharnos“, dijo el alcalde ante el pleno del ayuntamiento.", "TQ303"),
    ("it", "„Non ce ne andremo“, ha detto il sindaco davanti al consiglio comunale.", "TQ303"),
    ("nl", "„We gaan hier niet weg“, zei de burgemeester tegen de gemeenteraad.", "TQ302"),
    ("pl", "„Nie wyjedziemy stąd“, powiedział burmistrz podczas sesji rady miasta.", "TQ302"),
    # English “…” where the language's primary marks are expected (Polish: „…”)
    ("pl", "“Nie wyjedziemy stąd”, powiedział burmistrz podczas sesji rady miasta.", "TQ303"),
    # a quotation closed with an opening mark: broken in every language
    ("fr", "Le ministre a parlé d'une “attaque délibérée“ contre la population civile.", "TQ302"),
    ("es", "El ministro habló de un “ataque deliberado“ contra la población civil.", "TQ302"),
    ("it", "Il ministro ha parlato di un “attacco deliberato“ contro i civili della città.", "TQ302"),
    ("nl", "De minister sprak van een “bewuste aanval“ op de burgers van de stad.", "TQ302"),
]

QUOTES_QUIET = [
    ("fr", f"«{NBSP}Nous ne partirons pas{NBSP}», a déclaré le maire devant le conseil municipal."),
    ("fr", "«Nous ne partirons pas», a déclaré le maire, qui parle d'une “attaque délibérée”."),
    ("fr", f"«{NBSP}Le maire a dit “jamais” devant tout le monde{NBSP}», raconte une habitante."),
    ("es", "«No vamos a marcharnos», dijo el alcalde ante el pleno del ayuntamiento."),
    ("es", "«El alcalde dijo “nunca” delante de todos», cuenta una vecina del barrio."),
    ("es", "“No vamos a marcharnos”, dijo el alcalde ante el pleno del ayuntamiento."),
    ("it", "«Non ce ne andremo», ha detto il sindaco davanti al consiglio comunale."),
    ("it", "“Non ce ne andremo”, ha detto il sindaco davanti al consiglio comunale."),
    ("nl", "„We gaan hier niet weg”, zei de burgemeester tegen de gemeenteraad."),
    ("nl", "“We gaan hier niet weg”, zei de burgemeester tegen de gemeenteraad."),
    ("nl", "‘We gaan hier niet weg’, zei de burgemeester tegen de gemeenteraad."),
    ("pl", "„Nie wyjedziemy stąd”, powiedział burmistrz podczas sesji rady miasta."),
    ("pl", "„Burmistrz powiedział «nigdy» przy wszystkich”, opowiada jedna z mieszkanek."),
]


@pytest.mark.parametrize("lang,text,code", QUOTES_FLAGGED)
def test_quotes_flagged(lang, text, code):
    assert langid.detect(text, lang) == lang  # judged by the language's own convention
    assert code in {c for c, _ in _codes(QUOTE_RULES, text, lang)}


@pytest.mark.parametrize("lang,text", QUOTES_QUIET)
def test_quotes_quiet(lang, text):
    assert _codes(QUOTE_RULES, text, lang) == []


@pytest.mark.parametrize("lang", LANGS)
def test_every_language_has_a_quote_convention(lang):
    conv = quotes.convention(lang)
    assert conv is not None and conv.primary in conv.accept
    assert "„“" not in conv.accept  # German marks are foreign in all five


# ---- notices ------------------------------------------------------------------------------

NOTICES_FLAGGED = [
    ("fr", "Cet article a été traduit automatiquement de l'anglais."),
    ("fr", "Cet article a d'abord été publié en allemand dans le quotidien Elbe-Kurier."),
    ("es", "Este artículo ha sido traducido automáticamente del inglés."),
    ("es", "Este artículo se publicó originalmente en alemán en el diario Ostsee-Kurier."),
    ("it", "Questo articolo è stato tradotto automaticamente dall'inglese."),
    ("nl", "Dit artikel is automatisch vertaald uit het Engels."),
    ("nl", "Dit artikel verscheen eerder in het Duits op de website van de Nordsee-Zeitung."),
    ("pl", "Ten artykuł został przetłumaczony maszynowo z języka angielskiego."),
    ("pl", "Artykuł ukazał się pierwotnie w języku niemieckim w dzienniku Ostsee-Rundschau."),
]

NOTICES_QUIET = [
    ("fr", "Traduit de l'anglais par Marie Dupont."),
    ("fr", "Selon les chercheurs, la traduction automatique a fait d'énormes progrès depuis dix ans."),
    ("es", "Traducción: Ana García."),
    ("es", "Según los expertos, la traducción automática ha mejorado mucho en los últimos años."),
    ("it", "Traduzione di Marco Bianchi."),
    ("it", "Secondo i ricercatori, la traduzione automatica è migliorata molto negli ultimi anni."),
    ("nl", "Vertaald uit het Engels door Anne de Boer."),
    ("nl", "Volgens onderzoekers is automatische vertaling de afgelopen jaren veel beter geworden."),
    ("pl", "Przełożyła Anna Nowak."),
    ("pl", "Według naukowców tłumaczenie maszynowe w ostatnich latach bardzo się poprawiło."),
    ("pl", "Artykuł 5 traktatu ukazał się pierwotnie w dzienniku urzędowym w 1949 roku."),
    ("pl", "Tekst ustawy został opublikowany w Dzienniku Ustaw w piątek."),
    ("nl", "Het rapport verscheen eerder dit jaar in het vakblad Nature Energy."),
]


@pytest.mark.parametrize("lang,text", NOTICES_FLAGGED)
def test_notices_flagged(lang, text):
    found = run(LeftoverTranslationNotice, [text], lang)
    assert [f.code for f in found] == ["TQ102"], found


@pytest.mark.parametrize("lang,text", NOTICES_QUIET)
def test_notices_quiet(lang, text):
    assert run(LeftoverTranslationNotice, [text], lang) == []


# TQ103: a notice naming a target language that is not the article's (a round trip).
CLAIMS = [
    ("fr", "Cet article a été traduit automatiquement de l'anglais vers l'allemand.", "vers l'allemand"),
    ("es", "Este artículo ha sido traducido automáticamente del inglés al alemán.", "al alemán"),
    ("it", "Questo articolo è stato tradotto automaticamente dall'inglese al tedesco.", "al tedesco"),
    ("nl", "Dit artikel is automatisch vertaald uit het Engels naar het Duits.", "naar het Duits"),
    ("pl", "Ten artykuł został przetłumaczony maszynowo z języka angielskiego na język niemiecki.",
     "na język niemiecki"),
]
CLAIMS_QUIET = [
    ("fr", "Cet article a été traduit automatiquement de l'anglais vers le français."),
    ("es", "Este artículo ha sido traducido automáticamente del inglés al español."),
    ("it", "Questo articolo è stato tradotto automaticamente dall'inglese all'italiano."),
    ("nl", "Dit artikel is automatisch vertaald uit het Engels naar het Nederlands."),
    ("pl", "Ten artykuł został przetłumaczony maszynowo z języka angielskiego na język polski."),
]


@pytest.mark.parametrize("lang,text,span", CLAIMS)
def test_notice_claims_flagged(lang, text, span):
    assert [f.text for f in run(NoticeContradictsLanguage, [text], lang)] == [span]


@pytest.mark.parametrize("lang,text", CLAIMS_QUIET)
def test_notice_claims_quiet(lang, text):
    assert run(NoticeContradictsLanguage, [text], lang) == []


# ---- the splitter's cue phrases -------------------------------------------------------------

BODY = {  # running text: two sentences, longer than any headline
    "fr": "Le conseil municipal a voté mardi soir un budget de crise pour rénover les écoles de la ville. "
          "Il a fallu des mois de débats entre la majorité et l'opposition sur le coût des travaux, "
          "que les services de la mairie estiment désormais à près de quarante millions d'euros.",
    "es": "El pleno del ayuntamiento aprobó el martes un presupuesto de emergencia para renovar las "
          "escuelas de la ciudad. Hicieron falta meses de debate entre el gobierno y la oposición "
          "sobre el coste de las obras, que los técnicos municipales calculan ya en cuarenta millones.",
    "it": "Il consiglio comunale ha approvato martedì sera un bilancio straordinario per rinnovare le "
          "scuole della città. Ci sono voluti mesi di discussioni tra la maggioranza e l'opposizione "
          "sul costo dei lavori, che gli uffici del comune stimano ormai in quaranta milioni di euro.",
    "nl": "De gemeenteraad heeft dinsdagavond een noodbegroting aangenomen om de scholen van de stad "
          "te renoveren. Daar gingen maanden van discussie aan vooraf tussen de coalitie en de "
          "oppositie over de kosten, die de ambtenaren nu op ongeveer veertig miljoen euro schatten.",
    "pl": "Rada miasta przyjęła we wtorek wieczorem budżet nadzwyczajny na remont szkół w mieście. "
          "Wcześniej przez wiele miesięcy trwał spór między koalicją a opozycją o koszty prac, które "
          "urzędnicy szacują już na prawie czterdzieści milionów złotych, ale nie jest to jeszcze "
          "ostateczna kwota.",
}

ROLE_CASES = [
    ("fr", "Lire aussi : Les écoles de la région manquent d'enseignants", "related"),
    ("es", "Lee también: Las escuelas de la región buscan profesores", "related"),
    ("it", "Leggi anche: Le scuole della regione cercano insegnanti", "related"),
    ("nl", "Lees ook: Scholen in de regio zoeken leraren", "related"),
    ("pl", "Czytaj także: Szkołom w regionie brakuje nauczycieli", "related"),
    ("pl", "Zobacz też: Szkołom w regionie brakuje nauczycieli", "related"),
    ("fr", "La façade de l'école Jean-Moulin. Photo : Anna Keller/AFP", "caption"),
    ("es", "La fachada del colegio público. Foto: Miguel Ortega/EFE", "caption"),
    ("it", "La facciata della scuola elementare. Foto: Paolo Zanetti/ANSA", "caption"),
    ("nl", "De gevel van de basisschool. Foto: Sanne Bakker/ANP", "caption"),
    ("pl", "Fasada szkoły podstawowej. Fot. Anna Wiśniewska/PAP", "caption"),
    ("fr", "Inscrivez-vous à notre newsletter et recevez chaque matin l'essentiel de l'actualité.", "promo"),
    ("es", "Suscríbete a nuestro boletín y recibe cada mañana las noticias más importantes.", "promo"),
    ("it", "Iscriviti alla newsletter per ricevere ogni mattina le notizie più importanti.", "promo"),
    ("nl", "Meld je aan voor onze nieuwsbrief en ontvang elke ochtend het belangrijkste nieuws.", "promo"),
    ("pl", "Zaprenumeruj nasz serwis i czytaj wszystkie artykuły bez ograniczeń.", "promo"),
    ("nl", "Bekijk de fotoserie", "gallery"),
    ("pl", "Galeria zdjęć", "gallery"),
    ("nl", "Dit artikel is automatisch vertaald uit het Engels.", "translation_notice"),
    ("pl", "Ten artykuł został przetłumaczony maszynowo z języka angielskiego.", "translation_notice"),
    ("nl", "Vertaald uit het Engels door Anne de Boer.", "contributors"),
    ("pl", "Tłumaczenie: Anna Nowak", "contributors"),
]


@pytest.mark.parametrize("lang,line,role", ROLE_CASES)
def test_cue_phrases_between_paragraphs(lang, line, role):
    text = "\n".join([BODY[lang], line, BODY[lang]])
    assert [b.role.value for b in split_plain(text)] == ["body", role, "body"]


END_MATTER = [
    ("nl", "Eva Jansen is verslaggever bij de regioredactie en schrijft over werk en integratie.",
     "author_bio"),
    ("pl", "Katarzyna Mazur jest dziennikarką działu krajowego i zajmuje się ochroną zdrowia.",
     "author_bio"),
    ("nl", "Dit artikel verscheen eerder in het Duits op de website van de Nordsee-Zeitung.",
     "syndication_notice"),
    ("pl", "Artykuł ukazał się pierwotnie w języku niemieckim w dzienniku Ostsee-Rundschau.",
     "syndication_notice"),
    ("es", "Este artículo se publicó originalmente en alemán en el diario Ostsee-Kurier.",
     "syndication_notice"),
    ("fr", "Cet article a d'abord été publié en allemand dans le quotidien Elbe-Kurier.",
     "syndication_notice"),
]


@pytest.mark.parametrize("lang,line,role", END_MATTER)
def test_end_matter(lang, line, role):
    text = "\n".join([BODY[lang], BODY[lang], line])
    assert [b.role.value for b in split_plain(text)][-1] == role


@pytest.mark.parametrize("lang", LANGS)
def test_running_text_is_body(lang):
    assert [b.role.value for b in split_plain("\n".join([BODY[lang]] * 3))] == ["body"] * 3


# ---- the language vote --------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_function_words_settle_the_language(lang):
    assert langid.clear_vote(langid.words(BODY[lang])) == lang


# ---- names ---------------------------------------------------------------------------------

NAMES_FLAGGED = [
    ("fr", "Depuis l'invasion ordonnée par Wladimir Putin, la ville est bombardée chaque nuit.",
     "Wladimir Putin"),
    ("es", "El presidente Wolodymyr Selenskyj pidió a sus socios europeos más ayuda militar.",
     "Wolodymyr Selenskyj"),
    ("it", "A marzo un attacco russo ha danneggiato la stazione di Charkiw e i treni si sono fermati.",
     "Charkiw"),
    ("nl", "De leveringen werden beperkt nadat Rusland onder Wladimir Putin de oorlog begon.",
     "Wladimir Putin"),
    ("pl", "Prezydent Wolodymyr Selenskyj zwrócił się do partnerów o dodatkowe systemy obrony.",
     "Wolodymyr Selenskyj"),
]

NAMES_QUIET = [
    ("fr", "Vladimir Poutine et Volodymyr Zelensky se sont parlé ; Kharkiv et Kyiv ont été visées."),
    ("es", "Vladímir Putin y Volodímir Zelenski hablaron; Járkov y Kiev fueron atacadas de nuevo."),
    ("it", "Vladimir Putin e Volodymyr Zelensky si sono parlati; Charkiv e Kyiv sono state colpite."),
    ("nl", "Vladimir Poetin en Volodymyr Zelensky spraken elkaar; Charkiv en Kyiv werden getroffen."),
    ("pl", "Władimir Putin i Wołodymyr Zełenski rozmawiali; Charków i Kijów zostały ostrzelane."),
    # a proper name of the source language, and a quotation in it, keep their spellings
    ("fr", "Selon le Moscow Times, Vladimir Poutine a réuni ses généraux à Moscou mardi."),
    ("es", "La pancarta decía en inglés “Kharkiv is grateful to Spain”, según la prensa local."),
    ("pl", "Minister Jan Rutkowski spotkał się z ambasadorem Ukrainy w Warszawie."),
]


@pytest.mark.parametrize("lang,text,span", NAMES_FLAGGED)
def test_names_flagged(lang, text, span):
    assert [f.text for f in run(ForeignTransliteration, [text], lang)] == [span]


@pytest.mark.parametrize("lang,text", NAMES_QUIET)
def test_names_quiet(lang, text):
    assert run(ForeignTransliteration, [text], lang) == []
    assert run(InconsistentNameSpelling, [text], lang) == []


def test_block_languages_skip_langdetect_where_nothing_disagrees(monkeypatch):
    """langdetect (slow, and unreliable on short lines) is asked only when the function words
    disagree with the article's language; these blocks never reach it."""
    def no_langdetect(text):
        raise AssertionError(f"langdetect asked about {text!r}")

    monkeypatch.setattr(langid, "langdetect", no_langdetect)
    # short lines of names and numbers whose one function word is another language's ("de")
    assert langid.detect("Apple iPhone 7 Plus de luxe, GSM Unlocked, 128GB", "en") is None
    assert langid.detect("CB Tavierre Thomas 1 1% No stats registered.", "en") is None
    # an article in a language the vote does not know: its blocks are in it
    assert langid.detect("Правительство объявило сегодня о новых мерах поддержки для "
                         "семей с детьми и пенсионеров в регионах страны", "ru") == "ru"


def test_langdetect_still_decides_where_function_words_disagree():
    text = "Die Regierung hat am Montag beschlossen, dass die Steuern nicht steigen werden."
    assert langid.detect(text, "en") == "de"


LANGDETECT_PARITY_TEXTS = [
    "The government said on Monday that taxes would not rise this year.",
    "Die Regierung hat am Montag beschlossen, dass die Steuern nicht steigen werden.",
    "Правительство объявило сегодня о новых мерах поддержки для семей с детьми.",
    "東京で新しい法律が発表されました。 Kindle書籍を読む場合は、スマホで読むことが多い。",
    "Hà Nội hôm nay công bố kế hoạch mới, see https://example.org or mail a@b.org  now",
    "45% Off 65\" LG 65UM7300 4K Smart HDTV, Now $549 Plus $50 Dell eGift Card",
    "Jefes de Estado y de Gobierno se reunieron en Bruselas.",
]


@pytest.mark.parametrize("text", LANGDETECT_PARITY_TEXTS)
def test_faster_langdetect_gives_langdetects_own_probabilities(text):
    """lang.py re-implements langdetect's n-gram extraction and update loop for speed; the
    seeded library itself must give the very same probabilities (a langdetect upgrade that
    changes its internals fails here, not silently)."""
    factory = langid._langdetect()
    det = factory.create()
    det.append(text)
    own = [(p.lang, p.prob) for p in det.get_probabilities()]
    assert langid.probabilities(text) == own
