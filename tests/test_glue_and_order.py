"""TQ401 glued-words and TQ501 verb-final-clause: damage they must find, clean prose they must
leave alone, and their cost per article.

The clean prose below is ordinary news English and German written for these tests: reporting
clauses ("officials said"), passives and perfects that end in a participle ("was injured"),
reduced relatives ("the book he had written"), absolute constructions ("with Biden gone"),
German names, compounds, brands, URLs and abbreviations. Neither rule may flag any of it.
"""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from tqcheck.detectors.glued_word import GluedWords
from tqcheck.detectors.word_order import VerbFinalClause
from tqcheck.engine import build_document
from tqcheck.examples import problems, run
from tqcheck.model import Role
from tqcheck.registry import Context

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"

CLEAN_EN = """\
The Ukrainian grid operator ordered emergency shutdowns in five regions on Monday night, the third time this month.
In Kharkiv, around 300,000 households were without electricity for up to eleven hours, the regional administration said on Tuesday.
One person was injured and three airports were forced to suspend operations, officials in Moscow said.
The law was passed. Three people were killed. The game was postponed. He was injured.
The results, which were announced on Friday, were better than expected.
As reported, the talks ended without an agreement, and a new round has not been scheduled.
The book he had written in prison appeared in 1998. The man she had met in Vienna later became her husband.
Everything went as planned, a spokesman for the ministry confirmed.
The money spent on the project has never been accounted for, auditors found.
With President Biden gone, the Democrats regrouped around a new candidate.
With the deal done, both sides turned to the question of prisoners.
Trump wants the sanctions on Russia lifted, and he made his views on Ukraine known during the campaign.
Prices have over the past decade roughly doubled, according to the statistics office.
The empire had by the end of the war largely disappeared.
The plan was at the same time heavily criticised by the opposition.
A person familiar with the call said Trump had spoken to Putin several times.
People familiar with the matter said the meeting had been arranged weeks in advance.
Steven Cheung, Trump’s communications director, wrote in an email that the president-elect was ready to talk.
The article first appeared in The Washington Post and was translated by our staff.
Chancellor Olaf Scholz spoke with President Emmanuel Macron on Thursday, a government spokesman said.
The decision was taken at the summit in Brussels, diplomats said.
Police said the suspect had been arrested in Hamburg and was being questioned.
The company said its profits had risen by 12 percent, beating analysts’ forecasts.
Turnout was higher than in 2019, when only 61 percent of voters cast a ballot.
The minister, who had been criticised for weeks, resigned on Monday.
Several buildings were damaged and two people were taken to hospital.
It was the first time since 2014 that the two leaders had met in person.
The bridge, which was built in 1936, will be closed for repairs until spring.
Investigators believe the fire was started deliberately.
The bill is expected to be signed into law next week.
Negotiations have stalled, and no date has been set for the next round.
The ceasefire, agreed in Doha, has largely held.
She said she had never seen anything like it.
The votes are still being counted in several districts.
The players have been told to stay in their hotel rooms.
The vaccine, developed by BioNTech and Pfizer, was approved in December 2020.
The report was published by the Institute for the Study of War, a think tank based in Washington.
Ukraine launched a major drone strike on Moscow and five other Russian regions on Sunday.
Russia has made significant military progress in recent months.
The visit was criticised as a political stunt by the president’s allies.
The Ukrainian embassy in Washington did not immediately respond to a request for comment.
Ukrainian officials were informed of the call and had no objection, two people familiar with the matter said.
Zelensky is now examining candidates to replace her, an official in Kyiv said.
The Kremlin has repeatedly said it is open to talks, but only on its own terms.
Moscow initially reacted coolly to the election result.
Peskov did not immediately respond to a request for comment.
The troops were withdrawn in 2021 after a decade of fighting.
The documents were found in a box in the basement.
Many of the refugees have since returned home.
The station was built as a bomb shelter in the 1970s.
The ban has been in place since 2022.
Her husband, a retired teacher, was born in Leipzig.
The city’s mayor has been in office since 2014.
The agreement, signed in Minsk in 2015, was never fully implemented.
His contract runs until 2027, the club announced.
Kyiv says the weapons are needed to protect power plants.
The European Union has agreed on a new package of sanctions.
It remains unclear how many soldiers have been killed.
The strike was carried out by drones launched from the sea, the military said.
The photos were taken by a local photographer and shared on Instagram.
The conference is held every year in Munich.
The money has been frozen since the invasion began.
The goal was scored in the 89th minute.
The injured were taken to hospitals in Dnipro and Zaporizhzhia.
The deal is worth about 2.5 billion euros, people familiar with the negotiations said.
Siobhán O’Grady in Kyiv and Isabelle Khurshudyan in Los Angeles contributed to this report.
Ellen Nakashima is a national security reporter at The Washington Post.
He has reported from dozens of countries, including Ukraine, China, Afghanistan, India and Belarus.
Previously, he covered the White House for Politico and covered New York City Hall for the Wall Street Journal.
The measure passed the Senate by a vote of 52 to 48.
The protesters were dispersed by police using water cannon.
Most of the victims were civilians, the United Nations said.
The fire was brought under control after several hours.
The flight was delayed by two hours because of fog.
Scientists have long known that the glacier is shrinking.
A new law, which comes into force in January, will raise the minimum wage.
The painting was stolen in 1990 and has never been found.
The match was played behind closed doors.
Trump told NBC on Thursday that he had spoken to about 70 world leaders since the election.
The talks are being held in Istanbul, Turkish officials said.
The Bundestag voted on Friday to extend the mandate of the Bundeswehr in Lithuania.
The so-called Zeitenwende announced by Scholz in 2022 has reshaped German defence policy.
Merkel and Steinmeier attended the ceremony in Berlin, where the SPD and CDU leaders were also present.
The Energiewende has cost Germany billions, critics argue.
Germany’s Federal Constitutional Court, the Bundesverfassungsgericht, ruled on Tuesday.
The company, which is headquartered in Mainz, has grown rapidly since it was founded in 2008.
A spokeswoman for the Berlin police said the march had been peaceful.
The airline easyJet cancelled dozens of flights, while Ryanair and Lufthansa were less affected.
The videos were viewed more than two million times on YouTube and TikTok.
Donations can be made via PayPal or at www.example.org/donate.
Read more at washingtonpost.com or e-mail tips@example.com.
The G7 leaders met in Hiroshima; Japan’s prime minister hosted the summit.
NGOs and MPs criticised the COVID-19 rules and the 5G rollout, e.g. in rural areas.
The U.S. and the U.K. have pledged more aid, as have Canada and Australia.
Prof. Müller and Dr. Schmidt presented the study at 10 a.m. on Jan. 5.
The team’s striker, who joined from Fortuna Düsseldorf, scored twice.
The 23-year-old passed his medical in London on Thursday and signed a five-year contract.
The grid operator has on several occasions warned of shortages.
The court has in the past ruled against the government on similar questions.
The price of gas has since January fallen sharply.
The city has in recent years become a magnet for tech start-ups.
His government has at times been accused of ignoring the problem.
The team will in all likelihood be relegated.
Officials will on Monday present the new budget to parliament.
The plan is in line with the government's climate targets.
The president is in Kyiv for talks with Zelensky.
The summit is on Thursday in Brussels.
The meeting was on Tuesday at the Kremlin.
Prices were in some cases twice as high as a year ago.
She is at the moment the only candidate.
The answer is in the details the report left out.
He was at the time the youngest member of the cabinet.
The money was given to the man Trump appointed.
The hearing was adjourned after the judge in Manhattan intervened.
The suspect was arrested after police in Hamburg were alerted.
The bill was passed by the House and sent to the Senate.
The film was shot in Budapest and edited in London.
The building was damaged in the attack on Kharkiv and later demolished.
The statement was read out at the United Nations, where diplomats applauded.
The delegation was received at the White House.
The prize was awarded to the writer at a ceremony in Stockholm.
She was elected in 2019 and re-elected in 2024.
The museum was reopened in May after years of renovation.
A man who was injured in the attack in Kyiv died in hospital.
Those who were evacuated from Sumy were taken to Poltava.
Everything the company tried in Asia failed.
The deal, first reported by Reuters, was confirmed by the ministry.
The plan was first proposed in Berlin and later adopted in Brussels.
The vote was held in Strasbourg, and the motion was rejected.
Two soldiers were killed and three others injured.
Dozens were arrested and several injured.
The report has been seen by The Guardian.
The project, launched in 2020 with money from Brussels, has been widely praised.
It has been a difficult year, the coach admitted.
The order has been given.
The decision has been taken.
The game has been won.
The war is not over yet, the general warned.
We will not be intimidated, she said.
Nothing has been decided, a spokesman said.
The suspects had been under surveillance for months.
Germany and France have long been at odds over nuclear power.
The commission is expected to publish its findings in the spring.
Ceasefire in Gaza broken
Painting from Louvre stolen
Record at Berlin Marathon broken
Ban on TikTok lifted
Suspect in Solingen attack taken into custody
Three killed in Kyiv, dozens injured
Village near Bakhmut retaken, Ukraine says
Trump to meet Putin in Alaska
Merz: Germany will not send Taurus missiles to Ukraine
Warning from Kremlin ignored
Body of missing hiker found in the Alps
Hostages from Kibbutz Be’eri freed
Zelensky in Washington: talks with Trump ended without a deal
Inflation has for the first time this year fallen below two percent.
Unemployment has since January risen slightly.
The company has in recent years shifted production to Asia.
Germany has in Merz a chancellor who wants to lead in Europe.
The party has in Friedrich Merz a leader voters trusted.
He was replaced by the man Putin trusted.
The deal Putin wanted never materialised.
The judge Obama nominated was never confirmed.
The law Congress passed in 2022 is now being challenged.
The report was commissioned by the ministry Habeck led.
The speech was delivered at the event the CDU organised.
It was founded by the Social Democrats the Nazis banned.
Everything went as Moscow had planned.
The talks went better than Berlin had expected.
The plan failed, as Kyiv had feared.
“We have spoken,” Putin said after the meeting.
“Russia has gone too far,” the chancellor said.
The people with whom Trump had spoken declined to comment.
Those who had met Putin described him as well informed.
With Putin gone from the summit, the mood changed.
Trump, with Putin gone, turned to the Chinese delegation.
The film, directed by Christopher Nolan, was shown at the Venice festival.
The novel “The Remains of the Day” was written by Kazuo Ishiguro.
The letter, written in English, was sent to the White House.
The house where Goethe was born is now a museum.
The ship was sunk by a Ukrainian drone in the Black Sea.
The agreement, which had been negotiated in Istanbul, collapsed in July.
The bridge to Crimea was hit twice, in 2022 and in 2023.
The game against Bayern Munich was won in extra time.
The record was broken at the European Championships in Rome.
The match in Dortmund was called off because of heavy rain.
The results from Bavaria and Hesse were announced late on Sunday.
The sanctions on Russia were extended for six months.
The prisoners from Belarus were released on Thursday.
The minister from Lower Saxony resigned.
The delegation from Kyiv arrived in Riyadh on Monday.
The flight from Frankfurt landed safely.
The protest in Tbilisi continued late into the night.
The decision by the Federal Reserve surprised markets.
Prices in Germany rose by 2.2 percent in November.
Officials in Brussels and Berlin welcomed the decision.
Analysts at Deutsche Bank expect a recession.
A spokesman for the Kremlin declined to comment.
Residents of Kharkiv spent another night in shelters.
Reporters at the Guardian obtained the documents.
A court in Leipzig acquitted him.
Voters in Thuringia went to the polls on Sunday.
Police in Hamburg arrested two men.
The man in Munich died.
Scientists at the Max Planck Institute published the study.
Three soldiers from Ukraine were trained in Germany and returned.
Most of the money from Washington has already been spent.
The aid from Brussels was approved after months of delay.
Kyiv has long asked for more air defence from Berlin and Washington.
The Bundesbank has in its latest report warned of a recession.
The chancellor will on Friday travel to Paris, where he will meet Macron.
The government will in the coming weeks decide whether to extend the scheme.
The court will on Monday hear arguments from both sides.
The leaders will at the summit discuss trade, climate and migration.
Ministers could by the end of the year agree on a new budget.
The vote, which was held in Strasbourg on Tuesday, was close.
The statement was issued in English and in French.
It was written in 1945 and published in 1946.
He was educated at Eton and Oxford.
She was trained as a lawyer in Hamburg and worked in London.
The plan was drawn up in Washington and approved in Kyiv.
The treaty was signed in Paris and ratified in Berlin.
The order was given by the commander in Donetsk.
The decision was made by the cabinet in Berlin.
The tour was cancelled after the singer fell ill in Vienna.
The document was leaked after the meeting in Geneva ended.
The election was won by the Social Democrats, who had been trailing in the polls.
He was elected mayor of Kyiv in 2014 and re-elected in 2015 and 2020.
The team was founded in Kiel in 1900 and moved to its current stadium in 1911.
The clip was shared on X, formerly Twitter, where it was viewed millions of times.
That is what Trump said he would do if he won the election.
It is not clear whether the government in Kyiv would accept such a deal.
He said that the talks in Geneva had been constructive.
She warned that the city would run out of water by October.
They said that the capital would have water only until the end of October at current consumption.
Critics say that the plan would cost too much.
If the court in Karlsruhe rules against the government, the budget will have to be rewritten.
Because the bridge was damaged, trains to Odesa were diverted.
Although the government in Berlin has promised help, little has arrived.
While the war in Ukraine goes on, the talks in Riyadh continue.
As the president of Ukraine has said many times, there can be no peace without security.
When the results from Saxony came in, the party’s leaders were stunned.
After the attack on the Christmas market in Magdeburg, security was tightened.
Before the war, the plant in Zaporizhzhia supplied a fifth of Ukraine’s electricity.
The question is whether Europe can afford what Washington would not.
It is more than the government would have liked.
He knows more about Russia than anyone in Washington would admit.
The company has over the years acquired dozens of rivals in Europe.
She has in her career played for clubs in Madrid, Munich and Milan.
The party has in the past been accused of ties to Moscow.
He has on occasion criticised his own government.
The government has for months refused to comment on the deal.
The region has since the war began lost half its population.
The EU has at the same time pledged more aid to Kyiv.
Russia has in the meantime moved more troops to the border near Kharkiv.
The price has during the past year doubled.
The ministry has with immediate effect suspended the contract.
The court has in a landmark ruling struck down the law.
The team has at home won every game this season.
The club has with Tkachenko signed its most expensive player.
The airline has at Frankfurt airport cancelled 200 flights.
The chancellor has in an interview with ARD defended the decision.
The minister has in a letter to the committee apologised.
The police have in Berlin arrested three suspects.
The tourists were at the time of the attack in the hotel.
Prices have at the pump risen sharply.
The vote has at the last minute been postponed.
The victims have in most cases been identified.
It has in recent weeks become clear that the plan has failed.
The company has in Germany 5,000 employees and in Austria 800.
The country has in Scholz a chancellor the voters of Bavaria distrusted.
The players have on the pitch given everything.
The man had on the way to work in Hamburg been attacked.
We the People of the United States ordained this Constitution.
Was he the first to know? Is she a candidate? Were they the only ones?
Everyone I asked had. Not everyone invited has.
The files affected are: the manual and the changelog.
Nobody knows where the money required is.
He said that he had sent the invitations only after long hesitation.
They asked whether the man the police arrested had a gun.
She admitted that she had given the documents to the committee.
It is not clear when they the next time meet, but soon.
The coast guard boarded a tanker off the coast on Tuesday night.
The ship was anchored off the coast of Gotland, where it had been boarded.
The tanker was off the coast for three days.
Prices are below the level the central bank targeted.
Growth was above the forecast economists had predicted.
Shares were at the price analysts at Deutsche Bank predicted.
Inflation was below the level economists in Frankfurt expected.
Turnout was above the level pollsters in Berlin had expected.
The yacht was off the island the Kennedys owned.
The operator said the costs were estimated at several million euros.
Officials said the spokesman told reporters the plan was sound.
The Gtk.Window class and the decimal.Decimal type are documented; a window opens.
Contact Florian.Weimer at example.org or Florian Weimer directly.
The war against Ukraine. Vorontsov replied later.
The soothsayers had foretold it, the naysayers said; the aforesaid plan was left unsaid.
"""

