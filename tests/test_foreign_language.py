"""The foreign_language family: TQ701 foreign-language-block, TQ702 foreign-sentence, TQ703
foreign-phrase -- untranslated blocks, sentences and word groups, and the many foreign-looking
things in clean news that are not damage."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import tqcheck.detectors.foreign_language as fl
import tqcheck.detectors.foreign_phrase as fp
import tqcheck.detectors.foreign_sentence as fs
import tqcheck.detectors.foreign_text as ft
from tqcheck.detectors.foreign_language import ForeignLanguageBlock, foreign_language
from tqcheck.detectors.foreign_phrase import ForeignPhrase
from tqcheck.detectors.foreign_sentence import ForeignSentence
from tqcheck.engine import build_document
from tqcheck.examples import run
from tqcheck.model import Role
from tqcheck.registry import Context

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

FOREIGN = [
    ("en", "de", "Die Regierung wird die Pläne noch in dieser Woche im Kabinett beraten."),
    ("en", "de", "Dass die Regierung die Pläne nicht ändern wird, ist klar, sagte der Minister."),
    ("en", "de", "Der Vertrag läuft bis zum Sommer 2030."),
    ("en", "de", "Ein Techniker prüft eine beschädigte Umspannstation am Stadtrand."),
    ("en", "es", "El gobierno ha dicho que no habrá cambios en la ley de pensiones este año."),
    ("en", "fr", "Le gouvernement a annoncé que la réforme des retraites sera votée demain."),
    ("de", "en", "The government will discuss the plans in the cabinet at the end of this week."),
    ("de", "en", "Since the full-scale invasion, the number of such cases has risen sharply."),
]

NATIVE = [
    ("en", "The so-called Zeitenwende has changed German defence policy for good."),
    ("en", "His motto, „Wir schaffen das“, was borrowed from Angela Merkel, critics noted."),
    ("en", "Ursula von der Leyen, president of the European Commission, welcomed the plan."),
    ("en", "Der Spiegel was more critical; Die Zeit praised it."),
    ("en", "The phrase Sturm und Drang has been used to describe the mood in Berlin."),
    ("en", "Kremlin spokesman Dmitri Peskow said Wladimir Putin was ready to talk."),
    ("en", "The war in Ukraine will die down only when people die of exhaustion, he said."),
    ("en", "Los Angeles, Las Vegas, El Paso and San Diego saw record heat on Sunday."),
    ("en", "Ana de la Cruz y García, the mayor of San Juan de la Maraña, was re-elected."),
    ("en", "Alexander von Humboldt and Wilhelm von Humboldt founded the university in 1810."),
    ("en", "Im Westen nichts Neues, the novel by Erich Maria Remarque, was banned in 1933."),
    ("en", "Ich bin ein Berliner, Kennedy said in 1963, and the crowd cheered."),
    ("en", "Present were Wolodymyr Selenskyj, Oleksandr Syrskyj, Dmytro Kuleba, Andrij Jermak "
           "and Denys Schmyhal."),
    ("en", "Olena Zelenska, Wolodymyr Selenskyj's wife, visited Charkiw, Cherson and Mykolajiw."),
    ("en", "\"Es ist eine Frage der Verantwortung, und wir werden sie tragen\", Scholz said."),
    ("en", "Mi casa es su casa, the host told us with a smile, per the old saying."),
    ("en", "Photo: Michael Kappeler/dpa"),
    ("de", "Die Start-ups aus dem Silicon Valley setzen auf Machine Learning und Cloud Computing."),
    ("de", "Der Song „Born in the U.S.A.“ lief auf vielen Veranstaltungen."),
    ("de", "Trump sagte: „We are going to end this war very quickly, believe me.“"),
    ("de", "Das Motto Make America Great Again prägte den Wahlkampf."),
    ("de", "Die Band spielte Stairway to Heaven und Smoke on the Water als Zugabe."),
    ("de", "The Economist nennt das Land the sick man of Europe."),
    ("de", "Das Gericht verwies auf den Grundsatz in dubio pro reo und sprach ihn frei."),
]


@pytest.mark.parametrize("doc_lang,want,text", FOREIGN)
def test_foreign_sentence(doc_lang, want, text):
    assert foreign_language(text, doc_lang) == want


@pytest.mark.parametrize("doc_lang,text", NATIVE)
def test_not_foreign(doc_lang, text):
    assert foreign_language(text, doc_lang) is None


def test_sentence_inside_a_paragraph_is_the_span():
    text = ("The chancellor spoke in Berlin on Monday. Die Regierung wird die Pläne noch in "
            "dieser Woche im Kabinett beraten. Critics were not convinced.")
    (f,) = run(ForeignLanguageBlock, [text])
    assert f.text == "Die Regierung wird die Pläne noch in dieser Woche im Kabinett beraten."
    assert f.message.startswith("German sentence in English text")


def test_adjacent_foreign_sentences_make_one_finding():
    text = ("Der Kanzler hat am Montag in Berlin gesagt, dass die Regierung die Pläne nicht "
            "ändern wird. Die Opposition hat das scharf kritisiert und will nun klagen.")
    (f,) = run(ForeignLanguageBlock, [text])
    assert f.text == text
    assert f.message.startswith("German paragraph")


def test_notice_sentences_are_left_to_tq102():
    assert run(ForeignLanguageBlock, ["Dieser Artikel wurde maschinell übersetzt und erschien "
                                      "zuerst bei einer Partnerzeitung in den USA."]) == []


def test_roles_outside_the_body_are_not_read():
    german = "Der Kanzler hat am Montag gesagt, dass die Regierung die Pläne nicht ändern wird."
    assert run(ForeignLanguageBlock, [german], "en", (Role.AUTHOR_BIO,)) == []
    assert len(run(ForeignLanguageBlock, [german], "en", (Role.CAPTION,))) == 1


def test_article_language_without_function_words_is_skipped():
    assert run(ForeignLanguageBlock, ["Der Kanzler hat am Montag gesagt, dass die Regierung "
                                      "die Pläne nicht ändern wird."], "ja") == []


def test_langdetect_is_not_called_on_plain_text(monkeypatch):
    """Speed: the function-word gate settles ordinary paragraphs without langdetect."""
    def boom(text):
        raise AssertionError(f"langdetect called on {text!r}")
    monkeypatch.setattr(fl.langid, "probabilities", boom)
    english = [
        "The war in Ukraine has cost tens of thousands of lives, and the front line has barely "
        "moved in a year. Kyiv says it needs more air defence before the winter.",
        "Chancellor Olaf Scholz told the Bundestag that the so-called Zeitenwende was not over. "
        "Friedrich Merz, the CDU leader, accused him of dithering.",
        "Tomato, cucumber slices, cooked chicken, white beans, feta and balsamic vinegar.",
    ]
    german = [
        "Der Krieg in der Ukraine hat Zehntausende Menschenleben gekostet, und die Front hat "
        "sich seit einem Jahr kaum bewegt. Kiew sagt, es brauche vor dem Winter mehr Flugabwehr.",
    ]
    assert run(ForeignLanguageBlock, english, "en") == []
    assert run(ForeignLanguageBlock, german, "de") == []


FAMILY = (ForeignLanguageBlock, ForeignSentence, ForeignPhrase)


def _check(path: Path, rules=FAMILY):
    doc = build_document(path.read_text(encoding="utf-8"), doc_id=path.stem, source=str(path))
    findings = []
    for rule in rules:
        ctx = Context(rule.meta, rule.meta.severity)
        rule().check(doc, ctx)
        findings += ctx.findings
    return findings


CLEAN = sorted((FIXTURES / "clean").glob("*.txt")) + [FIXTURES / "seed" / "presssplit-seed.txt"]
DAMAGED = sorted((FIXTURES / "damaged").glob("*.txt"))


@pytest.mark.parametrize("path", CLEAN, ids=[p.stem for p in CLEAN])
def test_nothing_on_clean_articles_and_the_seed(path):
    assert _check(path) == []


@pytest.mark.parametrize("path", DAMAGED, ids=[p.stem for p in DAMAGED])
def test_labelled_foreign_sentences_are_found(path):
    labels = json.loads(path.with_name(path.stem + ".labels.json").read_text(encoding="utf-8"))
    findings = _check(path)
    for art in labels["artifacts"]:
        if art["kind"] == "foreign_language":
            assert any(f.line == art["line"] and art["text"] in f.text or f.text in art["text"]
                       for f in findings), art
    allowed = {(a["line"], a["kind"]) for a in labels["artifacts"] + labels.get("acceptable", [])}
    for f in findings:
        assert (f.line, "foreign_language") in allowed, (f.line, f.text)


# --------------------------------------------------------------------------- short blocks
# Untranslated English subheadings (4-8 words) in German articles, written for these tests as a
# German editor's machine translation would leave them; and the English a German article
# legitimately carries as a whole line: idioms, slogans, titles, brands, loanwords.

SHORT_ENGLISH = [
    'Green hydrogen as a bargaining chip', 'Doubts about water and financing',
    'Concerns over the water supply', 'Risks for the energy transition',
    'The long road to reconstruction', 'A detour via the Danube',
    'Hopes for a ceasefire are fading', 'Fears of a new wave of refugees',
    'Pressure on the government is growing', 'A difficult winter for the economy',
    'Who pays for the reconstruction?', 'Growing doubts about the timetable',
]

SHORT_FINE_IN_GERMAN = [
    'Back to the roots', 'Last but not least', 'The winner takes it all',
    'The same procedure as every year', 'Keep calm and carry on', 'The show must go on',
    'Made in Germany', 'Business as usual', 'Follow the money', 'Too big to fail',
    'Game over für den Verbrenner', 'Think big statt klein-klein', 'Work-Life-Balance im Fokus',
    'Fridays for Future macht weiter', 'Black Lives Matter in Berlin', 'Make America Great Again',
    'Stairway to Heaven als Zugabe', 'House of the Dragon startet', 'Shell und BP im Vergleich',
    'Yahoo, Vodafone und Sky', 'Startup sucht Team für Meeting', 'Update für das Homeoffice',
    'Das Update kommt im Herbst', 'Homeoffice bleibt beliebt', 'Tschaikowsky in Sydney',
    'Shakespeare in Kentucky', 'Nvidia gegen den Rest der Welt', 'Der Deal ist geplatzt',
    'Ein Shitstorm und seine Folgen', 'Cloud Computing für den Mittelstand',
    'Machine Learning in der Praxis', 'Big Data und Datenschutz', 'Smart Home, smarte Risiken',
    'Love is in the air', 'All you need is love', 'We are the champions', 'Yes we can',
    'I have a dream', 'Just do it', 'Only in Germany', 'Out of office', 'Learning by doing',
    'Call me maybe', 'Ready for take-off', 'Open Source als Chance', 'Fake News und ihre Folgen',
    'Home sweet home', 'Live and let die', 'Friends with benefits', 'The Day After',
    'Welcome to the jungle', 'Lost in translation', 'Public Viewing am Brandenburger Tor',
    'Best of the rest', 'Take it easy', 'Run for your life', 'Go west', 'Let it be',
    'Bring your own device', 'Save the date', 'Happy End in Hollywood',
    'Rock am Ring ist ausverkauft', 'Green Deal unter Druck', 'Green hydrogen als Hoffnungsträger',
    'Der Green Deal und die Bauern', 'Hope for the best', 'Zweifel an Wasser und Finanzierung',
    'Versicherer verlangen hohe Prämien', 'Umweg über die Donau', 'Hoffnung auf den Export',
    'Strom aus der Steppe', 'Kritik aus Moskau', 'Neue Route über Georgien',
    'Mehr Geld für die Bahn', 'Streit um die Schuldenbremse', 'Wie geht es weiter?',
    'Was die Einigung bedeutet', 'Warum Anleger vorsichtig bleiben', 'Shopping im Netz boomt',
    'Public Health als Studienfach', 'Social Media unter Beobachtung',
    'Human Rights Watch kritisiert Festnahmen', 'Amnesty International und Human Rights Watch',
    'Doctors Without Borders warnt', 'The Economist und die Financial Times',
    'New York Times wird digital', 'Wall Street Journal meldet Übernahme',
    'Deutsche Bank und Bank of America', 'Champions League: Bayern gegen Arsenal',
    'Formula E in Berlin', 'Rolling Stones in Hamburg', 'Taylor Swift in Gelsenkirchen',
    'Oppenheimer gewinnt sieben Oscars', 'Everything Everywhere All at Once',
    'Once upon a time in Hollywood', 'No Country for Old Men', 'Pulp Fiction wird dreißig',
    'Breaking Bad und die Folgen', 'Fast and Furious auf der Autobahn', 'Star Wars in Babelsberg',
    'Tea Time in London', 'Money makes the world go round', 'Where the wild things are',
    'The new normal', 'Beyond the hype', 'Spiel, Satz und Sieg', 'Vom Startup zum Konzern',
    'Das Ende der Homeoffice-Pflicht', 'Meeting mit dem Vorstand', 'Team Deutschland in Paris',
    'Time is money', 'Shit happens', 'No risk, no fun', 'Just in time', 'First come, first served',
    'Safety first', 'Customer first als Strategie', 'Winter is coming',
    'Happy birthday, Mr. President', 'What a time to be alive', 'For the many, not the few',
    'Take back control', 'Get Brexit done', 'Keep Austria clean', 'Make the planet great again',
    'Thank you for travelling with Deutsche Bahn', 'Service is our success', 'Stop the war',
    'Stand with Ukraine', 'Free Navalny', 'Bring them home now', 'Peace in our time',
    'Time to say goodbye', 'Another brick in the wall', 'Wind of change', 'Ode an die Freude',
]

SHORT_FINE_IN_ENGLISH = [
    'Wir sind das Volk', 'Ich bin ein Berliner', 'Im Westen nichts Neues', 'Sturm und Drang',
    'Der Spiegel and Die Zeit', 'Vorsprung durch Technik', 'Wir schaffen das, she said',
    'Kraft durch Freude was a Nazi organisation', 'Die Welt ist nicht genug', 'Das Boot is back',
    'Alles ist gut', 'Arbeit macht frei', 'Auf Wiedersehen, Berlin', 'Guten Tag from Munich',
    'Deutschland über alles no more', 'Einigkeit und Recht und Freiheit',
    'Freude schöner Götterfunken', 'Made in Germany', 'Ode an die Freude', 'Wetten, dass..?',
    'Tatort on Sunday night', 'Die Linke and the Greens', 'Bündnis Sahra Wagenknecht gains ground',
    'Alternative für Deutschland', 'Frankfurter Allgemeine Zeitung', 'La vie en rose',
    'Je ne regrette rien', 'Hasta la vista, baby', 'Dolce far niente', 'Veni, vidi, vici',
    'Que sera, sera', "C'est la vie", 'Liberté, égalité, fraternité', 'Je suis Charlie',
    'Carpe diem', 'Los Angeles and San Diego', 'El Niño is back', 'De Nederlandsche Bank warns',
    'Het Parool and De Volkskrant', 'Sine qua non', 'Mea culpa from the minister',
    'Ad hoc committee meets', 'Pro bono work for refugees', 'Status quo ante', 'Vox populi',
    'Tour de France begins in Florence', 'Il Duce and the Vatican', 'La Dolce Vita returns',
    'Cosa Nostra on trial', 'Dios mío, said the mayor',
]


@pytest.mark.parametrize("text", SHORT_ENGLISH)
def test_short_english_block_in_german(text):
    assert fl.short_foreign_language(text, "de") == "en"
    (f,) = run(ForeignLanguageBlock, [text], "de", (Role.SUBHEADING,))
    assert f.text == text and f.message.startswith("English subheading in German text")


def test_short_blocks_fine_in_german():
    assert [t for t in SHORT_FINE_IN_GERMAN if fl.short_foreign_language(t, "de")] == []
    assert [t for t in SHORT_FINE_IN_GERMAN if fl.short_foreign_language(t, "en")] == []
    # nor does the sentence vote take them: an English sentence of at most 8 words needs a word
    # rare in German too ("The same procedure as every year", "What a time to be alive")
    for role in (Role.SUBHEADING, Role.BODY):
        assert [t for t in SHORT_FINE_IN_GERMAN if run(ForeignLanguageBlock, [t], "de", (role,))] == []


def test_short_blocks_fine_in_english():
    """German, French, Latin and Spanish lines in English text are titles, slogans and mottos;
    short blocks are only judged for English."""
    assert [t for t in SHORT_FINE_IN_ENGLISH + SHORT_ENGLISH
            if fl.short_foreign_language(t, "en")] == []


def test_short_block_needs_a_word_rare_at_home_and_no_own_function_word():
    assert fl.short_foreign_language("The price of independence", "de") is None  # all common
    assert fl.short_foreign_language("Green hydrogen as a bargaining chip", "de") == "en"
    assert fl.short_foreign_language("Green hydrogen as a bargaining chip der Union", "de") is None
    assert fl.short_foreign_language("Green hydrogen als bargaining chip", "de") is None  # one "as" less
    assert fl.short_foreign_language("Green Hydrogen As A Bargaining Chip", "de") is None  # Title Case
    assert fl.short_foreign_language("Why Astana bets on Europe and Berlin", "de") is None  # names
    assert fl.short_foreign_language("„Green hydrogen as a bargaining chip“", "de") is None  # quoted


def test_wordfreq_confirms_a_clearly_foreign_sentence_without_langdetect(monkeypatch):
    def boom(text):
        raise AssertionError(f"langdetect called on {text!r}")
    monkeypatch.setattr(fl.langid, "probabilities", boom)
    assert foreign_language("Since the full-scale invasion, the number of such cases has risen "
                            "sharply.", "de") == "en"


def test_mixed_sentence_still_goes_to_langdetect():
    # von, der point to German; promised, continued, support are English: langdetect decides
    assert foreign_language("Commission President Ursula von der Leyen promised continued "
                            "support.", "en") is None


# Clean articles written for these tests (a German one with English loanwords, brands and
# English idioms as subheadings; an English one with German slogans and titles).
CLEAN_ARTICLES = {
    "de2-technik": (
        'Digitales',
        'Warum Nvidia plötzlich wertvoller ist als Apple',
        'Der Chiphersteller aus Kalifornien profitiert vom Boom der künstlichen Intelligenz. '
        'Deutsche Firmen wie SAP und Infineon schauen mit gemischten Gefühlen zu.',
        'Santa Clara – Noch vor wenigen Jahren kannten vor allem Computerspieler den Namen '
        'Nvidia. Heute ist der Konzern aus Santa Clara einer der wertvollsten der Welt. Seine '
        'Grafikprozessoren stecken in fast allen Rechenzentren, in denen Sprachmodelle wie '
        'ChatGPT trainiert werden. Konzernchef Jensen Huang tritt bei Präsentationen in '
        'Lederjacke auf und wird von Fans wie ein Rockstar gefeiert.',
        'The winner takes it all',
        'An der Börse gilt Nvidia als klarer Gewinner. Microsoft, Google, Amazon und Meta kaufen '
        'die teuren Chips zu Hunderttausenden. Konkurrenten wie AMD und Intel holen zwar auf, '
        'doch der Vorsprung ist groß. Analysten der Bank of America rechnen damit, dass der '
        'Umsatz im laufenden Geschäftsjahr erneut kräftig steigt.',
        'Für deutsche Unternehmen ist die Lage schwieriger. Infineon liefert zwar Bauteile für '
        'Rechenzentren, verdient sein Geld aber vor allem mit Autos. SAP setzt auf eigene '
        'Anwendungen für Firmenkunden und kooperiert mit Nvidia. Vodafone und die Deutsche '
        'Telekom wollen ihre Netze mit KI effizienter machen.',
        'Homeoffice, Meetings und Feedback',
        'Auch im Büroalltag ist die neue Technik angekommen. Viele Beschäftigte lassen sich im '
        'Homeoffice Protokolle von Meetings zusammenfassen oder E-Mails entwerfen. In einer '
        'Umfrage des Branchenverbands Bitkom gab jede dritte Firma an, generative KI zu nutzen. '
        'Das Feedback ist gemischt: Viele loben die Zeitersparnis, andere klagen über Fehler.',
        'Ein Rechenzentrum in Frankfurt am Main. Foto: Boris Roessler/dpa',
        'Back to the roots',
        'Bei Yahoo, einst einer der größten Internetkonzerne, erinnert man sich noch gut an die '
        'Zeit vor dem Aufstieg von Google. Heute gehört Yahoo einem Finanzinvestor. Auch Sky und '
        'Spotify experimentieren mit KI, etwa für Empfehlungen und Werbung.',
        'Kritiker warnen vor einer Blase. Der Ökonom Daron Acemoglu vom Massachusetts Institute '
        'of Technology hält die Erwartungen für übertrieben. „Die Produktivität steigt langsamer,'
        ' als viele glauben“, sagte er dem Handelsblatt.',
        'Last but not least',
        'Für Anleger bleibt die Frage, wie lange der Boom anhält. Die Aktie hat sich in zwei '
        'Jahren mehr als verzehnfacht. Ein Shitstorm in den sozialen Medien nach einem Update der'
        ' Software hat dem Kurs zuletzt kaum geschadet.',
    ),
    "en2-germany": (
        'Europe',
        "Germany's Zeitenwende, three years on",
        'Chancellor Friedrich Merz says the country has changed. Critics in the Bundestag are not'
        ' so sure.',
        'BERLIN – When Olaf Scholz told the Bundestag in February 2022 that the world had reached'
        ' a Zeitenwende, a turning point, few expected the phrase to stick. Three years later his'
        ' successor, Friedrich Merz, uses it in almost every speech on defence.',
        'The Bundeswehr has received new equipment, and Germany now stations a brigade in '
        'Lithuania. But the Mittelstand, the small and mid-sized firms that form the backbone of '
        'the economy, complains about energy prices and red tape. In Pankow and Treptow, voters '
        'told us they worried more about rents than about tanks.',
        'Wir sind das Volk',
        'The slogan of the 1989 protests in Leipzig has been claimed by very different groups '
        'since. Former chancellor Angela Merkel, who grew up in East Germany, once said that her '
        'famous phrase "Wir schaffen das" ("We can do this") was about confidence, not naivety.',
        'President Frank-Walter Steinmeier warned in a speech in Dresden against "a new coldness"'
        ' in public debate. Der Spiegel called the speech overdue; Die Zeit and the Frankfurter '
        'Allgemeine Zeitung were more sceptical.',
        'Markus Söder, the Bavarian premier, and Sahra Wagenknecht, whose party won seats in '
        "Thuringia and Saxony, both criticised the government's plans. Alice Weidel of the AfD "
        'said the country needed "a different course".',
        'A Bundeswehr soldier in Rukla, Lithuania. Photo: Michael Kappeler/dpa',
        'Economists at the Ifo institute in Munich expect growth of less than one percent. "The '
        'Zeitenwende has not yet reached the economy," one of them said.',
    ),
}


@pytest.mark.parametrize("name", sorted(CLEAN_ARTICLES))
def test_clean_written_articles_get_no_finding(name):
    text = "\n".join(CLEAN_ARTICLES[name]) + "\n"
    doc = build_document(text, doc_id=name, source=name)
    assert doc.lang == name[:2]
    for rule in FAMILY:
        ctx = Context(rule.meta, rule.meta.severity)
        rule().check(doc, ctx)
        assert [(f.line, f.text) for f in ctx.findings] == []


# --------------------------------------------------------------------------- TQ702 sentences
# Short or name-heavy foreign sentences that TQ701 leaves (fewer than six ordinary words), as a
# machine translation leaves them inside a paragraph.

EN_BEFORE = "The minister spoke to reporters in the capital on Monday. "
EN_AFTER = " The talks will continue next week, officials said."
DE_BEFORE = "Der Minister sprach am Montag in der Hauptstadt mit Journalisten. "
DE_AFTER = " Die Gespräche sollen in der kommenden Woche weitergehen, hieß es."

SHORT_FOREIGN = [
    ("en", "de", "Das ist nicht akzeptabel, sagte Merz."),
    ("en", "de", "Die Lage ist ernst."),
    ("en", "de", "Wir werden das nicht hinnehmen."),
    ("en", "de", "Der Minister sagte, er sei zuversichtlich."),
    ("en", "de", "Bundeskanzler Friedrich Merz traf am Montag in Berlin den französischen "
                 "Präsidenten Emmanuel Macron."),
    ("en", "fr", "Les négociations reprendront lundi à Bruxelles."),
    ("en", "es", "La reunión terminó sin acuerdo."),
    ("de", "en", "Nobody was injured, police said."),
    ("de", "en", "The talks will continue on Monday in Brussels."),
    ("de", "en", "This is not acceptable, Merz said."),
    ("de", "en", "According to police, nobody was hurt."),
]

SHORT_NATIVE = [
    ("en", "Vladimir Putin and Volodymyr Zelensky met in Kyiv."),  # langdetect: Danish
    ("en", "Wir schaffen das, Merkel said."),  # one English function word settles it
    ("en", "Ich bin ein Berliner, Kennedy said in 1963."),
    ("en", "„Die Lage ist ernst“, the minister said."),
    ("en", "Sturm und Drang."),
    ("en", "Ad hoc committees were set up."),
    ("en", "Die Linke lost."),
    ("de", "Love is in the air."),  # everyday words only: an idiom or a title
    ("de", "What a time to be alive."),
    ("de", "Welcome to the jungle."),
    ("de", "Yes, we can."),
    ("de", "Ursula von der Leyen, Emmanuel Macron, Giorgia Meloni."),
    ("de", "Make America great again!"),
]


@pytest.mark.parametrize("doc_lang,want,text", SHORT_FOREIGN)
def test_short_foreign_sentence_in_a_paragraph(doc_lang, want, text):
    before, after = (EN_BEFORE, EN_AFTER) if doc_lang == "en" else (DE_BEFORE, DE_AFTER)
    found = run(ForeignSentence, [before + text + after], doc_lang)
    if not found:  # a longer one is TQ701's, never both
        (f,) = run(ForeignLanguageBlock, [before + text + after], doc_lang)
    else:
        (f,) = found
        assert f.message.startswith(f"{fl._name(want)} sentence in {fl._name(doc_lang)} paragraph")
        assert run(ForeignLanguageBlock, [before + text + after], doc_lang) == []
    assert f.text == text


@pytest.mark.parametrize("doc_lang,text", SHORT_NATIVE)
def test_short_sentence_not_foreign(doc_lang, text):
    before, after = (EN_BEFORE, EN_AFTER) if doc_lang == "en" else (DE_BEFORE, DE_AFTER)
    for rule in (ForeignSentence, ForeignPhrase):
        assert run(rule, [before + text + after], doc_lang) == []


def test_sentence_rule_never_repeats_tq701():
    text = ("The chancellor spoke in Berlin on Monday. Die Regierung wird die Pläne noch in "
            "dieser Woche im Kabinett beraten. Critics were not convinced.")
    assert len(run(ForeignLanguageBlock, [text])) == 1
    assert run(ForeignSentence, [text]) == [] and run(ForeignPhrase, [text]) == []


def test_sentence_needs_a_paragraph_in_the_article_language():
    # a block that is one short foreign line is TQ701's short-block business
    assert run(ForeignSentence, ["Die Lage ist ernst."]) == []
    assert run(ForeignSentence, ["Die Lage ist ernst. Die Polizei ermittelt."]) == []
    assert len(run(ForeignSentence, ["The police are investigating. Die Lage ist ernst. The "
                                     "mayor will visit the site on Friday."])) == 1


def test_adjacent_short_foreign_sentences_make_one_finding():
    text = ("Merz was asked about the plan. Das ist nicht akzeptabel. Wir werden das nicht "
            "hinnehmen. He then left the room.")
    (f,) = run(ForeignSentence, [text])
    assert f.text == "Das ist nicht akzeptabel. Wir werden das nicht hinnehmen."


def test_a_framed_sentence_is_deliberate():
    assert run(ForeignSentence, ["Kennedy's most famous line came at the end. Ich bin ein "
                                 "Berliner, the crowd heard him say. It was 1963."]) == []
    assert run(ForeignSentence, ["The protesters' slogan was short. Wir bleiben alle hier. "
                                 "The police let them pass."]) == []
    assert run(ForeignSentence, ["The minister was blunt. Wir bleiben alle hier (We are all "
                                 "staying here). The police let them pass."]) == []


def test_sentence_masks_quotations_loans_and_numbers():
    def judge(text):
        return fs.sentence_language(ft.mask(text, ft.masked_spans(text, "en")), "en")
    assert judge("„Die Lage ist ernst“, 2024.") is None
    assert judge("'Die Lage ist ernst', 2024.") is None
    assert judge("*Die Lage ist ernst*") is None
    assert judge("Die Lage ist ernst.") == "de"
    assert judge("Status quo ante, per se.") is None
    assert judge("Veni, vidi, vici.") is None


# --------------------------------------------------------------------------- TQ703 phrases

PHRASES = [
    ("en", "es", "Jefes de Estado y de Gobierno",
     "The summit of the Jefes de Estado y de Gobierno ended on Friday without a statement."),
    ("en", "de", "die Zeitenwende der Bundesregierung",
     "The opposition leader sharply criticised die Zeitenwende der Bundesregierung in a speech."),
    ("de", "en", "breakthrough for the ceasefire talks",
     "Der Minister sprach von einem breakthrough for the ceasefire talks und reiste ab."),
    ("de", "en", "serious setback for the entire industry",
     "Der Betreiber sprach von einem serious setback for the entire industry und kündigte "
     "Entschädigungen an."),
]

# Names, titles, loan phrases and framed slogans that look like foreign word groups.
PHRASES_NATIVE = [
    ("en", "The Partido Popular and the Partido Socialista Obrero Español formed a coalition."),
    ("en", "Protesters gathered at the Plaza de Mayo and the Casa Rosada on Thursday."),
    ("en", "The Rassemblement National and La France Insoumise voted against the bill."),
    ("en", "The Suprema Corte de Justicia de la Nación issued its ruling on Monday."),
    ("en", "The Presidente del Consiglio dei Ministri, Giorgia Meloni, said she would stay."),
    ("en", "The Autoridad Nacional de los Servicios Públicos approved the tariff increase."),
    ("en", "Its alliance with the Union des démocrates pour la République raised eyebrows."),
    ("en", "The Comisión Nacional de los Mercados y la Competencia opened an investigation."),
    ("en", "The Partij van de Arbeid and the Volkspartij voor Vrijheid en Democratie lost."),
    ("en", "The crowd at the Oktoberfest sang Ein Prosit der Gemütlichkeit until late."),
    ("en", "The Gesetz zur Beschleunigung der Asylverfahren was passed in 2015."),
    ("en", "The Deutscher Gewerkschaftsbund and the Bund der Steuerzahler criticised the plan."),
    ("en", "Critics called it the so-called Zeitenwende der Bundesregierung, a phrase by Scholz."),
    ("en", "The protesters chanted 'Wir sind das Volk' as they marched through the city."),
    ("en", "The chant of Ni una menos echoed through the streets of Buenos Aires."),
    ("en", "The Museo Nacional Centro de Arte Reina Sofía houses Guernica."),
    ("en", "Analysts said the coup d'état had changed the status quo in the region for good."),
    ("en", "Ana de la Cruz y García, the mayor of San Juan de la Maraña, was re-elected."),
    ("de", "Das Album The Dark Side of the Moon erschien 1973 und wurde ein Welterfolg."),
    ("de", "Sie trat bei The Voice of Germany auf und erreichte das Finale."),
    ("de", "Der Economist nannte Deutschland einst the sick man of Europe."),
    ("de", "Die Serie House of the Dragon startet im Sommer bei Sky."),
    ("de", "Das Unternehmen setzt auf Learning by Doing und last but not least auf Teamarbeit."),
    ("de", "Die Pläne stehen unter dem Motto Leave no one behind for the whole region."),
    ("de", "Die Studie der University of Oxford wurde im Fachblatt The Lancet veröffentlicht."),
]


@pytest.mark.parametrize("doc_lang,want,phrase,text", PHRASES)
def test_foreign_phrase(doc_lang, want, phrase, text):
    assert [(text[s:e], lg) for s, e, lg in fp.phrases(text, doc_lang)] == [(phrase, want)]
    (f,) = run(ForeignPhrase, [text], doc_lang)
    assert f.text == phrase and f.severity.name == "INFO"


@pytest.mark.parametrize("doc_lang,text", PHRASES_NATIVE)
def test_not_a_foreign_phrase(doc_lang, text):
    assert fp.phrases(text, doc_lang) == []


def test_phrase_needs_a_sentence_in_the_article_language():
    # a whole foreign title line is not a word group inside a sentence
    assert fp.phrases("Je ne regrette rien de la vie", "en") == []


def test_no_langdetect_in_sentence_and_phrase_rules_on_plain_text(monkeypatch):
    def boom(text):
        raise AssertionError(f"langdetect called on {text!r}")
    monkeypatch.setattr(fs.langid, "probabilities", boom)
    monkeypatch.setattr(fl.langid, "probabilities", boom)
    for lang, lines in CLEAN_ARTICLES.items():
        for rule in (ForeignSentence, ForeignPhrase):
            assert run(rule, list(lines), lang[:2]) == []