CLEAN_DE = """\
Die ukrainische Netzgesellschaft hat am Montagabend zum dritten Mal in diesem Monat Notabschaltungen in fünf Regionen angeordnet.
Das Bundesverfassungsgericht hat die Klage abgewiesen, wie ein Sprecher in Karlsruhe mitteilte.
Die Energiewende kostet viel Geld, sagen Kritiker – doch die Bundesregierung hält am Kurs fest.
Gleitbomben und Drohnenangriffe haben in Charkiw zahlreiche Wohnhäuser zerstört.
Der Drohnenangriff auf die Hauptstadt war der bisher größte seit Kriegsbeginn.
Bundeskanzler Olaf Scholz sprach am Donnerstag mit Präsident Emmanuel Macron.
„Wir werden nicht nachgeben“, sagte Selenskyj in seiner abendlichen Videoansprache.
Die LehrerInnen und SchülerInnen protestierten vor dem Rathaus.
Mit der BahnCard 50 sparen Reisende die Hälfte, teilte die Deutsche Bahn mit.
Die Sendung läuft auf ZDFneo und in der ZDF-Mediathek, z.B. am 3.Oktober um 20.15 Uhr.
Laut Prof.Müller vom Max-Planck-Institut kostet das Projekt rund 3,5 Mio. Euro.
Weitere Informationen gibt es unter www.bundesregierung.de oder per E-Mail an presse@example.de.
Die Bundeswehr hat ihre Präsenz in Litauen verstärkt, bestätigte das Verteidigungsministerium.
Das iPhone, eBay und PayPal sind auch in Deutschland sehr beliebt.
Der Konzern BioNTech aus Mainz hat im vergangenen Jahr weniger Umsatz gemacht.
Die Grünen und die FDP stritten über das Heizungsgesetz, die SPD vermittelte.
Nach Angaben der Polizei wurden zwei Menschen leicht verletzt.
Der 23-Jährige hat am Donnerstag den Medizincheck in London bestanden.
Die Bürgerinnen und Bürger können ab Montag online abstimmen.
Der Landtag in Düsseldorf debattierte am Mittwoch über den Haushalt.
Die Stadtwerke München erhöhen zum 1. Januar die Strompreise.
Der Bundesrat stimmte dem Gesetz zu, womit es im Frühjahr in Kraft treten kann.
Bei der Wahl erreichte die CDU/CSU 28,5 Prozent, die AfD kam auf 20,8 Prozent.
Die Zeitenwende hat die deutsche Sicherheitspolitik grundlegend verändert.
Der Konzern ThyssenKrupp will Tausende Stellen streichen.
"""


def _findings(detector, text: str, lang: str) -> list:
    lines = [ln for ln in text.splitlines() if ln.strip()]
    return run(detector, lines, lang)


def _show(findings) -> list[str]:
    return [f"line {f.line}: {f.text!r} ({f.message})" for f in findings]


# ------------------------------------------------------------------ examples and metadata
@pytest.mark.parametrize("detector", [GluedWords, VerbFinalClause])
def test_examples_hold(detector):
    assert detector.meta.problems() == []
    for example in detector.meta.examples:
        assert problems(detector, example) == [], example.text


@pytest.mark.parametrize("detector", [GluedWords, VerbFinalClause])
def test_enough_examples(detector):
    kinds = [e.kind for e in detector.meta.examples]
    assert kinds.count("bad") >= 3 and kinds.count("good") >= 4


# ------------------------------------------------------------------ clean prose stays quiet
@pytest.mark.parametrize("detector", [GluedWords, VerbFinalClause])
def test_clean_english_is_quiet(detector):
    assert _show(_findings(detector, CLEAN_EN, "en")) == []


@pytest.mark.parametrize("detector", [GluedWords, VerbFinalClause])
def test_clean_german_is_quiet(detector):
    assert _show(_findings(detector, CLEAN_DE, "de")) == []


def _fixture_paths(kind: str) -> list[Path]:
    return sorted((FIXTURES / kind).glob("*.txt"))


@pytest.mark.parametrize("path", _fixture_paths("clean"), ids=lambda p: p.name)
@pytest.mark.parametrize("detector", [GluedWords, VerbFinalClause])
def test_clean_fixtures_are_quiet(detector, path):
    doc = build_document(path.read_text(encoding="utf-8"), doc_id=path.stem, source=str(path))
    ctx = Context(detector.meta, detector.meta.severity)
    detector().check(doc, ctx)
    assert _show(ctx.findings) == []


# ------------------------------------------------------------------ glued words
@pytest.mark.parametrize("text,lang,flagged,suggestion", [
    ("Ukraine may have to give up territory, such as the Creamfor which peace must be given up.",
     "en", "Creamfor", None),
    ("The talks ended, the presidentThe next round is planned.", "en", "presidentThe",
     "president. The"),
    ("Nothing was agreed, a spokesman said.The talks go on.", "en", "said.The", "said. The"),
    ("The club won the title last season.The coach stays.", "en", "season.The", "season. The"),
    ("The ministry met officials inthe capital.", "en", "inthe", "in the"),
    ("They landed inKyiv on Monday.", "en", "inKyiv", "in Kyiv"),
    ("Trump spoke with PutinThe call lasted an hour.", "en", "PutinThe", "Putin. The"),
    ("Die Frist endet am Freitag, wie mitgeteilt wird.Beide Seiten schweigen.", "de",
     "wird.Beide", "wird. Beide"),
    ("Der Minister sprach von Geheimhaltung.Grundsätzlich sei alles geklärt.", "de",
     "Geheimhaltung.Grundsätzlich", "Geheimhaltung. Grundsätzlich"),
    ("El presidente habló con el Estado.El Gobierno no comentó la reunión ayer.", "es",
     "Estado.El", "Estado. El"),
    # a frequent word + a reporting verb: English builds no compound ending in "said"
    ("The costs are estimated at a few million euros, the operatorsaid.", "en", "operatorsaid",
     "operator said"),
    ("The plan will fail, the spokespersonwarned on Monday.", "en", "spokespersonwarned",
     "spokesperson warned"),
    ("Nobody was hurt, a prosecutorssaid.", "en", "prosecutorssaid", "prosecutors said"),
])
def test_glue_found(text, lang, flagged, suggestion):
    found = run(GluedWords, [text], lang)
    assert [(f.text, f.suggestion) for f in found] == [(flagged, suggestion)]


@pytest.mark.parametrize("text,lang", [
    ("Alie Skowronski/Imago, Oksana Markarova, Pavel Zarubin and Belgorod officials.", "en"),
    ("Visit Washingtonpost.com, example.com/News.Today, press@example.com or #KharkivLives.", "en"),
    ("iPhone, YouTube, PayPal, McDonald’s, eBay, LinkedIn, TikTok, OpenAI and BioNTech.", "en"),
    ("NGOs, MPs, 10km, 5G, COVID-19, President-elect, rock ’n’ roll and the ’90s.", "en"),
    ("The file report.pdf and version 2.3.Beta were released on Node.js.", "en"),
    ("Long German compounds: Bundesverfassungsgericht, Gleitbomben, Drohnenangriff.", "en"),
    ("The Landtag, the Bundestag, the Mittelstand and the Energiewende were discussed.", "en"),
    ("Fortuna Kiel sold Mykola Tkachenko; Iryna Savchuk sang in Universytet station.", "en"),
    ("Gleitbomben, Drohnenangriff, Bundesverfassungsgericht, Wohnungsbaugesellschaft.", "de"),
    ("SchülerInnen und LehrerInnen, ProSieben, BahnCard, ZDFneo, eBay-Kleinanzeigen.", "de"),
    ("Mit Dr.Schmidt und Prof.Müller, bzw.Frau Meier, z.B.Herr Krause, ca.Hundert.", "de"),
    ("Rechtsanwalt Mr.Smith said Mrs.Jones and Gov.Newsom agreed, etc.", "en"),
])
def test_glue_quiet(text, lang):
    assert _show(run(GluedWords, [text], lang)) == []


# a stop with no space before a name: the name must be the article's (rare, used elsewhere in
# mid-sentence, never in lowercase) and a sentence of prose must end before the stop
NAME_ARTICLE = [
    "Ilya Vorontsov spoke in the hall of a hotel in Vilnius on Friday.",
    "Another delegate demanded that the council distance itself from the war against "
    "Ukraine.Vorontsov replied that the council had condemned it.",
    "A close associate of Vorontsov said the mood was tense.",
]


def test_glue_name_after_stop():
    found = run(GluedWords, NAME_ARTICLE, "en")
    assert [(f.text, f.suggestion) for f in found] == [("Ukraine.Vorontsov", "Ukraine. Vorontsov")]


@pytest.mark.parametrize("changes", [
    # used nowhere else in mid-sentence
    [(0, "Ilya Vorontsov spoke", "Vorontsov spoke"), (2, "A close associate of Vorontsov",
                                                      "Vorontsov")],
    # quoted: a program name
    [(1, "against Ukraine.Vorontsov", "against “Ukraine.Vorontsov”")],
    # no sentence of prose before the stop
    [(1, "Another delegate demanded that the council distance itself from the war against ", "")],
    # the word before the stop is no word (an abbreviation of a program library)
    [(1, "against Ukraine.Vorontsov", "against Gtkx.Vorontsov")],
    # one name written both ways: a mail address or user name
    [(1, "against Ukraine.Vorontsov", "against Ilya.Vorontsov")],
    # the article also writes it in lowercase: a common word
    [(0, "Ilya Vorontsov spoke", "Ilya vorontsov spoke")],
])
def test_glue_name_after_stop_needs_all_evidence(changes):
    lines = list(NAME_ARTICLE)
    for i, old, new in changes:
        assert old in lines[i]
        lines[i] = lines[i].replace(old, new)
    assert _show(run(GluedWords, lines, "en")) == []


@pytest.mark.parametrize("word", ["Window", "Settings", "Value"])
def test_glue_name_after_stop_common_word(word):
    """Class and module names are common words (Window, Settings), not rare names."""
    lines = [ln.replace("Vorontsov", word) for ln in NAME_ARTICLE]
    assert _show(run(GluedWords, lines, "en")) == []


def test_glue_in_every_role():
    roles = (Role.HEADLINE, Role.CAPTION, Role.AUTHOR_BIO)
    found = run(GluedWords, ["Talks ended.The next round", "Photo: presidentThe crowd",
                             "She covers Creamfor which stories"], "en", roles)
    assert [f.text for f in found] == ["ended.The", "presidentThe", "Creamfor"]


# ------------------------------------------------------------------ verb-final clauses
@pytest.mark.parametrize("text,flagged", [
    ("The US President-elect Donald Trump on Thursday (November 7) with the Russian President "
     "Wladimir Putin spoken.", "with the Russian President Wladimir Putin spoken"),
    ("The 23-year-old has on Thursday the medical examination in London passed and signed.",
     "has on Thursday the medical examination in London passed"),
    ("The grid operator has on Monday night for the third time this month emergency shutdowns "
     "in five regions ordered.",
     "has on Monday night for the third time this month emergency shutdowns in five regions "
     "ordered"),
    ("This article was first published in English on November 11, 2024 at the "
     "“Washingtonpost.com“ appeared – as part of a cooperation.",
     "at the “Washingtonpost.com“ appeared"),
    ("The chancellor will on Friday in Paris with President Macron meet.",
     "will on Friday in Paris with President Macron meet"),
    ("Scholz has on Wednesday with Macron spoken.", "has on Wednesday with Macron spoken"),
    ('The president has with Putin spoken.',
     'has with Putin spoken'),
    ('The talks were on Monday in Geneva resumed.',
     'were on Monday in Geneva resumed'),
    ('He will in Berlin with the chancellor meet.',
     'will in Berlin with the chancellor meet'),
    ('The minister would on Friday at the summit in Brussels the plan present.',
     'would on Friday at the summit in Brussels the plan present'),
    ('The government had in the summer of 2022 the gas storage in Rehden filled.',
     'had in the summer of 2022 the gas storage in Rehden filled'),
    ('The band had in 1998 a single in Kyiv recorded.',
     'had in 1998 a single in Kyiv recorded'),
    ('Thousands were at the rally in Leipzig gathered.',
     'were at the rally in Leipzig gathered'),
    ('The film is at cinemas across Germany shown.',
     'is at cinemas across Germany shown'),
    ('He is at the moment in Kyiv stationed.',
     'is at the moment in Kyiv stationed'),
    ("The minister has yesterday the new budget in Parliament presented.",
     "has yesterday the new budget in Parliament presented"),
    # "off" is a preposition: "off the coast of Porkkala" is a phrase after the object
    ("The coast guard has on Tuesday night a tanker off the coast of Gotland boarded.",
     "has on Tuesday night a tanker off the coast of Gotland boarded"),
    # a subject pronoun directly followed by a determiner, the verb at the end of the clause
    ("He admits that he the invitations to the congress only after long hesitation sent had.",
     "he the invitations to the congress only after long hesitation sent had"),
    ("The ministry said that it regretted, because they the letters too late received.",
     "they the letters too late received"),
    ("She warned that if she the report to the committee send would, it would leak.",
     "she the report to the committee send would"),
    # a sub-clause that ends in participle + have after an object and a phrase
    ("Officials said that the ministry in the spring the contracts with the supplier signed had.",
     "that the ministry in the spring the contracts with the supplier signed had"),
    # pronoun + determiner without a verb at the end: no evidence of verb-final order
    ("He said that he the next morning would leave for Kyiv.", None),
    # documented misses: the object right before the verb reads like a reduced relative,
    # and no preposition follows the auxiliary
    ("The minister has yesterday in Berlin the new budget presented.", None),
    ("The minister has the new budget on Monday presented.", None),
])
def test_verb_final_found(text, flagged):
    found = run(VerbFinalClause, [text], "en")
    if flagged is None:  # documented miss: no preposition right after the auxiliary
        assert found == []
    else:
        assert [f.text for f in found] == [flagged]


def test_verb_final_only_english():
    text = "Der Präsident hat am Donnerstag mit Putin gesprochen."
    assert run(VerbFinalClause, [text], "de") == []


def test_verb_final_roles():
    assert Role.SYNDICATION_NOTICE in VerbFinalClause.meta.roles
    assert Role.AUTHOR_BIO not in VerbFinalClause.meta.roles


# ------------------------------------------------------------------ ground truth
def _labels(path: Path) -> dict:
    import json

    return json.loads(path.with_name(path.stem + ".labels.json").read_text(encoding="utf-8"))


def _family_hits(detector, path: Path, family: str):
    doc = build_document(path.read_text(encoding="utf-8"), doc_id=path.stem, source=str(path))
    ctx = Context(detector.meta, detector.meta.severity)
    detector().check(doc, ctx)
    lines = path.read_text(encoding="utf-8").splitlines()
    labels = _labels(path)
    wanted = [a for a in labels.get("artifacts", []) if a["kind"] == family]
    allowed = wanted + [a for a in labels.get("acceptable", []) if a["kind"] == family]

    def overlaps(f, a):
        i = lines[a["line"] - 1].find(a["text"])
        return f.line == a["line"] and (i < 0 or (f.start < i + len(a["text"]) and i < f.end))

    missed = [a["text"] for a in wanted if not any(overlaps(f, a) for f in ctx.findings)]
    wrong = [f.text for f in ctx.findings if not any(overlaps(f, a) for a in allowed)]
    return missed, wrong


LABELLED = sorted(FIXTURES.glob("*/*.labels.json"))


@pytest.mark.parametrize("labels", LABELLED, ids=lambda p: p.name)
def test_fixtures_no_false_positives(labels):
    path = labels.with_name(labels.name.replace(".labels.json", ".txt"))
    for detector, family in ((GluedWords, "glued_word"), (VerbFinalClause, "word_order")):
        _, wrong = _family_hits(detector, path, family)
        assert wrong == [], f"{detector.meta.code} false positives in {path.name}"


@pytest.mark.parametrize("labels", LABELLED, ids=lambda p: p.name)
def test_fixture_recall(labels):
    """Every labelled glued word and verb-final clause in the fixtures is found, including the
    holdout articles written after the rules (en-mt-baltic-cable, en-mt-exile-congress)."""
    path = labels.with_name(labels.name.replace(".labels.json", ".txt"))
    for detector, family in ((GluedWords, "glued_word"), (VerbFinalClause, "word_order")):
        missed, _ = _family_hits(detector, path, family)
        assert missed == [], f"{detector.meta.code} missed {missed} in {path.name}"


def test_seed_recall():
    seed = FIXTURES / "seed" / "presssplit-seed.txt"
    for detector, family in ((GluedWords, "glued_word"), (VerbFinalClause, "word_order")):
        missed, _ = _family_hits(detector, seed, family)
        assert missed == [], f"{detector.meta.code} missed {missed}"


# ------------------------------------------------------------------ speed
def test_speed_per_article():
    """Each rule must stay far below 0.3 ms per 1,000-word article (measured loosely here; the
    benchmark belongs in scripts/bench.py)."""
    seed = (FIXTURES / "seed" / "presssplit-seed.txt").read_text(encoding="utf-8")
    doc = build_document(seed, doc_id="seed", source="seed")
    words = sum(len(b.text.split()) for b in doc.blocks)
    for detector in (GluedWords, VerbFinalClause):
        det = detector()
        det.check(doc, Context(detector.meta, detector.meta.severity))  # warm caches
        n = 50
        t = time.perf_counter()
        for _ in range(n):
            det.check(doc, Context(detector.meta, detector.meta.severity))
        per_1000 = (time.perf_counter() - t) / n * 1000 / words * 1000
        assert per_1000 < 1.0, f"{detector.meta.code}: {per_1000:.3f} ms per 1,000 words"


def test_glue_spans_stay_right_when_lowercasing_changes_length():
    """'İ'.lower() is two characters: positions found in the lowered text must still be the text's."""
    from tqcheck.detectors.glued_word import GluedWords
    from tqcheck.examples import run
    for prefix in ("İİİİ ", "İ" * 40 + " "):
        line = prefix + "The council said it wanted to protect Creamfor decision makers in the region."
        assert [f.text for f in run(GluedWords, [line], "en")] == ["Creamfor"]
