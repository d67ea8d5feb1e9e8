"""Who or what a figure is about: named mentions found with lexical cues.

German capitalises every noun, and nothing installable offline ships German NER,
so a name is told from a common noun by what the article itself shows
(claimcheck/lang/de/claims.toml holds the word lists):

- strong cues make a name: internal capitals (TikTok, ByteDance), acronyms (RKI,
  EU), a region prefix (US-Regierung, EU-Haushalt; not a listed non-name,
  "BIP-Anstieg"), a listed place or its genitive (Österreich, "Italiens Banken"),
  a listed organisation, also after an article, of several words and inflected ("die Lufthansa",
  "die Grünen", "des Statistischen Bundesamtes", shown as listed: "Statistisches Bundesamt");
  an acronym heading a plural compound is a name ("MPS-Aktien" -> MPS);
- a capitalised word is a common noun when it follows a determiner (possibly
  with lowercase adjectives, and adverbs before them, between: "den chinesischen
  Mutterkonzern", "alle weltweit dokumentierten Vorkommen"), follows a figure
  ("100 Millionen Nutzer"), has a noun ending (-ung, -heit, ...), is seen in
  lowercase elsewhere in the article ("Laut" / "laut"), or is a generic noun
  ("Unternehmen") or title ("Präsident"); a one-word name whose plural the
  dictionary knows ("unter Quarantäne", "seit Jahresbeginn"; "für junge Kunst" by its
  umlaut plural "Künste", unless the word before opens a name with it) is dropped unless it
  is part of a longer name or written after the same noun twice, which then opens the name
  ("Aktion Mensch"; no person's name, so "seiner" never refers to it); any one-word name
  written twice after the same capitalised word that is no title or generic noun opens
  with it too ("Initiative Querdenken", "George Hotz"; not "Bezirk Deutschlandsberg"); a word
  neither the German nor the English dictionary knows, whole or as a compound ending in a
  known word, is a coined name even after an article ("Der Bocusini", "die Öbib");
- what heads a title compound is a name even after an article ("Dehoga-Chefin"
  makes "der Dehoga" a name);
- a sentence-initial word is a name only with a strong cue, when the article
  uses it as a name elsewhere, or when it stands bare before a finite verb in the
  singular and the dictionary knows it as no lowercase word and no noun with a
  plural ("Lufthansa hat", "Zalando meldete"; not "Heute ist", "Strom kostet"), two such
  words together ("Bill Gates spendete"); a word after a generic noun is a name even when
  written once ("die Stadt Wesel", "60.000-Einwohner-Stadt Wesel",
  "Schienenfahrzeugmesse Innotrans"); a word before a month is none ("Mitte
  Mai"); a capitalised "-isch" adjective joins the name after it ("Europäische
  Union"), and a name goes on over particles ("Ursula von der Leyen"; not to a place
  or a name of two words: "Richard Cassidy von Alert Logic" is two names); a city's
  adjective names the city ("Wiener Kriminalisten" -> Wien, not counted towards
  the topic);
- a name counts as a location after "in", "aus" ...; also in brackets after a
  location ("in Charlotte (North Carolina)") and inside an attribute ("in der an
  Iran angrenzenden Provinz", "das von der Ministerin X vorgeschlagene Volumen");
- a source is a name the article cites for its figures ("laut RKI", "RKI zufolge",
  "nach RKI-Angaben", "den Recherchen von ZEIT ONLINE zufolge"); issue 4's rule 5
  makes a count about the place it is for, so sources are passed over as subjects,
  and as the topic where the article names a place.

The subject of a figure, in this order:
0. a weekday a source published on stays with the source where the sentence names
   no place ("meldete das RKI am Sonntag"; not "laut RKI am Mittwoch", the count's day); a day or month right after a known
   event is the event's date ("bei der Wahl am 11. Oktober"; a plain "Wahl" stands
   for the last compound of its kind, "Wien-Wahl"); counts sent to a source are
   the source's where no place is named ("an das RKI übermittelt");
1. coordinated figures take coordinated names in order ("mit 3.636 und 2.940 in
   Nordrhein-Westfalen und Bayern", "die Kreise Zwickau und Region Hannover"); a
   figure in brackets belongs to the name before it ("in Oberösterreich (1,8
   Prozent)"), a figure alone in a clause opened by a place to the place ("In Bayern gab
   es 289 Fälle, in Sachsen 216"); a group or name in the genitive after the figure holds it ("33,47
   Prozent der Asylwerber", "Veranstaltung der Demokraten"; not an abstract noun,
   "Prozent der Wirtschaftsleistung"), and an elliptic figure after it shares it;
   a count of people, cases or deaths is about the place heading the sentence or
   the location after it ("seien 50 Menschen alleine in Qom gestorben");
2. in an article led by one person (its topic is a person named more often than
   any other name), a sentence that refers to that person ("er", "sie ist",
   "seine", "der Musikproduzent") is about that person;
3. a sentence opening with "Der" and a description of someone before the figure
   ("Der rote Jungstar ..., der 1.800 Stimmen erreichte") refers to the first name
   acting in the sentence before; else the nearest name in the sentence that is
   not only a location ("in den USA"; a place heading the sentence, "In Qom ...",
   counts, unless a generic noun for a body named before is the sentence's actor:
   "In China verkaufte der Konzern ..."), or the name it qualifies after "von" ("Die ÖVP von Bundeskanzler Karl
   Nehammer kam auf 26,3 Prozent": ÖVP); a role alone ("der US-Präsident") stands for the name written with it
   earlier;
4. else a generic noun in the sentence resolved to its antecedent ("die
   Plattform" -> the name last seen after "...plattform", "Videoplattform
   TikTok"; a kind no apposition named: the topic), or the compound itself where it
   names one body ("das Innenministerium", "im Impfzentrum"; not "Ausland", nor a
   company's kind, "der Online-Versandriese"), unless that body reports
   the count in the sentence ("hatte das Gesundheitsministerium acht Tote
   gemeldet") and the article names a place;
5. else a location in the sentence; else, in a sentence opening with a pronoun
   ("Es soll 150 Meter hoch werden"), what the sentence before is about: its
   quoted title or first acting name (issue 4's rule 4); else the article's topic:
   its most-mentioned name, the title and lead counting twice (names and compound
   bodies alike), a place named only as a location half, country adjectives
   counting for the country, compound bodies counting under their base form ("des
   Innenministeriums").

Measured on the annotated articles (eval/eval_claims.py), taking the previous
sentence's subject or the paragraph's most-mentioned name where a sentence names
nothing, preferring the name heading the sentence, and passing over sources
("laut RKI") all scored lower than the rules above on the first gold. On the
adjudicated gold (0.619: a 0.671, b 0.567) these scored lower: the last or first
name of the 1 to 3 sentences before a sentence naming none instead of the topic
(0.575 to 0.602), quoted speakers ("sagt Wifo") as sources (0.595), a plain
generic noun with no antecedent as written ("das Ministerium", 0.582), no body
for a compound after an indefinite article (0.604). In the third pass (0.704: a
0.732, b 0.674; all rules were written looking at both halves, so these are no
held-out figures) these scored lower: a group noun in a sentence naming nothing
("Patienten", "Mitarbeiter", 0.635), the article's home country instead of the
topic there (0.670), the sentence before for every sentence naming nothing (not
only after a pronoun, 0.690), city adjectives counting half towards the topic
(0.690), an event noun anywhere in a date's sentence (0.653), a description after
"Die"/"Das" too ("Die Werbung", 0.697); a name right after
the figure passed over as the counted thing ("857 Millionen SMS") and event
compounds counting towards the topic changed nothing. A listwise ranker over
candidates() (which also offer the article's home country, quoted titles and
group nouns: a right candidate exists for a 0.864, b 0.866) fitted on one
annotator's half did not beat the rules on the other in both directions
(eval/fit_subjects.py); candidates() and that script are kept for the next try.

Fourth pass (issue 4's subject target), rules written reading annotator a's errors
only, then measured once on b: a 0.732 -> 0.794, b HELD-OUT 0.671 -> 0.640.
- a name after "- unter dem" is no common noun (a relative clause opens after a dash
  too: "Barack Obama - unter dem Biden Vizepräsident war -");
- "auf EU-Ebene" names a level, not a body (level_nouns in claims.toml), and a colon
  that opens a new main clause parts the names of a sentence from its figures
  ("Auf EU-Ebene ist vereinbart, ...: Im Vorjahr machte dieser Anstieg 0,1 Prozent
  aus"; also the generic noun before it, "Im Stabilitätsprogramm ... auf: Demnach");
- a sentence opening with "Davon", "Es" ... continues the body the sentence before
  names by a compound where it names no acting name ("einen Corona-Rettungsfonds");
- a sentence about cases or deaths that names nothing continues the place of the
  nearest of the three sentences before that names one ("die Zahl der Toten in Qom"
  ... "250 Patienten"), not the topic;
- a year right after "von" dates what is named before it ("der Maastricht-Vertrag
  von 1992");
- a plain event noun stands for the compound of its kind written later too ("die
  Wahl am 3. November" ... "Präsidentschaftswahl");
- claimcheck/lang/de/institutions.toml: institutions, the generic nouns they go by
  and their country; "das Institut" after "laut RKI" is the RKI (also for the day
  it published on).
Then, looking at b (so these are no held-out figures; a 0.798, b 0.738): the place
before only from a sentence that names one name ("die Kreise Zwickau und Region
Hannover" names two: the count is the topic's); a body compound is no name that ends
like one ("in Deutschland"); no plain "Bank" kind for a central bank; "dort" bridges
a colon; an article that cites a listed institution as its source falls back to the
institution's country where its topic is no place ("laut RTR ... 857 Millionen SMS"
-> Österreich); a name right after a figure is what it counts, not its holder; a
generic noun in apposition to a source is passed over like the source; a quoted
work before "von <year>" is what the year dates ("„Strange Weather“ von 1987"; not
a medium, "in der „New York Times“ von 2017"); a name right after any figure of the
sentence is what that figure counts; a spaced dash parts a sentence like a colon
("1,5 Prozent – und zwar ..., allen voran in Oberösterreich (1,8 Prozent)"); "Er" or
"Sie" opening a sentence after one led by another person refers to that person, not
the article's (a 0.798, b 0.756). From a's errors again: a case count continues a
place the sentence before names only by a common noun ("im Landkreis"; a 0.803), and
a case sentence naming nothing continues the place before ahead of a generic noun
("von der Regierung nicht bekanntgegeben"; a 0.811 -> 0.816, b unchanged), and a
count's case noun may follow adjectives and name tourists ("zwei iranische Touristen
in den Vereinigten Arabischen Emiraten"; a 0.820, b unchanged); a
name goes on over English particles and the names after them ("Need for Speed",
"Serve the City Berlin"; a 0.807, b unchanged). From b's errors: a count followed
right away by "aus", "in" or "bei" and a name is that name's ("23.015 aus dem
Burgenland", "davon 50 bei der Bank-Austria-Mutter Unicredit"; "Mutter" joins the
titles; b 0.764). From a's errors: a count of people (now also "Personen") is
about the one place named before it where no place heads or follows it ("gegen eine
Fälscherorganisation in Neapel ... 56 Personen festgenommen"; a 0.811, b unchanged).
Tried and dropped: a bare name before one in a prepositional phrase among the names
of the sentence (b 0.764 -> 0.760); "Provinz",
"Bundesstaat", "Kanton" as generic nouns (a 0.807 -> 0.803); a group the article
writes three times or more standing bare before the figure in a sentence naming
nothing ("dass Asylwerber mehrheitlich ..."; a 0.811 but b 0.747: "Gesundheitsämter",
"Besucher" are no holders). Tried and dropped on a: a plain
generic noun with no antecedent as written ("das Ministerium": 0.768 -> 0.732,
"das Land", "die Regierung", "die Studie" stand for the country or the study's
author). A ranker with new cues (institution country, dateline, headline,
grammatical role) still does not beat these rules held out both ways.

Fifth pass (issue 4's subject target; both halves had been read before, so no figure is
held out: each rule states a general reading and was kept only where it changed more right
than wrong over both halves; a 0.820, b 0.764 before):
- a compound of a company's kind noun describes the company, it names no body of its own
  ("der Online-Versandriese" -> the name before; kind_nouns in claims.toml; from b: a
  unchanged, b 0.764 -> 0.769);
- a generic noun of a kind no apposition has named stands for the topic, no longer for the
  last name in apposition to any other kind (a simplification: a and b unchanged);
- a case count whose own sentence names a place by a common noun before it ("Entwicklungen im
  Landkreis: Weitere drei Menschen sind gestorben") is that place's (from a: a +1, b unchanged);
- an article led by a listed institution (institutions.toml; "Wifo") falls back on the
  institution's country in a sentence naming nothing, as one citing it as a source does
  (from a: a +1 (2 right, 1 wrong: the institute's own forecast), b unchanged);
- "in der Hauptstadt" is the capital of the country the article names most (capitals in
  claims.toml; the home country now counts genitives, "innerhalb Österreichs"; from b: b +1,
  a unchanged);
- after "laut" a weekday is the count's day, not the day the source published ("lag laut
  RKI am Mittwoch bei 18.633" -> the place; rule 0 had taken it for the source's; from b: b +1,
  a unchanged).
Tried and dropped: a possessive ("seine") after another name acting in its sentence refers
to that name, not the article's person ("Sohn Eric ... sowie seine Halbschwester"; a -1, b -1,
also with the name outside a prepositional phrase); newspapers as listed institutions ("die
Zeitung" -> "FAS"; no figure changed: the count's sentence names a city adjective first); in a
sentence naming nothing, the subject of a figure of the same measure in the sentence before
("ein Prozent" ... "zwei Prozent"; a +1, b -1); a local topic (the name written most in a window
of 2 to 8 sentences, before or around) ahead of the article's (every setting lower, best a
0.829, b 0.760); a location right before a figure ("in der EU per Mai 2011"; a -6, b -2); a
capitalised word with no noun cue joining the name after it even after an article ("im Palais
Populaire"; a +1, b unchanged, but longer wrong names: "Raum Neapel", "Medizin-Nobelpreisträger
Tim Hunt").
Where it stands: a 0.829, b 0.778 (0.804); a right candidate exists for a 0.904, b 0.867, so
the target 0.85 needs nearly every choice among candidates right.

Sixth pass: name fragments that users saw as subjects on the corpus articles nobody annotated
(one-word subjects the article only writes inside a longer name): a word written twice right
after the same capitalised word is a surname even where it once follows an article ("Donald
Trump" beside "im Trump Tower" had given "Donald"; "Edith Clever" beside "der Clever"); a
company's legal form (legal_forms in claims.toml) takes the capitalised words before it ("der
Software AG" had given "AG"). Of 5,418 claims on the 373 corpus articles 43 changed subject,
all to the fuller name or the article's person but one ("warf Lech Kaczyński Wałęsa ... vor"
now joins subject and object); the annotated articles are unchanged (0.804).
Then a held-out gold (data/annotations/heldout/, eval/eval_subjects_heldout.py): the claims of 10
unread articles (set1), judged blind by two annotators, gave 0.366 / 0.418 on that commit (the
annotators agree on 0.909): the rules above had been fitted to the 30 articles. Reading set1's
errors (so set1 is no longer held out; set2 was measured once afterwards): a person who says a
figure ("sagte Alexander Schuster", ", so Schuster", "wie Last sagte"; speech_verbs) reports it,
so that mention is passed over like a source and does not count towards the topic (not an
institution: "sagt Wifo" states the institute's own study); "Landrat" is a title; a spaced dash
parts the names after it from the figures before it, but a figure after a dash keeps the names
before it ("Die FPÖ folgt auf dem Fuß – mit 39,69 Prozent"). set1 0.366 -> 0.482 (a), 0.418 ->
0.536 (b); the 30 articles unchanged (0.804). Tried and dropped on both: a headline "Name: quote"
as speaking (set1 a +1, b -2; 30 articles -1), a first name opening a sentence ("Fatih Cevikkollu
widmet", but also "Pro Tisch"), the one acting name of the sentence before in a sentence naming
nothing (set1 +1, 30 articles -7).
Measured once on the frozen rules, blind: set2 0.386 / 0.381, set3 0.314 / 0.267 (annotators agree
on 0.973 and 0.960), exactly as the rules at the start of the pass: these changes did not carry
over to unseen articles, and neither did the earlier passes' (0.804 on the 30 articles they were
written on). On unseen text most errors are whole articles: a person the article is about or a
city taking every figure where the annotators name what the figures measure, often a common
noun that no name stands for ("Pensionen", "Autobranche"); a right candidate exists for only
0.58-0.66 of the claims (eval/fit_subjects.py --heldout). Tried and dropped afterwards (on sets 1-3
and the 30 articles, so not held out): a person topic yielding to the most-mentioned other name
in a sentence naming nothing (30 articles 0.780, set3 0.284/0.238); a common noun after a definite
article as the subject where the sentence names no name (30 articles 0.668); names outside
prepositional phrases first ("von Apple" passed over; 30 articles 0.800, every set lower).
"""
from __future__ import annotations

import bisect
import re
import tomllib
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Optional, Sequence

from .types import Sentence

_DATELINE_DASHES = ("–", "-", "—")
AGENCY_TOKENS = 5  # "(dpa)", "(dpa/lby)", "(AFP/Reuters)": a bracket of up to this many tokens


def _dateline_dash(sent: Sequence["Token"], k: int) -> bool:
    """Whether the dash of a dateline stands at token k, or after a second place or a news agency's
    bracket there: "Wien – ...", "Berlin (dpa) – ...", "Frankfurt/Main (dpa/lhe) – ..."."""
    while k + 1 < len(sent) and sent[k].text == "/":
        k += 2
    if k < len(sent) and sent[k].text == "(":
        close = next((m for m in range(k + 1, min(len(sent), k + 1 + AGENCY_TOKENS)) if sent[m].text == ")"), None)
        if close is None:
            return False
        k = close + 1
    return k < len(sent) and sent[k].text in _DATELINE_DASHES


DATELINE_PLACE_TOKENS = 3  # "Wien", "St. Pölten", "Frankfurt/Main": the most tokens a dateline's place takes


def _opener(sent: Sequence["Token"]) -> int:
    """The index of a sentence's first word: 0, or the word after a dateline's dash ("Berlin (dpa) – Die ...")."""
    if not sent or not sent[0].text[:1].isupper():
        return 0
    for k in range(1, DATELINE_PLACE_TOKENS + 1):
        if k < len(sent) and sent[k].text in _DATELINE_DASHES + ("(", "/") and _dateline_dash(sent, k):
            dash = k
            while sent[dash].text not in _DATELINE_DASHES:
                dash += 1
            return dash + 1
        if k < len(sent) and not (sent[k].text[:1].isupper() or sent[k].text == "."):
            return 0
    return 0


# "P.T.", "U.S.": initials with their dots are one word, so a name is never a single letter
_TOKEN = re.compile(r"(?:[A-ZÄÖÜ]\.){2,}(?!\w)|\w+(?:[-'’]\w+)*|[^\w\s]")
_INTERNAL_CAPITAL = re.compile(r"[a-zäöüß][A-ZÄÖÜ]")
_ACRONYM = re.compile(r"^[A-ZÄÖÜ][A-ZÄÖÜ0-9]{1,7}$")
_NUMBER = re.compile(r"^\d[\d.,]*$")  # not "000-Einwohner-Stadt" (of "60.000-Einwohner-Stadt Wesel")
_AGE_FIGURE = re.compile(r"^\d[\d.,]*-?[a-zäöüß]+(?:e|en|er|es|em)$")  # "52-jährige", "28jährige": an adjective
# A capitalised adjective that is part of the name after it ("Europäische Union").
_NAME_ADJECTIVE = re.compile(r"^[A-ZÄÖÜ]\w*isch(?:e|en|er|es|em)$")
# an organisation's adjective: "Europäische", "Deutsche" ("die Deutsche Rentenversicherung")
_ORGANISATION_ADJECTIVE = re.compile(r"^(?:[A-ZÄÖÜ]\w*isch|Deutsch)(?:e|en|er|es|em)$")
# A capitalised title in German quotes: „Wrapped Reichstag“, „Die Mastaba für Abu Dhabi“.
_QUOTED_TITLE = re.compile(r"„([A-ZÄÖÜ][^„“”\"]{1,60}?)[“”\"]")


def _organisation_forms(names, adjective_endings: dict[str, list[str]], genitive_endings) -> dict[str, str]:
    """Each inflected form of the listed names -> the name: the first word of a name of several words
    with an adjective's other endings ("Deutschen Bank", "das Statistische Bundesamt"), the last in the
    genitive ("Statistischen Bundesamtes", "Bundestags")."""
    forms: dict[str, str] = {}
    for name in names:
        words = name.split()
        firsts = {words[0]} | ({words[0][: -len(ending)] + other for ending, others in adjective_endings.items()
                                if words[0].endswith(ending) for other in others} if len(words) > 1 else set())
        lasts = {words[-1]} | {words[-1] + ending for ending in genitive_endings}
        for first in firsts:
            for last in lasts:
                forms.setdefault(" ".join([first, *words[1:-1], last] if len(words) > 1 else [last]), name)
    return forms


@lru_cache(maxsize=1)
def _german() -> dict:
    claims = tomllib.loads(resources.files("claimcheck.lang.de").joinpath("claims.toml").read_text("utf-8"))
    sentences = tomllib.loads(resources.files("claimcheck.lang.de").joinpath("sentences.toml").read_text("utf-8"))
    language = tomllib.loads(resources.files("claimcheck.lang.de").joinpath("language.toml").read_text("utf-8"))
    table = dict(claims["subjects"])
    months = claims["dateline"]["months"] + list(claims["dateline"]["month_aliases"])
    table["closed_class"] = frozenset(
        [w.lower() for w in sentences["sentence_openers"]]
        + list(language["function_words"])
        + table["determiners"]
        + table["pronouns"]
        + table["prepositions"]  # "Neben Anton Schlecker erhob ...": a sentence-initial preposition
        + months
        + claims["checkability"]["weekdays"]
    )
    table["places"] = frozenset(table["places"])
    # Listed organisations in every inflected form: one-word forms, and forms of several words as word
    # tuples by their first word (looked up at every word); each form is shown as listed.
    forms = _organisation_forms(table["organisations"], table["organisation_adjective_endings"],
                                table["organisation_genitive_endings"])
    table["organisations"] = frozenset(form for form in forms if " " not in form)
    organisation_runs: dict[str, list[tuple[str, ...]]] = {}
    for form in forms:
        if " " in form:
            organisation_runs.setdefault(form.split()[0], []).append(tuple(form.split()))
    # a listed institution's name of several words, also in the genitive ("des Robert Koch-Instituts")
    for name in _institutions():
        for form in (name, name + "s") if " " in name else ():
            organisation_runs.setdefault(form.split()[0], []).append(tuple(form.split()))
    table["organisation_runs"] = organisation_runs
    table["organisation_base"] = forms
    table["prepositions"] = frozenset(table["prepositions"])
    table["countries"] = frozenset(table["demonyms"].values())
    table["months"] = frozenset(months)
    table["first_names"] = frozenset(table["first_names"])
    return table


# A clause that opens with a place and holds only the figure: ", in Sachsen 216", "und in Tirol rund 58.000"
_ELLIPTIC_OPENING = re.compile(r"(?:,|;|\bund|\bsowie)\s+(?:in|im)\s+(?:der\s+|dem\s+|den\s+)?$")


@dataclass(frozen=True)
class Institution:
    """An institution a German news reader knows (claimcheck/lang/de/institutions.toml)."""

    name: str
    kinds: tuple[str, ...]  # the generic nouns an article calls it by ("institut", "behörde")
    country: str  # the country or region its figures are about


@lru_cache(maxsize=1)
def _institutions() -> dict[str, Institution]:
    """Every name and alias of a listed institution -> the institution."""
    rows = tomllib.loads(resources.files("claimcheck.lang.de").joinpath("institutions.toml").read_text("utf-8"))["institution"]
    by_name = {}
    for row in rows:
        institution = Institution(row["name"], tuple(row["kinds"]), row["country"])
        for name in [row["name"], *row["aliases"]]:
            by_name[name] = institution
    return by_name


@lru_cache(maxsize=1)
def _weekdays() -> tuple[str, ...]:
    claims = tomllib.loads(resources.files("claimcheck.lang.de").joinpath("claims.toml").read_text("utf-8"))
    return tuple(claims["checkability"]["weekdays"])


@lru_cache(maxsize=1)
def _demonym_prefix() -> re.Pattern:
    """Matches the start of a country adjective ("österreichischen" -> "österreichisch")."""
    prefixes = sorted(_german()["demonyms"], key=len, reverse=True)
    return re.compile("|".join(map(re.escape, prefixes)))


@lru_cache(maxsize=1)
def _english() -> dict:
    return tomllib.loads(resources.files("claimcheck.lang.en").joinpath("claims.toml").read_text("utf-8"))["subjects"]


@dataclass(frozen=True)
class Token:
    text: str
    start: int  # offsets into the article
    end: int


@dataclass(frozen=True)
class Mention:
    """A name as written in one sentence ("Donald Trump", "TikTok")."""

    name: str
    start: int
    end: int
    sentence: int
    locative: bool  # after "in", "im", "aus" ...: where something happens, not who
    # Stands for a person named elsewhere: "role" for a title alone ("der US-Präsident",
    # resolved by SubjectFinder._person_before), "topic" for a word referring to the person
    # the article is about ("er", "seine", SubjectFinder._person_references), "adjective" for
    # a city's adjective ("Wiener" for Wien; not counted towards the article's topic).
    refers: Optional[str] = None


@lru_cache(maxsize=None)
def _ending_pattern(table_key: str, inflected: bool) -> re.Pattern:
    """The entries of a word list as word endings, longest first; with `inflected`, also
    before a plural or case ending ("Verhandlungen", "des Videodienstes"), but no other
    letters ("Christo" does not end in "-ist")."""
    entries = sorted(_german()[table_key], key=len, reverse=True)
    after = "(?:e|n|en|s|es|se|er|nen)?" if inflected else ""
    return re.compile("(?:" + "|".join(map(re.escape, entries)) + ")(?=" + after + "$)")


@lru_cache(maxsize=100_000)
def _ending_in(word: str, table_key: str) -> Optional[str]:
    """The entry of the word list `table_key` that `word` ends with ("Videoplattform" -> "plattform"),
    also before a genitive "-s"/"-es" ("des Videodienstes")."""
    m = _ending_pattern(table_key, True).search(word.lower().split("-")[-1])
    return m.group() if m else None


def _body_form(word: str, generic: str) -> str:
    """A body's compound as its base form, cut after its generic noun: "des Innenministeriums" ->
    "Innenministerium", "des Gaststättengewerbes" -> "Gaststättengewerbe"."""
    return word[: word.lower().rindex(generic) + len(generic)]


def generic_noun(word: str) -> Optional[str]:
    """The generic noun that `word` is or ends in ("Videoplattform" -> "plattform"), or None."""
    return _ending_in(word, "generic_nouns")


@lru_cache(maxsize=100_000)
def _has_noun_ending(word: str) -> bool:
    """Ends like a common noun ("Untersuchung"), also before a plural ending ("Verhandlungen")."""
    low = word.lower().split("-")[-1]
    return bool(_ending_pattern("noun_suffixes", len(low) > 5).search(low))


@lru_cache(maxsize=1)
def _dictionary():
    """(lemmatize, lemma_or_none) over simplemma's dictionaries (a declared dependency), or None
    without simplemma: then the inflection and unknown-word cues are off. lemma_or_none(word, lang)
    is the dictionary's lemma of a known word, None for an unknown one.

    Decoding simplemma's German dictionary takes 2-3 s of every start, so it is
    read through simplemma's own marisa-trie factory, whose trie is built once
    into claimcheck's cache directory (then it loads in milliseconds).
    """
    try:
        from simplemma import lemmatize
        from simplemma.strategies import DictionaryLookupStrategy
    except ImportError:
        import warnings

        warnings.warn("simplemma is not installed: subjects are found without the inflection cue (pip install simplemma).")
        return None
    try:
        return _cached_trie_dictionary()
    except ImportError:  # marisa-trie missing: the plain dictionary, decoded on each start
        return lemmatize, DictionaryLookupStrategy().get_lemma


def _lemmatizer():
    """simplemma's German lemmatize, or None without simplemma."""
    dictionary = _dictionary()
    return dictionary[0] if dictionary else None


def _cached_trie_dictionary():
    from simplemma import Lemmatizer
    from simplemma.__metadata__ import __version__ as simplemma_version
    from simplemma.strategies import DefaultStrategy, DictionaryLookupStrategy
    from simplemma.strategies.dictionaries.trie_dictionary_factory import TrieDictionaryFactory

    from .cache import build_cache_directory
    from .config import get_settings

    def has_trie(directory: Path) -> bool:
        return all((directory / f"{lang}.dic").is_file() for lang in ("de", "en"))

    def build(staging: Path) -> None:
        staged = TrieDictionaryFactory(disk_cache_dir=str(staging))
        for lang in ("de", "en"):  # English: loanwords are no coined names ("Visits", "Build")
            staged.get_dictionary(lang)

    directory = get_settings().cache_dir / "simplemma" / simplemma_version
    if not has_trie(directory):
        # Parallel batch workers must never read half a trie.
        build_cache_directory(directory.parent, directory.name, build, has_trie)
    factory = TrieDictionaryFactory(disk_cache_dir=str(directory))
    lemmatizer = Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=factory))
    lookup = DictionaryLookupStrategy(dictionary_factory=factory)
    return (lambda word, lang: lemmatizer.lemmatize(word, lang)), (lambda word, lang: lookup.get_lemma(word, lang))


@lru_cache(maxsize=50_000)
def _is_inflected_noun(word: str) -> bool:
    """A plural or dative form of a known noun ("Hinweisen" -> "Hinweis"): names do not inflect.

    simplemma's German dictionary knows names too (Microsoft, Wien), so only the
    inflection is a cue; a genitive -s ("Österreichs", "Musicallys") is not one.
    """
    lemmatize = _lemmatizer()
    if lemmatize is None:
        return False
    lemma = lemmatize(word, lang="de")
    return lemma != word and word != lemma + "s" and lemma[:1].isupper()


@lru_cache(maxsize=50_000)
def _has_plural(word: str) -> bool:
    """The dictionary knows a plural of the word ("Quarantäne" -> "Quarantänen", "Jahresbeginn"
    -> "Jahresbeginne"): a common noun. Names have a genitive ("Wiens") but no plural."""
    lemmatize = _lemmatizer()
    if lemmatize is None or not word[:1].isupper() or "-" in word:
        return False
    return any(lemmatize(word + ending, lang="de") == word for ending in ("n", "en", "er", "ern", "nen"))


@lru_cache(maxsize=50_000)
def _is_coined(word: str) -> bool:
    """A word the dictionary does not know, neither whole nor as a compound ending in a known word
    ("Bocusini", "Viennacontemporary", "Öbib"; not "Schüttbilder": "Bilder"), is a coined name even
    after an article ("Der Bocusini kostet"). Not an English word ("die Visits"), nor a plural or
    person noun ("-er", "-in"), which the dictionary often lacks as compounds ("Banater", "Jihadistin")."""
    dictionary = _dictionary()
    if dictionary is None or not (word[:1].isupper() and word.isalpha() and len(word) >= 4) \
            or _has_noun_ending(word) or word.endswith(("er", "ern", "in", "innen")):
        return False
    lemma_of = dictionary[1]
    english = lemma_of(word, "en")
    if lemma_of(word, "de") or lemma_of(word.lower(), "de") or (english and english[:1].islower()):
        return False  # an English common noun, not an English name ("Vienna Insurance Group")
    return not any(lemma_of(word[p:].capitalize(), "de") for p in range(2, len(word) - 3))


@lru_cache(maxsize=50_000)
def is_product_name(word: str) -> bool:
    """Whether `word` looks like a product's or brand's name that a model number may follow ("iWork",
    "Miix", "CM"): an inner capital, a coined word, or an acronym of two or three letters; not a place,
    organisation or party of the gazetteer, nor a word of the dictionaries."""
    table = _german()
    if word in table["places"] or word in table["organisations"] or word in table["party_affiliations"] \
            or _is_place_genitive_word(word, table):
        return False
    if _INTERNAL_CAPITAL.search(word):
        return True
    if re.fullmatch(r"[A-ZÄÖÜ]{2,3}", word):
        return True
    return _is_coined(word)


def _is_place_genitive_word(word: str, table: dict) -> bool:
    """A listed place's genitive: "Österreichs", "Italiens"."""
    return word.endswith("s") and word[:-1] in table["places"]


def _opens_as_name(word: str, next_word: str) -> bool:
    """A sentence-initial word with no article, right before a finite verb, is a name where the
    dictionary knows it as no common word ("Siemens beschäftigt", "Volkswagen verkaufte", "Zalando
    meldete"): a common noun opens a sentence that way only as a plural or a mass noun ("Mitarbeiter
    klagen", "Geld fehlt"), and an adverb is lowercase in the dictionary ("Heute ist")."""
    return is_finite_singular_verb(next_word) and _is_no_common_word(word)


@lru_cache(maxsize=50_000)
def is_finite_singular_verb(word: str) -> bool:
    """ "hat", "verkaufte", "ist": a lowercase word whose lemma is an infinitive other than itself; not
    "eine" ("ein"), nor a plural's "arbeiten", "kamen", "sind"."""
    dictionary = _dictionary()
    if dictionary is None or not word.isalpha() or not word.islower() or word.endswith("en") or word == "sind":
        return False
    verb = dictionary[1](word, "de")
    return bool(verb) and verb != word and verb.islower() and (verb.endswith(("en", "rn", "ln")) or verb == "sein")


@lru_cache(maxsize=50_000)
def _is_no_common_word(word: str) -> bool:
    """The dictionary knows the capitalised word as itself with no plural, umlaut plurals included
    ("Siemens", "Merkel"; not "Politik", "Strom"), and not in lowercase ("Knapp", "Dank"), or it is
    coined ("Zalando")."""
    dictionary = _dictionary()
    if dictionary is None or "-" in word:
        return False
    if _is_lowercase_word(word):
        return False  # an adjective, adverb or preposition capitalised at the start ("Knapp", "Dank")
    lemma = dictionary[1](word, "de")
    if lemma is None:
        return _is_coined(word)
    return lemma == word and not _has_plural(word) and not _has_umlaut_plural(word) and not _is_inflected_noun(word)


def _is_lowercase_word(word: str) -> bool:
    """The dictionary knows the word in lowercase as itself: an adverb, adjective or preposition
    capitalised at a sentence's start ("Allein Wien kommt auf 56 Prozent")."""
    dictionary = _dictionary()
    return dictionary is not None and dictionary[1](word.lower(), "de") == word.lower()


_UMLAUTS = {"au": "äu", "a": "ä", "o": "ö", "u": "ü"}


@lru_cache(maxsize=50_000)
def _has_umlaut_plural(word: str) -> bool:
    """The dictionary knows a plural with an umlaut ("Kraft" -> "Kräfte", "Platz" -> "Plätze"), which
    _has_plural's endings miss: a common noun."""
    lemmatize = _lemmatizer()
    match = re.search(r"(au|a|o|u)(?!.*[aeiouäöü])", word)
    if lemmatize is None or match is None:
        return False
    stem = word[: match.start()] + _UMLAUTS[match.group()] + word[match.end():]
    return any(lemmatize(stem + ending, lang="de") == word for ending in ("e", "er", ""))


def _key(name: str) -> str:
    """What two mentions of one entity share: the last word, case-folded ("Donald Trump" ~ "Trump")."""
    return name.split()[-1].lower()


class SubjectFinder:
    """The named mentions of one article and the subject of any figure in it."""

    def __init__(
        self,
        text: str,
        sentences: Sequence[Sentence],
        figure_spans: Sequence[tuple[int, int]] = (),
    ) -> None:
        self.table = _german()
        self.text = text
        self.sentences = list(sentences)
        self._figure_ends = {end for _, end in figure_spans}
        self._figure_spans = sorted(figure_spans)
        self._figure_starts = [s for s, _ in self._figure_spans]
        self.tokens = [
            [Token(m.group(), s.start + m.start(), s.start + m.end()) for m in _TOKEN.finditer(s.text)]
            for s in self.sentences
        ]
        self._lowercase_seen = {t.text.lower() for sent in self.tokens for t in sent if t.text[:1].islower()}
        # Capitalised words after a determiner or a figure ("die Plattform", "1500 Mitarbeiter"),
        # by position, and the set of such words: the article uses them as common nouns.
        self._noun_position = {
            (k, i)
            for k, sent in enumerate(self.tokens)
            for i, t in enumerate(sent)
            if t.text[:1].isupper() and (self._follows_determiner(sent, i) or self._follows_figure(sent, i))
        }
        self._after_determiner = {self.tokens[k][i].text for k, i in self._noun_position}
        # "Dehoga-Chefin", "Wifo-Sprecher": what heads a title compound is an organisation,
        # even where the article writes it after an article ("der Dehoga").
        self._title_heads = {
            head for sent in self.tokens for t in sent
            for head, _, tail in [t.text.rpartition("-")]
            if head[:1].isupper() and "-" not in head and tail[:1].isupper() and _ending_in(tail, "titles")
        }
        # "Edith Clever", "Donald Trump": a word the article writes at least twice right after the
        # same capitalised word is a surname, even where it once follows an article ("der Clever",
        # "im Trump Tower").
        pairs = Counter(
            (sent[i - 1].text, t.text) for k, sent in enumerate(self.tokens) for i, t in enumerate(sent)
            if i > 0 and t.text[:1].isupper() and sent[i - 1].text[:1].isupper() and sent[i - 1].end + 1 == t.start
            and (k, i - 1) not in self._noun_position and sent[i - 1].text.lower() not in self.table["closed_class"]
        )
        self._surnames = {word for (_, word), n in pairs.items() if n >= 2}
        # A word passing the rules above is still often a common noun ("siehe Tabelle",
        # "internationalen Schutz"); it counts as a name only when the article uses it so
        # at least twice, or it stands next to another name-like word ("Paul Lazarsfeld").
        # The first word of a sentence, after its dateline if it has one ("Berlin – Gesetzlich Versicherte
        # müssen"): capitalised as an opener, not as a name.
        self._openers = [_opener(sent) for sent in self.tokens]
        self._candidates = [
            [i > self._openers[k] and ((k, i) not in self._noun_position or self._name_after_article(sent[i].text))
             and self._passes_name_rules(sent, i) for i in range(len(sent))]
            for k, sent in enumerate(self.tokens)
        ]
        self._candidate_counts = Counter(
            t.text for sent, flags in zip(self.tokens, self._candidates) for t, ok in zip(sent, flags) if ok
        )
        self.mentions: list[list[Mention]] = [self._find_mentions(k) for k in range(len(self.sentences))]
        self._drop_common_nouns()
        self._appositions = self._find_appositions()
        self._keys = {_key(m.name) for ms in self.mentions for m in ms}
        self._longest: dict[str, str] = {}  # the fullest form of each name ("Donald Trump" for "trump")
        for ms in self.mentions:
            for m in ms:
                key = self._base_key(m.name)
                if key != _key(m.name):  # a genitive ("Irans") only where the base form is never written whole
                    self._longest.setdefault(key, m.name)
                elif len(m.name) > len(self._longest.get(key, "")) or self._base_key(self._longest[key]) != _key(self._longest[key]):
                    self._longest[key] = m.name
        # Mentions of someone saying a figure ("so Schuster"): a source where they speak, unlike a
        # name the article cites as its source ("laut RKI"), which is one everywhere.
        self._sources, self._speaking = self._find_sources()
        # Rule 5: a source is what a count is about only where no place is named.
        self._names_places = any(m.locative or m.name in self.table["places"] for ms in self.mentions for m in ms)
        self.topic = self._find_topic()
        self.home_country = self._find_home_country()
        self.source_country = self._find_source_country()
        self.dateline = self._find_dateline()
        for k, ms in enumerate(self.mentions):
            ms.extend(self._person_references(k))
            ms.sort(key=lambda m: m.start)

    def _drop_common_nouns(self) -> None:
        """A one-word mention whose plural the dictionary knows ("unter Quarantäne", "seit
        Jahresbeginn") is a common noun, unless the article also writes it inside a longer
        name ("Tim Hunt", "Europäische Union") or it has a strong cue, or writes it twice after
        the same capitalised word, which then opens the name ("Aktion Mensch"). A one-word name
        written so opens with that word too, unless it is a title or generic noun ("George Hotz",
        but "Bezirk Deutschlandsberg" stays "Deutschlandsberg")."""
        in_longer = {w for ms in self.mentions for m in ms if " " in m.name for w in m.name.split()}
        # Names joined here ("Aktion Mensch", "George Hotz") are not taken for a person's: a one-word
        # name never was, and "The Revenant" or "Drache Kokosnuss" would take every figure as a person's.
        self._joined_names: set[str] = set()

        def with_noun_before(m: Mention, opening_only: bool = False) -> Optional[Mention]:
            """The mention with the capitalised word before it, where the article writes the two so
            at least twice ("die Aktion Mensch"); with `opening_only`, not where that word is a title
            or a generic noun ("Bezirk Deutschlandsberg": the name stands alone)."""
            before = self.text[: m.start].split()[-1:]
            if not (before and before[0][:1].isupper() and before[0].lower() not in self.table["closed_class"]
                    and re.fullmatch(r"[\w-]+", before[0]) and self.text.count(f"{before[0]} {m.name}") >= 2):
                return None
            if opening_only and (_ending_in(before[0], "titles") or _ending_in(before[0], "generic_nouns")):
                return None
            start = self.text.rindex(before[0], 0, m.start)
            self._joined_names.add(f"{before[0]} {m.name}")
            return replace(m, name=f"{before[0]} {m.name}", start=start)

        for ms in self.mentions:
            kept = []
            for m in ms:
                if m.refers or " " in m.name or m.name in in_longer or self._strong(m.name):
                    kept.append(m)
                elif not _has_plural(m.name):  # a name already; the word before may open it ("George Hotz")
                    joined = with_noun_before(m, opening_only=True)
                    if joined or not _has_umlaut_plural(m.name):  # alone, "für junge Kunst" (Künste) is no name
                        kept.append(joined or m)
                elif named := with_noun_before(m):
                    kept.append(named)
            ms[:] = kept

    def _base_key(self, name: str) -> str:
        """The key of a name, a genitive -s removed where the article writes the name without
        it too ("Irans" -> "iran", "Österreichs" -> "österreich"; "Amazons" stays where no "Amazon")."""
        key = _key(name)
        return key[:-1] if key.endswith("s") and key[:-1] in self._keys else key

    def _find_sources(self) -> tuple[set[str], set[tuple[int, int]]]:
        """Keys of the names the article cites as the source of its figures (issue 4's rule 5):
        "laut RKI", "nach Angaben der Behörde RTR", "den Recherchen von ZEIT ONLINE zufolge",
        "nach RKI-Schätzungen", "RKI-Lagebericht". A figure is about what the source counts
        (the place), so these names are passed over as subjects where anything else is named.
        With them, (sentence, start) of the mentions of persons saying a figure (_is_speaker),
        found in the same pass over the mentions."""
        nouns = set(self.table["source_nouns"])
        before = set(self.table["source_before"]) | nouns
        found = set()
        speaking = set()
        for k, sent in enumerate(self.tokens):
            index = {t.start: i for i, t in enumerate(sent)}
            named_at = {t.start for m in self.mentions[k] for t in sent if m.start <= t.start < m.end}
            reports_in_sentence = any(t.text in self.table["reporting_verbs"] for t in sent)
            for t in sent:  # "RKI-Angaben", "RKI-Lagebericht"
                head, _, tail = t.text.rpartition("-")
                if head and tail.lower() in nouns and _key(head) in self._keys:
                    found.add(self._base_key(head))
            for m in self.mentions[k]:
                i = index.get(m.start)
                if i is None:
                    continue
                j = i - 1
                # back over "den aktuellen Zahlen der Telekomregulierungsbehörde" to "Laut" (or to "wie")
                opener = ""
                while j >= 0:
                    w = sent[j].text
                    low = w.lower()
                    if low in before or low == "wie":
                        opener = low
                        break
                    if low in self.table["determiners"] or low == "von" or (
                        w[:1].islower() and re.search(r"(e|en|er|es|em)$", w) and w not in self.table["not_adjectives"]
                    ) or (w[:1].isupper() and i - j <= 3 and sent[j].start not in named_at):
                        j -= 1
                        continue
                    break
                after = [t for t in sent if t.start >= m.end][:3]
                word_after = after[0].text.lower() if after else ""
                # "wie das Statistische Bundesamt mitteilte", "Das RKI hat ... registriert": a listed institution
                # reporting its statistics (a company reporting its own figures is what they are about)
                reporting = reports_in_sentence and self._institution_of(m.name)
                if opener in before or word_after in self.table["source_after"] or reporting:
                    found.add(self._base_key(m.name))
                if self._is_speaker(sent, i, [t.text for t in after]) \
                        and self._is_person(self._longest.get(self._base_key(m.name), m.name)):
                    speaking.add((k, m.start))  # a person; "sagt Wifo" is the institute's own study
        return found, speaking

    def _is_speaker(self, sent: list[Token], i: int, words_after: list[str]) -> bool:
        """ "sagte Alexander Schuster", ", so Schuster", "wie Last sagte", "Schuster sagte, man ...": who says a
        figure reports it (not "Schuster sagte, er ...": then he speaks of himself); a title before the name
        goes with it ("sagte Finanzvorstand Walter Mertl"), with its article ("sagte die Abgeordnete Sun Xiaomei")."""
        verbs = self.table["speech_verbs"]
        titled = i
        while i > 0 and _ending_in(sent[i - 1].text, "titles"):
            i -= 1
        if i < titled and i > 0 and sent[i - 1].text.lower() in self.table["determiners"]:
            i -= 1
        before = sent[i - 1].text if i > 0 else ""
        word_after = words_after[0] if words_after else ""
        return before in verbs or (before == "so" and i > 1 and sent[i - 2].text == ",") \
            or (before == "wie" and word_after in verbs) or (
                word_after in verbs and words_after[1:2] == [","]
                and (words_after[2:3] or [""])[0].lower() not in self.table["pronouns"])

    def _is_source(self, m: Mention) -> bool:
        head, _, tail = m.name.rpartition("-")
        if head and tail.lower() in self.table["source_nouns"]:
            return True
        return not m.refers and (self._base_key(m.name) in self._sources or (m.sentence, m.start) in self._speaking)

    def _find_topic(self) -> Optional[str]:
        """The article's most-mentioned name; the title and lead count twice, country adjectives once."""
        counts: Counter = Counter()
        for k, ms in enumerate(self.mentions):
            for m in ms:
                if m.refers or (self._is_source(m) and self._names_places):
                    continue
                # A place named as where something happens ("nach Brüssel melden") is
                # less often what the article is about than a name acting in it.
                weight = (2 if k < 2 else 1) * (0.5 if m.locative else 1)
                counts[self._base_key(m.name)] += weight
        demonyms = self.table["demonyms"]
        apposed = {(k, generic) for k, generic, _ in self._appositions}
        for k, sent in enumerate(self.tokens):
            for i, t in enumerate(sent):
                generic = _ending_in(t.text, "generic_nouns") if t.text[:1].isupper() else None
                # after a determiner: "Insgesamt" opening a sentence ends in "-amt" but is no office
                if generic and not self._in_figure(t) and self._follows_determiner(sent, i):
                    if (k, generic) not in apposed and self._names_body(t.text, generic):
                        # "Impfzentrum", "des Innenministeriums": a body named by a compound
                        form = _body_form(t.text, generic)
                        counts[form.lower()] += 2 if k < 2 else 1  # the title and lead count twice, as names do
                        self._longest.setdefault(form.lower(), form)
                prefix = _demonym_prefix().match(t.text) if t.text[:1].islower() else None
                if prefix:
                    country = demonyms[prefix.group()]
                    counts[_key(country)] += 1
                    self._longest.setdefault(_key(country), country)
        ranked = counts.most_common(2)
        # The topic leads when it is named more often than any other name (no tie).
        self._topic_leads = bool(ranked) and (len(ranked) == 1 or ranked[0][1] > ranked[1][1])
        return self._longest[ranked[0][0]] if ranked else None

    def _names_body(self, word: str, generic: str) -> bool:
        """A compound of a generic noun names one body ("Impfzentrum", "Innenministerium"), but not
        "Ausland" or "Inland" (listed in claims.toml)."""
        return len(word) >= len(generic) + 3 and word.lower() not in self.table["not_bodies"] \
            and generic not in self.table["kind_nouns"]

    def _find_source_country(self) -> Optional[str]:
        """The country of the first listed institution the article cites as a source ("laut den
        Zahlen der Telekomregulierungsbehörde RTR" -> Österreich), or None: the figures of such an
        article are national statistics of that country."""
        for ms in self.mentions:
            for m in ms:
                institution = self._institution_of(m.name)
                if institution and self._base_key(m.name) in self._sources:
                    return institution.country
        return None

    def _find_home_country(self) -> Optional[str]:
        """The country the article names most (country adjectives count), or None: national
        statistics are about it where a sentence names no holder."""
        counts: Counter = Counter()
        for ms in self.mentions:
            for m in ms:
                name = m.name[:-1] if m.name.endswith("s") and m.name[:-1] in self.table["countries"] else m.name
                if not m.refers and name in self.table["countries"]:  # "innerhalb Österreichs" too
                    counts[name] += 1
        for sent in self.tokens:
            for t in sent:
                prefix = _demonym_prefix().match(t.text) if t.text[:1].islower() else None
                if prefix:
                    counts[self.table["demonyms"][prefix.group()]] += 1
        return counts.most_common(1)[0][0] if counts else None

    # --- word-level cues -------------------------------------------------------

    def _strong(self, word: str) -> bool:
        places = self.table["places"]
        if _INTERNAL_CAPITAL.search(word.replace("-", " ")) or _ACRONYM.match(word) or word in places \
                or word in self.table["organisations"] \
                or self._is_place_genitive(word):  # "Italiens Banken", "Österreichs"
            return True
        # "US-Regierung", "EU-Haushalt": a region or acronym prefix names one body;
        # not "US-amerikanischen" (an adjective) nor "US-Nutzern" (a plural).
        head, _, tail = word.partition("-")
        return (
            bool(tail)
            and tail[:1].isupper()
            and ((bool(_ACRONYM.match(head)) and head not in self.table["not_names"]) or head in self.table["places"])  # not "BIP-Anstieg"
            and not _is_inflected_noun(tail.split("-")[-1])
            and tail.lower() not in self.table["level_nouns"]  # "auf EU-Ebene": a level, no body
        )

    def _follows_determiner(self, sent: list[Token], i: int) -> bool:
        """Is sent[i] preceded by a determiner, possibly with lowercase adjectives between?"""
        j = i - 1
        determiners = self.table["determiners"]
        while j >= 0:
            w = sent[j].text
            if w.lower() in determiners and (w[:1].islower() or j == 0 or sent[j - 1].text in ".:!?\"„“(–—-"):
                return not self._is_relative_pronoun(sent, j)
            if w[:1].islower() and re.search(r"(e|en|er|es|em)$", w) and w not in self.table["not_adjectives"]:
                j -= 1  # an attributive adjective: keep looking left
                continue
            if j < i - 1 and w.isalpha() and w.islower() and w not in self.table["closed_class"]:
                j -= 1  # an adverb before an adjective: "alle weltweit dokumentierten Vorkommen"
                continue
            return False
        return False

    def _after_definite_article(self, sent: list[Token], i: int) -> bool:
        """ "der amerikanische Musikproduzent": a definite article, lowercase adjectives between
        (not "ihren Kandidaten": someone's role is another person)."""
        j = i - 1
        while j >= 0 and sent[j].text[:1].islower() and sent[j].text not in self.table["definite_articles"]:
            j -= 1
        return j >= 0 and sent[j].text.lower() in self.table["definite_articles"] and self._follows_determiner(sent, i)

    @staticmethod
    def _is_relative_pronoun(sent: list[Token], j: int) -> bool:
        """ "..., der Trump ..." or "..., mit der Trump ...": a relative pronoun, not an article;
        also after a dash ("Barack Obama - unter dem Biden Vizepräsident war -")."""
        if sent[j].text not in ("der", "die", "das", "den", "dem"):
            return False
        before = [t.text for t in sent[max(0, j - 2) : j]]
        opens = (",", "-", "–", "—")
        return bool(before) and (before[-1] in opens or (len(before) == 2 and before[0] in opens and before[1].islower()))

    def _follows_figure(self, sent: list[Token], i: int) -> bool:
        if i == 0:
            return False
        prev = sent[i - 1]
        if _AGE_FIGURE.match(prev.text) and (_is_no_common_word(sent[i].text) or self._opens_full_name(sent, i)):
            return False  # "Der 48-jährige Martin Scorsese": a name after an age, not what a count counts
        return bool(_NUMBER.match(prev.text)) or prev.end in self._figure_ends

    def _passes_name_rules(self, sent: list[Token], i: int) -> bool:
        word = sent[i].text
        if not word[:1].isupper() or self._in_figure(sent[i]):
            return False
        if word in self.table["not_names"] or any(ch.isdigit() for ch in word):
            return False
        if 0 < i < len(sent) - 1 and sent[i - 1].text.lower() in self.table["language_prepositions"] \
                and word.lower() in self.table["language_words"] and sent[i + 1].text[:1].isupper():
            return False  # "auf Deutsch Johann Ohneland"
        if self._strong(word):
            return True
        low = word.lower()
        if low in self.table["closed_class"] or low in self._lowercase_seen:
            return False
        if _has_noun_ending(word) or _is_inflected_noun(word):
            return False
        if _ending_in(word, "generic_nouns") or _ending_in(word, "titles"):
            return False
        return word not in self._after_determiner or word in self._surnames or self._name_after_article(word)

    def _name_after_article(self, word: str) -> bool:
        """A word that is a name even after an article: the head of a title compound ("der Dehoga",
        written "Dehoga-Chefin" elsewhere) or a coined word ("der Bocusini")."""
        return word in self._title_heads or _is_coined(word)

    def _opens_full_name(self, sent: list[Token], i: int) -> bool:
        """Whether sent[i] is a listed given name with a surname right after it ("Hans Müller", "Peter Fischer")."""
        return sent[i].text in self.table["first_names"] and i + 1 < len(sent) and not self._in_figure(sent[i]) \
            and sent[i].end + 1 == sent[i + 1].start and self._after_title(sent[i + 1]) \
            and sent[i + 1].text not in self.table["months"]

    def _after_title(self, token: Token) -> bool:
        """Whether a word after a title may be part of the person's name: capitalised, no title, generic
        noun, listed non-name or figure."""
        word = token.text
        if not word[:1].isupper() or not word.replace("-", "").isalpha():
            return False
        return not (_ending_in(word, "titles") or _ending_in(word, "generic_nouns")
                    or word in self.table["not_names"] or self._in_figure(token))

    def _is_place_genitive(self, word: str) -> bool:
        """A listed place's genitive: "Österreichs", "Italiens"."""
        return _is_place_genitive_word(word, self.table)

    def _in_figure(self, token: Token) -> bool:
        k = bisect.bisect_right(self._figure_starts, token.start) - 1
        return k >= 0 and token.end <= self._figure_spans[k][1]

    # --- mentions ------------------------------------------------------------

    def _find_mentions(self, k: int) -> list[Mention]:
        sent = self.tokens[k]
        cand = self._candidates[k]
        strong = [
            t.text[:1].isupper()
            and self._strong(t.text)
            and not self._in_figure(t)
            and t.text not in self.table["not_names"]
            and not any(ch.isdigit() for ch in t.text)
            for t in sent
        ]
        is_name = [
            strong[i]
            or (
                cand[i]
                and (
                    self._candidate_counts[sent[i].text] >= 2
                    or (i > 0 and (cand[i - 1] or strong[i - 1]))
                    # after a generic noun in apposition: "die Stadt Wesel", "Schienenfahrzeugmesse Innotrans"
                    # (also "60.000-Einwohner-Stadt Wesel")
                    or (i > 0 and sent[i - 1].text.split("-")[-1][:1].isupper() and bool(_ending_in(sent[i - 1].text, "generic_nouns")))
                    or (i + 1 < len(sent) and (cand[i + 1] or strong[i + 1]))
                )
            )
            for i in range(len(sent))
        ]
        # "Finanzminister Hans-Jörg Schelling hat": two capitalised words after a title are a person's name,
        # though the dictionary knows them as common words or nouns ("Hans", "Schelling" like "Lehrling")
        for i in range(1, len(sent) - 1):
            if not (_ending_in(sent[i - 1].text, "titles") and sent[i - 1].text[:1].isupper()):
                continue
            for n in (2, 3):  # "Hans-Jörg Schelling", "Hans Jörg Schelling"; not "Melania Trump US-Medien zufolge"
                words = sent[i:i + n]
                if len(words) == n and not all(is_name[i:i + n]) and all(self._after_title(t) for t in words) \
                        and (n == 2 or not _is_inflected_noun(words[-1].text.split("-")[-1])) \
                        and (i + n >= len(sent) or not sent[i + n].text[:1].isupper()):
                    is_name[i:i + n] = [True] * n
                    break
            else:  # "spricht Kanzlerin Merkel 20 Minuten", "Sohn Eric": one word the dictionary knows as no common word
                if self._after_title(sent[i]) and _is_no_common_word(sent[i].text) \
                        and (i + 1 >= len(sent) or not sent[i + 1].text[:1].isupper()):
                    is_name[i] = True
        # "Hans Müller hat", "Der 52-jährige Thomas Koch": a listed given name and the capitalised word after it
        for i in range(len(sent) - 1):
            if self._opens_full_name(sent, i):
                is_name[i] = is_name[i + 1] = True
        # "Prinz William (32)", "Königin Letizia": a royal title and the one name after it are a name.
        for i in range(1, len(sent)):
            if sent[i - 1].text.lower() in self.table["royal_titles"] and sent[i - 1].text[:1].isupper() \
                    and self._after_title(sent[i]) and sent[i - 1].end + 1 == sent[i].start:
                is_name[i - 1] = is_name[i] = True
        # A listed organisation of several words is a name as a whole ("der Deutschen Bahn").
        runs = self.table["organisation_runs"]
        for i, t in enumerate(sent):
            for run in runs.get(t.text, ()):
                n = len(run)
                if tuple(u.text for u in sent[i:i + n]) == run:
                    strong[i:i + n] = is_name[i:i + n] = [True] * n
        # "die Europäische Reiseversicherung": such an adjective before an organisation's noun is its name
        for i in range(1, len(sent)):
            if _ORGANISATION_ADJECTIVE.search(sent[i - 1].text) and sent[i].text[:1].isupper() \
                    and sent[i - 1].end + 1 == sent[i].start and _ending_in(sent[i].text, "organisation_heads"):
                is_name[i - 1] = is_name[i] = True
        # "Mitte Mai", "Ende September": a point in time, not a name (not before a year: "Alfred Stingl 2003").
        for i in range(len(sent) - 1):
            if is_name[i] and not strong[i] and sent[i + 1].text.lower() in self.table["months"]:
                is_name[i] = False
        # A sentence-initial word is a name when the article uses it as one elsewhere, when it
        # stands before a name and is no opener, title or lowercase word ("Donald Trump sagte", not
        # "Allein Wien kommt"), or when it opens
        # the sentence bare before a verb ("Lufthansa hat"), no generic noun or title ("Unternehmen stellt").
        o = self._openers[k]
        if o < len(sent) and not is_name[o] and sent[o].text[:1].isupper():
            word, low = sent[o].text, sent[o].text.lower()
            plain = low not in self.table["closed_class"] and low not in self._lowercase_seen
            is_name[o] = plain and (
                self._candidate_counts[word] >= 1
                or (len(sent) > o + 1 and is_name[o + 1] and not _ending_in(word, "titles") and not _is_lowercase_word(word))
                or (len(sent) > o + 1 and _opens_as_name(word, sent[o + 1].text)
                    and not _ending_in(word, "generic_nouns") and not _ending_in(word, "titles"))
            )
            # "Angela Merkel ist", "Bill Gates spendete": two such words, the first no common word either.
            if plain and not is_name[o] and len(sent) > o + 2 and sent[o + 1].text[:1].isupper() \
                    and _opens_as_name(sent[o + 1].text, sent[o + 2].text) and _is_no_common_word(word) \
                    and not _has_noun_ending(word) and not _ending_in(word, "titles") \
                    and not _ending_in(sent[o + 1].text, "generic_nouns") and not _ending_in(sent[o + 1].text, "titles"):
                is_name[o] = is_name[o + 1] = True
        mentions = []
        i = 0
        while i < len(sent):
            if not is_name[i]:
                i += 1
                continue
            j, last = i, -1
            while j != last:  # "Serve the City Berlin": names, particles, names
                last = j
                while j + 1 < len(sent) and is_name[j + 1] and sent[j + 1].start == sent[j].end + 1 and not (
                        strong[j] and self._opens_full_name(sent, j + 1)):
                    j += 1  # not "der Steiermark Franz Voves", "hatte RTL Nina Queer vorgestellt": a place or body, then a person
                j = self._name_particle_end(sent, j)
                if self._abbreviation_joins(sent, j):  # "St. Pölten": the abbreviation's full stop is inside the name
                    j += 2
            if i > 0 and _NAME_ADJECTIVE.search(sent[i - 1].text) and sent[i - 1].end + 1 == sent[i].start:
                i -= 1  # "der Europäischen Union", "die Vereinigten Arabischen Emirate": one name
            if sent[j].text in self.table["legal_forms"]:
                i = self._firm_name_start(sent, i)  # "der Software AG", "Tegernseer Tal Tourismus GmbH"
            name = self.text[sent[i].start : sent[j].end]
            name = self.table["organisation_base"].get(name, name)  # "der Deutschen Bahn": "Deutsche Bahn"
            first = i
            while first >= 2 and sent[first - 1].text == "/":  # "Hallwang/Salzburg – ...": both places
                first -= 2
            dateline = first == 0 and _dateline_dash(sent, j + 1)
            # "Karl Lauterbach (SPD)": a person's party, no mention of the party
            affiliation = (i == j and 2 <= i and sent[i - 1].text == "(" and sent[i - 2].text[:1].isupper()
                           and j + 1 < len(sent) and sent[j + 1].text == ")" and name in self.table["party_affiliations"])
            if not dateline and not affiliation:  # "Wien – Die Regierung ...": where the report comes from
                title_only = i == j and bool(_ending_in(name, "titles"))
                refers = "role" if title_only else None
                locative = self._is_locative(sent, i) or self._in_attribute(sent, i, j)
                mentions.append(Mention(name, sent[i].start, sent[j].end, k, locative, refers))
            i = j + 1
        mentions = self._quoted_titles(k, mentions)
        # "Wiener Kriminalisten", "die Grazer Polizei": a city's adjective names the city (rule 2).
        covered = {t.start for m in mentions for t in sent if m.start <= t.start < m.end}
        for i, t in enumerate(sent):
            if t.start not in covered and t.text.endswith("er") and t.text[:-2] in self.table["places"]:
                mentions.append(Mention(t.text[:-2], t.start, t.end, k, False, "adjective"))
            # "MPS-Aktien gaben 40 Prozent nach": the acronym heading a plural compound holds it
            # (not "100 Millionen US-Nutzer", the figure's noun, nor "US-Medien zufolge", a source).
            head, _, tail = t.text.partition("-")
            if t.start not in covered and tail.lower() in self.table["level_nouns"] and (_ACRONYM.match(head) or head in self.table["places"]):
                # "auf EU-Ebene": the EU as where something is agreed, like a location
                mentions.append(Mention(head, t.start, t.start + len(head), k, True))
                continue
            if t.start not in covered and _ACRONYM.match(head) and head not in self.table["not_names"] \
                    and tail[:1].isupper() and _is_inflected_noun(tail) and not self._follows_figure(sent, i) \
                    and not self.text[t.end : t.end + 9].lstrip().startswith(tuple(self.table["source_after"])):
                mentions.append(Mention(head, t.start, t.start + len(head), k, self._is_locative(sent, i)))
        mentions.sort(key=lambda m: m.start)
        return mentions

    def _quoted_titles(self, k: int, mentions: list[Mention]) -> list[Mention]:
        """ "seine Ausstellung zum Jahrestag des „Wrapped Reichstag“": a quoted title of two to six capitalised
        words (function words between them) is one name where the rules found a name inside it ("Wrapped")."""
        sentence = self.sentences[k]
        for quoted in _QUOTED_TITLE.finditer(sentence.text):
            words = quoted.group(1).split()
            start, end = sentence.start + quoted.start(1), sentence.start + quoted.end(1)
            inside = [m for m in mentions if start <= m.start and m.end <= end]
            if not inside or not 2 <= len(words) <= 6 or not words[-1][:1].isupper() \
                    or not all(w[:1].isupper() or w.lower() in self.table["closed_class"] for w in words):
                continue
            title = Mention(quoted.group(1), start, end, k, inside[0].locative, None)
            mentions = [m for m in mentions if m not in inside] + [title]
        return sorted(mentions, key=lambda m: m.start)

    def _firm_name_start(self, sent: list[Token], i: int) -> int:
        """A company's legal form ends its name, and up to three capitalised words written right
        before it belong to the name even where they are common nouns ("der Software AG")."""
        for _ in range(3):
            before = sent[i - 1] if i > 0 else None
            if before is None or not before.text[:1].isupper() or before.end + 1 != sent[i].start \
                    or before.text.lower() in self.table["closed_class"] or self._in_figure(before):
                break
            i -= 1
        return i

    def _in_attribute(self, sent: list[Token], i: int, j: int) -> bool:
        """ "in der an Iran angrenzenden Provinz", "das von der EU-Kommissionspräsidentin Ursula von der
        Leyen vorgeschlagene Volumen": a name inside an attribute (an article, a preposition, the name,
        an inflected participle) describes the noun after it, like a location."""
        if j + 1 >= len(sent) or not sent[j + 1].text.islower() or not re.search(r"(e|en|er|es|em)$", sent[j + 1].text):
            return False
        h = i - 1
        while h >= 0 and i - h <= 2 and sent[h].text[:1].isupper():
            h -= 1  # a title before the name ("EU-Kommissionspräsidentin")
        while h >= 0 and sent[h].text in ("der", "dem", "den", "die", "des"):
            h -= 1  # "von der"
        return h >= 1 and sent[h].text.islower() and sent[h].text in self.table["attribute_prepositions"] \
            and sent[h - 1].text.lower() in self.table["determiners"]

    def _abbreviation_joins(self, sent: list[Token], j: int) -> bool:
        """Whether sent[j] is an abbreviation that opens a name with the word after its full stop ("St. Pölten")."""
        return (sent[j].text in self.table["name_abbreviations"] and j + 2 < len(sent) and sent[j + 1].text == "."
                and sent[j + 1].start == sent[j].end and sent[j + 2].start == sent[j + 1].end + 1
                and sent[j + 2].text[:1].isupper())

    def _name_particle_end(self, sent: list[Token], j: int) -> int:
        """ "Ursula von der Leyen", "Monte dei Paschi di Siena": a name goes on over a particle to a
        capitalised word that is no common noun ("Trump von der Bühne" stops at "Trump")."""
        n = j + 1
        if n < len(sent) and sent[n].text in self.table["inner_name_particles"] \
                and sent[j].text.lower() not in self.table["name_particles"]:
            return j  # "sagte Philip Jansen der BBC": an article, unless after "von" or "Van" ("Van der Bellen")
        while n < len(sent) and sent[n].text in self.table["name_particles"]:
            n += 1
        if n == j + 1 or n >= len(sent):
            return j
        word = sent[n].text
        # "Korsikas von Frankreich", "Richard Cassidy von Alert Logic": a place, or a name of two
        # words, after "von" is a name of its own ("Ursula von der Leyen" goes on), and so is what
        # follows a listed place's genitive ("Österreichs von ...").
        if word in self.table["places"] or self._is_place_genitive(sent[j].text) or (
            sent[j + 1].text == "von" and n + 1 < len(sent) and sent[n + 1].text[:1].isupper()
            and sent[n + 1].start == sent[n].end + 1
        ):
            return j
        common = (
            not word[:1].isupper() or word.lower() in self.table["closed_class"] or word.lower() in self._lowercase_seen
            or _has_noun_ending(word) or _has_plural(word) or _is_inflected_noun(word) or bool(_ending_in(word, "generic_nouns"))
        )
        return j if common else self._name_particle_end(sent, n)

    def _person_references(self, k: int) -> list[Mention]:
        """In an article about one person (its topic), the words of sentence k that refer to
        that person: "er"; "sie" beside a singular verb ("Sie ist seit 2014 ..."); a possessive
        ("seine bekannteste Aufnahme", "sein Markenzeichen"); a role after an article ("der
        amerikanische Musikproduzent"). Elsewhere "er" is as often a thing ("der Wert ... liegt er")."""
        if not (self.topic and self._topic_leads and self._is_person(self.topic)):
            return []
        sent = self.tokens[k]
        singular = self.table["singular_verbs"]
        found = []
        for i, t in enumerate(sent):
            low = t.text.lower()
            after = sent[i + 1].text if i + 1 < len(sent) else ""
            beside_singular = any(0 <= n < len(sent) and sent[n].text.lower() in singular for n in (i - 1, i + 1))
            role = (
                t.text[:1].isupper() and bool(_ending_in(t.text, "titles")) and self._after_definite_article(sent, i)
                and not (after[:1].isupper() and (k, i + 1) not in self._noun_position)  # "der Produzent Hal Willner"
            )
            if (
                low == "er"
                or (low == "sie" and beside_singular)
                or low in self.table["possessives"]
                or (low == "sein" and after[:1].isupper())  # "sein Markenzeichen", not the verb
                or role
            ):
                found.append(Mention(t.text, t.start, t.end, k, False, "topic"))
        return found

    def _is_locative(self, sent: list[Token], i: int) -> bool:
        """After "in", "im", "aus" ...; not at the head of the sentence ("In Qom sind ..."), which frames it.
        A place in brackets after a location is one too ("in Charlotte (North Carolina)")."""
        if i >= 2 and sent[i - 1].text == "(" and sent[i - 2].text[:1].isupper():
            h = i - 2
            while h > 0 and sent[h - 1].text[:1].isupper() and sent[h - 1].end + 1 == sent[h].start:
                h -= 1
            return self._is_locative(sent, h)
        j = i - 1
        while j >= 0 and sent[j].text.lower() in self.table["determiners"] and sent[j].text.lower() not in ("im", "ins"):
            j -= 1
        while j >= 0 and sent[j].text[:1].islower() and re.search(r"(e|en|er|es|em)$", sent[j].text) and j > 0:
            j -= 1  # "in den Vereinigten Staaten", "im benachbarten Bayern"
        return j > 0 and sent[j].text.lower() in self.table["locative_prepositions"]

    def _heads_sentence(self, k: int, m: Mention) -> bool:
        """Whether the mention is a place after the preposition opening sentence k ("In den USA ...", "Im Iran ...")."""
        sent = self.tokens[k]
        o = self._openers[k]
        if m.name not in self.table["places"] or o >= len(sent) or sent[o].text.lower() not in self.table["locative_prepositions"]:
            return False
        i = o + 1
        while i < len(sent) and sent[i].text.lower() in self.table["determiners"]:
            i += 1
        return i < len(sent) and sent[i].start == m.start

    def _find_appositions(self) -> list[tuple[int, str, str]]:
        """(sentence, generic noun, name) for "Videoplattform TikTok", "Mutterkonzern Bytedance"."""
        found = []
        for k, sent in enumerate(self.tokens):
            starts = {m.start: m for m in self.mentions[k]}
            for i, t in enumerate(sent[:-1]):
                generic = _ending_in(t.text, "generic_nouns")
                nxt = starts.get(sent[i + 1].start)
                # a place in the genitive is no apposition: "die größte Krankenkasse Deutschlands" is not Deutschland
                if generic and t.text[:1].isupper() and nxt is not None and not self._is_place_genitive(nxt.name):
                    found.append((k, generic, nxt.name))
        return found

    # --- subjects --------------------------------------------------------------

    def _generic_reference(self, k: int, clause: tuple[int, int] = (0, 1 << 62)) -> Optional[str]:
        """The antecedent of a generic noun or pronoun subject in sentence k (within the offsets
        `clause`), if it has one."""
        sent = self.tokens[k]
        for i, t in enumerate(sent):
            if not clause[0] <= t.start < clause[1]:
                continue
            generic = _ending_in(t.text, "generic_nouns") if t.text[:1].isupper() else None
            if generic and self._follows_determiner(sent, i) and not self._strong(t.text):
                same_kind = [name for (s, g, name) in self._appositions if g == generic and s <= k]
                if same_kind:
                    if self._base_key(same_kind[-1]) in self._sources:
                        continue  # "laut den Zahlen der Telekomregulierungsbehörde RTR": the source, passed over
                    return same_kind[-1]
                reports = any(w.text.lower() in self.table["report_verbs"] for w in sent)
                institution = self._institution_called(k, t)
                if institution:  # "das Institut" after "laut RKI"
                    return None if reports and self._names_places else institution
                # A compound names one body itself: "das Innenministerium", "die Lotto-Stiftung";
                # one that reports the count is its source (rule 5) where the article names a place.
                if self._names_body(t.text, generic):
                    if reports and self._names_places:
                        return None
                    # "in der Hauptstadt" of an article about Austria: Wien
                    return self.table["capitals"].get(self.home_country, t.text) if t.text.lower() in self.table["capital_nouns"] else t.text
                if generic in self.table["sector_nouns"]:
                    # A place the clause names is more telling than the trade ("erwartet die Branche
                    # einen Plan ...: Mitte Mai öffnen dort die Lokale": Österreich).
                    if any(clause[0] <= m.start < clause[1] and m.locative for m in self.mentions[k]):
                        continue
                    return self._sector_before(k, t.start) or self.topic
                # An unseen kind ("das Programm" before any "Programm X") is the article's topic (the
                # last name in apposition to any other generic noun scored the same: a 0.825, b 0.769).
                return self.topic
        return None

    def _sector_before(self, k: int, start: int) -> Optional[str]:
        """The last compound of a sector noun before offset `start` of sentence k ("Werbebranche",
        "Gastgewerbe" for "des Gaststättengewerbes"... as its base form), or None."""
        for sent in reversed(self.tokens[: k + 1]):
            for t in reversed(sent):
                generic = _ending_in(t.text, "sector_nouns") if t.text[:1].isupper() and t.start < start else None
                if generic and self._names_body(t.text, generic):
                    return _body_form(t.text, generic)
        return None

    def _institution_called(self, k: int, token: Token) -> Optional[str]:
        """The listed institution a generic noun stands for ("das Institut" -> "RKI", "die Behörde"
        -> "RTR"): the last one named before it whose kinds include the noun, as the article writes it."""
        noun = re.sub(r"(?:e|s|es|en)$", "", token.text.lower())  # "des Instituts", "der Behörde"
        for ms in reversed(self.mentions[: k + 1]):
            for m in reversed(ms):
                institution = self._institution_of(m.name)
                if m.start < token.start and not m.refers and institution \
                        and any(noun == re.sub(r"(?:e|s|es|en)$", "", kind) for kind in institution.kinds):
                    return m.name
        return None

    def _institution_of(self, name: str) -> Optional[Institution]:
        """The listed institution a name (or its genitive, "des RKIs") is, if any."""
        table = _institutions()
        return table.get(name) or (table.get(name[:-1]) if name.endswith("s") else None)

    def subject_of(self, sentence_index: int, start: int, end: int) -> Optional[str]:
        """The subject of the figure at text[start:end] in sentence `sentence_index`.

        A sentence that names nothing gets the article's topic: carrying the previous
        sentence's subject instead scored lower on the annotated articles (0.549 vs 0.560 when
        tried; on the adjudicated gold 0.593 vs 0.606). A ranker over candidates() did not beat
        the rules on held-out halves in both directions (eval/fit_subjects.py), so the rules decide.
        """
        return self._rule_subject(sentence_index, start, end)

    def named_in_sentence(self, k: int, subject: Optional[str]) -> bool:
        """Does sentence k write the subject itself (also as a compound's or adjective's head or in
        the genitive: "TikTok-Nutzer", "Wiener", "Österreichs"), rather than it being taken from the
        context (a pronoun, an earlier sentence, the article's topic)? On unseen articles the first
        kind is right more often (0.58 against 0.34 over held-out sets 1-5, eval/eval_subjects_heldout.py)."""
        if not subject:
            return False
        return re.search(r"(?<!\w)" + re.escape(self._base_key(subject)), self.sentences[k].text.lower()) is not None

    def _rule_subject(self, k: int, start: int, end: int) -> Optional[str]:
        return self._normalise(self._choose(k, start, end))

    def _normalise(self, subject: Optional[str]) -> Optional[str]:
        if subject and _key(subject) != self._base_key(subject):
            subject = self._longest[self._base_key(subject)]  # "Irans" -> "Iran"
        if subject and self._is_place_genitive(subject):
            subject = subject[:-1]  # a listed place's genitive: "Österreichs" -> "Österreich" (rule 6)
        return self._display(subject) if subject else None

    def candidates(self, k: int, start: int, end: int) -> list["Candidate"]:
        """Every name the figure at text[start:end] in sentence k could be about, with the cues
        eval/fit_subjects.py weighs (CANDIDATE_FEATURES): names in the sentence and the two before
        it, the referent of a generic noun, bodies named by a compound ("Impfzentrum"), countries
        of adjectives, the article's topic, and the rules' own choice."""
        found: dict[str, dict[str, float]] = {}
        counts = Counter(self._base_key(m.name) for ms in self.mentions for m in ms if not m.refers)

        def add(name: Optional[str], **cues: float) -> None:
            name = self._normalise(name)
            if not name:
                return
            features = found.setdefault(name.casefold(), {"_name": name})
            for cue, value in cues.items():
                features[cue] = max(features.get(cue, 0.0), value)

        sent = self.tokens[k]
        figure_at = bisect.bisect_left([t.start for t in sent], start)
        for j in range(max(0, k - 2), k + 1):
            place = {0: "in_sentence", 1: "previous_sentence"}.get(k - j, "earlier_sentence")
            for m in self.mentions[j]:
                name = self.topic if m.refers == "topic" else self._person_before(m) if m.refers == "role" else m.name
                if m.refers is None and self._is_source(m):
                    name = m.name.rpartition("-")[0] or m.name
                cues = {place: 1.0, "locative": float(m.locative), "source": float(self._is_source(m)),
                        "refers": float(m.refers is not None)}
                if j == k:
                    at = bisect.bisect_left([t.start for t in sent], m.start)
                    gap = abs(at - figure_at)
                    cues["before_figure" if m.end <= start else "after_figure"] = 1.0
                    cues["closeness"] = 1.0 / (1.0 + gap)
                    cues["sentence_start"] = float(at == 0)
                    in_phrase = self._in_prepositional_phrase(sent, at)
                    cues["in_phrase" if in_phrase else "bare_noun_phrase"] = 1.0
                add(name, **cues)
        for t in sent:
            generic = _ending_in(t.text, "generic_nouns") if t.text[:1].isupper() else None
            if generic and not self._in_figure(t):
                compound = self._names_body(t.text, generic)
                add(t.text, in_sentence=1.0, generic_body=float(compound), generic_plain=float(not compound))
            prefix = _demonym_prefix().match(t.text) if t.text[:1].islower() else None
            if prefix:
                add(self.table["demonyms"][prefix.group()], in_sentence=1.0, demonym=1.0)
        add(self._generic_reference(k), generic_reference=1.0)
        add(self.topic, topic=1.0)
        add(self.home_country, home_country=1.0)
        add(self.source_country, source_country=1.0)
        add(self.dateline, dateline=1.0)
        add(self.table["city_countries"].get(self.dateline or ""), dateline_country=1.0)
        for j in range(max(0, k - 2), k + 1):  # „Die Mastaba für Abu Dhabi“: a work's title
            for m in _QUOTED_TITLE.finditer(self.sentences[j].text):
                add(m.group(1), quoted_title=1.0, in_sentence=float(j == k), previous_sentence=float(j == k - 1))
        for t in sent:  # "Asylwerber", "Republikaner": a group of people counted or speaking
            if t.text[:1].isupper() and len(t.text) > 5 and not self._in_figure(t) and t.text.lower() not in self.table["closed_class"] \
                    and _ending_pattern("group_endings", False).search(t.text) and not _ending_in(t.text, "titles"):
                add(t.text, in_sentence=1.0, group_noun=1.0)
        rule = self._rule_subject(k, start, end)
        add(rule, rule=1.0)
        unnamed = not any(not m.locative and not m.refers and not self._is_source(m) for m in self.mentions[k])
        rule_is_topic = rule is not None and self.topic is not None and self._base_key(rule) == self._base_key(self.topic)
        named_here = sorted((m for m in self.mentions[k] if not m.refers and not self._is_source(m)), key=lambda m: m.start)
        first_here = self._normalise(named_here[0].name).casefold() if named_here else None
        headline = {self._base_key(self._normalise(m.name) or "") for ms in self.mentions[:2] for m in ms if not m.refers}
        result = []
        for key, features in found.items():
            features["headline"] = float(self._base_key(features["_name"]) in headline)
            features["first_in_sentence"] = float(key == first_here)
            features["home_country_when_unnamed"] = features.get("home_country", 0.0) * unnamed
            features["group_when_unnamed"] = features.get("group_noun", 0.0) * unnamed
            features["previous_when_unnamed"] = features.get("previous_sentence", 0.0) * unnamed
            features["topic_when_unnamed"] = features.get("topic", 0.0) * unnamed
            features["rule_is_topic"] = features.get("rule", 0.0) * rule_is_topic
            features["place_in_sentence"] = float(any(w in self.table["places"] for w in features["_name"].split())) * features.get("in_sentence", 0.0)
        for features in found.values():
            name = features.pop("_name")
            key = self._base_key(name)
            features["topic"] = max(features.get("topic", 0.0), float(self.topic is not None and key == self._base_key(self.topic)))
            features["mentions"] = min(counts.get(key, 0), 10) / 10
            features["place"] = float(any(w in self.table["places"] for w in name.split()))
            features["person"] = float(self._is_person(name))
            features["acronym"] = float(bool(_ACRONYM.match(name)))
            result.append(Candidate(name, features))
        return result

    def _in_prepositional_phrase(self, sent: list[Token], i: int) -> bool:
        """Does sent[i] stand in a prepositional phrase ("mit der Bank", "in den USA"), past
        determiners and lowercase adjectives, rather than as a bare noun phrase (a subject or object)?"""
        j = i - 1
        while j >= 0 and (sent[j].text.lower() in self.table["determiners"] and sent[j].text.lower() not in self.table["prepositions"]
                          or sent[j].text[:1].islower() and re.search(r"(e|en|er|es|em)$", sent[j].text)
                          and sent[j].text.lower() not in self.table["prepositions"]):
            j -= 1
        return j >= 0 and sent[j].text.lower() in self.table["prepositions"]

    def _find_dateline(self) -> Optional[str]:
        """The place of the article's dateline ("Wien – Die Regierung ..."), if it has one."""
        for sent in self.tokens[:4]:
            if len(sent) > 1 and _dateline_dash(sent, 1) and sent[0].text in self.table["places"]:
                return sent[0].text
        return None

    def _choose(self, k: int, start: int, end: int) -> Optional[str]:
        published_on = self._source_of_publication(k, start, end)
        if published_on:
            return published_on
        event = self._event_of(k, start, end)
        if event:
            return event
        dated = self._dated_by_year(k, start, end)
        if dated:
            return dated
        recipient = self._source_as_recipient(k)
        if recipient:
            return recipient
        respective = self._respective_name(k, start, end)
        if respective:
            return respective
        lo, hi = self._colon_clause(k, start)
        mentions = [m for m in self.mentions[k] if (m.end <= start or m.start >= end) and not self._is_source(m)
                    and lo <= m.start < hi and not self._counted_by_figure(m)]
        # "in Oberösterreich (1,8 Prozent)", "Tirol (plus 1,4 Prozent oder 10.176 Personen)": a figure in
        # brackets belongs to the name before them, even where that name is a place, unless a
        # capitalised word other than "Prozent" or "Personen" comes first inside ("Wien (laut
        # Statistik Austria 2,4 Prozent)").
        bracketed = [m for m in mentions if not m.refers
                     and re.fullmatch(r"\s*\((?:[^()A-ZÄÖÜ]|Prozent|Personen)*", self.text[m.end : start])]
        if bracketed:
            return bracketed[-1].name

        placed = self._placed_after(k, end, mentions)
        if placed:
            return placed
        elliptic = self._elliptic_place(start, mentions)
        if elliptic:
            return elliptic

        # "33,47 Prozent der Asylwerber verfügen über ..., 56 Prozent über ...": an elliptic
        # figure shares the holder of the figure before it in the sentence.
        before = [e for s, e in self._figure_spans if self.sentences[k].start <= s and e <= start]
        holder = self._genitive_holder(k, end) or (self._genitive_holder(k, before[-1]) if before else None)
        if holder:
            return holder

        def distance(m: Mention) -> float:
            # A name after the figure is less often its subject ("Bayern mit 75, Baden-Württemberg mit 45").
            return start - m.end if m.end <= start else (m.start - end) * 3

        place = self._place_of_count(k, end, mentions)
        if place:
            return place
        named = [m for m in mentions if not m.locative]
        # A sentence that refers to the person the article is about ("Nach der Promotion 1949
        # ging er ... zu Paul Lazarsfeld") is about that person; other names in it are objects.
        if any(m.refers == "topic" for m in named):
            return self._pronoun_antecedent(k) or self.topic
        described = self._described_opener(k, start, named)
        if described:
            return described
        if named and all(self._heads_sentence(k, m) for m in named):
            # "In den USA beschäftigt das Unternehmen 1500 Mitarbeiter": the place frames the sentence, whose
            # actor is the body its generic noun stands for (case counts are the place's: _place_of_count)
            actor = self._generic_reference(k, (lo, hi))
            if actor and actor not in self.table["places"]:
                return actor
        if named:
            nearest = self._head_of_von(min(named, key=distance), named)
            return self._person_before(nearest) if nearest.refers == "role" else nearest.name
        if not mentions:  # a case count naming nothing continues the place before, not "die Regierung"
            continued_place = self._place_before(k, start)
            if continued_place:
                return continued_place
        generic = self._generic_reference(k, (lo, hi))
        if generic:
            return generic
        if mentions:
            return min(mentions, key=distance).name
        return self._continued(k) or self._national_topic()

    def _national_topic(self) -> Optional[str]:
        """What a sentence naming nothing is about at last: the article's topic, or, where the
        article cites a listed national institution for its figures and its topic is no place,
        the institution's country ("laut RTR ... 857 Millionen SMS": Österreich's SMS)."""
        if self.source_country and self.topic and self.topic not in self.table["places"]:
            return self.source_country
        institution = self._institution_of(self.topic) if self.topic else None
        return institution.country if institution else self.topic

    def _place_before(self, k: int, start: int) -> Optional[str]:
        """ "Selbst wenn die Zahl der Toten in Qom ... Nach Amirabadis Angaben gab es bereits am 13.
        Februar die ersten Todesfälle ... 250 Patienten seien unter Quarantäne gestellt worden": a
        sentence about cases or deaths that names no place continues the place named in the nearest
        of the three sentences before that names one (the last subject of the same measure), not the
        article's topic; where that sentence names several, none of them."""
        if not any(t.text[:1].isupper() and _ending_in(t.text, "case_nouns") for t in self.tokens[k]):
            return None
        # "Das zeigen auch aktuelle Entwicklungen im Landkreis: Weitere drei Menschen sind ... gestorben":
        # its own sentence may name the place by a common noun before the count
        if not any(m.end <= start for m in self.mentions[k]):
            noun = self._place_noun([t for t in self.tokens[k] if t.end <= start])
            if noun:
                return noun
        for j in range(k - 1, max(-1, k - 4), -1):
            names = {self._base_key(m.name): m for m in self.mentions[j] if not m.refers and not self._is_source(m)}
            places = [m for m in names.values() if m.locative or m.name in self.table["places"]]
            if places:  # one name only: after "die Kreise Zwickau und Region Hannover" the count is the country's
                return places[0].name if len(names) == 1 else None
            if not names:  # a place named by a common noun
                noun = self._place_noun(self.tokens[j])
                if noun:
                    return noun
        return None

    def _place_noun(self, sent: list[Token]) -> Optional[str]:
        """A place named by a common noun ("im Landkreis", "in der Stadt"; claims.toml's place_nouns)."""
        for i, t in enumerate(sent[1:], 1):
            before = sent[i - 1].text.lower(), sent[i - 2].text.lower() if i > 1 else ""
            if t.text.lower() in self.table["place_nouns"] and (before[0] == "im" or before in (("der", "in"), ("dem", "in"))):
                return t.text
        return None

    def _pronoun_antecedent(self, k: int) -> Optional[str]:
        """ "Hierarchisch formal ist Anja Hagenauer (46) die logische Nachfolgerin von Schaden. Sie
        ist seit den Wahlen 2014 Vizebürgermeisterin": a sentence opening with "Er" or "Sie" right
        after a sentence led by another person refers to that person, not the article's."""
        if k == 0 or not self.tokens[k] or self.tokens[k][0].text not in ("Er", "Sie"):
            return None
        acting = [m for m in self.mentions[k - 1] if not m.locative and not m.refers and not self._is_source(m)]
        first = acting[0].name if acting else None
        if first and self._is_person(first) and self._base_key(first) != self._base_key(self.topic or ""):
            return first
        return None

    def _placed_after(self, k: int, end: int, mentions: list[Mention]) -> Optional[str]:
        """ "222.283 davon aus Wien, 23.015 aus dem Burgenland", "davon 50 bei der Bank-Austria-Mutter
        Unicredit": a count or amount followed right away by "aus", "in" or "bei" and a name (after
        at most a title or generic noun) is that name's; not a date ("am 9. Juni in Seoul": where
        the dated event happened)."""
        sent = self.tokens[k]
        i = bisect.bisect_left([t.start for t in sent], end)
        if any(w in self.table["months"] for w in re.findall(r"\w+", self.text[self.sentences[k].start : end].lower())[-3:]):
            return None
        if i < len(sent) and sent[i].text == "davon":
            i += 1
        if i >= len(sent) or sent[i].text not in ("aus", "in", "im", "bei", "beim"):
            return None
        i += 1
        if i < len(sent) and sent[i].text in ("dem", "der", "den"):
            i += 1
        named = {x.start: x.name for x in mentions if not x.refers}
        if i + 1 < len(sent) and sent[i].start not in named and (_ending_in(sent[i].text, "titles") or _ending_in(sent[i].text, "generic_nouns")):
            i += 1  # "der Bank-Austria-Mutter Unicredit"
        return named.get(sent[i].start) if i < len(sent) else None

    def _counted_by_figure(self, m: Mention) -> bool:
        """ "857 Millionen SMS": a name right after a figure is what the figure counts, not who holds
        it (nor the holder of another figure in the sentence, "im 3. Quartal 2015 ... 857 Millionen SMS")."""
        k = bisect.bisect_left(self._figure_starts, m.start) - 1
        return k >= 0 and self._figure_spans[k][1] <= m.start and not self.text[self._figure_spans[k][1] : m.start].strip()

    def _colon_clause(self, k: int, start: int) -> tuple[int, int]:
        """The offsets of the part of sentence k around `start` between colons that open a new
        main clause ("Auf EU-Ebene ist vereinbart, ...: Im Vorjahr machte dieser Anstieg 0,1
        Prozent ... aus") and spaced dashes ("mit einem Plus von 1,5 Prozent ... – und zwar in
        sämtlichen Bundesländern, allen voran in Oberösterreich (1,8 Prozent), Vorarlberg ..."):
        names on the other side of such a boundary hold none of its figures, except that a figure
        in a dash's afterthought keeps the names before the dash."""
        sentence = self.sentences[k]
        lo, hi = sentence.start, sentence.end
        if re.search(r"\bdort\b", sentence.text):  # ": Mitte Mai öffnen dort die Lokale" refers back over the colon
            return lo, hi
        for m in re.finditer(r":\s+(?=[A-ZÄÖÜ])|\s[–—]\s", sentence.text):
            at = sentence.start + m.start()
            if at < start:
                if m.group().startswith(":"):  # "Die FPÖ folgt – mit 39,69 Prozent": a dash's afterthought keeps the names before it
                    lo = sentence.start + m.end()
            else:
                hi = min(hi, at)
        return lo, hi

    def _place_of_count(self, k: int, end: int, mentions: list[Mention]) -> Optional[str]:
        """ "seien 50 Menschen alleine in Qom an dem Virus gestorben": a count of people, cases or
        deaths is about the place it is for (issue 4's rule 5), not the speaker or source: the place
        heading the sentence, a location after the count, else the one location before it."""
        sent = self.tokens[k]
        i = bisect.bisect_left([t.start for t in sent], end)
        while i < len(sent) and sent[i].text.islower() and re.search(r"(e|en|er|es|em)$", sent[i].text):
            i += 1  # "zwei iranische Touristen"
        if i >= len(sent) or not _ending_in(sent[i].text, "case_nouns"):
            return None
        opening = self.sentences[k].start
        heading = [m for m in mentions if m.end <= end and self.text[opening : m.start].strip().lower() in ("", "in", "im")]
        places = heading + [m for m in mentions if m.locative and not m.refers and m.start > end]  # "In Kuwait sind drei ..."
        # else the one place named before it ("Bei einer Razzia gegen eine Fälscherorganisation in
        # Neapel ... waren 56 Personen festgenommen worden")
        before = {m.name for m in mentions if m.locative and not m.refers and m.end <= end}
        places += [m for m in mentions if m.name in before] if len(before) == 1 else []
        return places[0].name if places else None

    def _described_opener(self, k: int, start: int, named: list[Mention]) -> Optional[str]:
        """ "Tarik Mete, 28 Jahre alt ... Der rote Jungstar ..., der 2013 1.800 Vorzugsstimmen erreichte,
        soll das Mandat von Nicole Solarz übernehmen": a sentence opening with "Der" and a noun that
        is no name (a description of someone) before the figure refers to the first name acting in
        the sentence before (issue 4's rule 3); names after the figure are objects."""
        sent = self.tokens[k]
        if k == 0 or len(sent) < 2 or sent[0].text != "Der" or any(m.start < start for m in named):
            return None
        i = 1
        while i < len(sent) and (sent[i].text.islower() or sent[i].text[:1].isdigit() or sent[i].text in ".-"):
            i += 1  # "Der 37-jährige", "Der rote"
        if i >= len(sent) or not sent[i].text[:1].isupper() or any(m.start == sent[i].start for m in self.mentions[k]) \
                or sent[i].start >= start or _ending_in(sent[i].text, "generic_nouns") or _has_noun_ending(sent[i].text):
            return None
        acting = [m for m in self.mentions[k - 1] if not m.locative and not m.refers and not self._is_source(m)]
        return acting[0].name if acting else None

    def _continued(self, k: int) -> Optional[str]:
        """ "Das nächste Projekt „Die Mastaba für Abu Dhabi“ ... Es soll 150 Meter hoch werden": a
        sentence opening with a pronoun that names nothing continues the sentence before it (issue
        4's rule 4): its quoted title, else the first name acting in it."""
        if k == 0 or not self.tokens[k] or self.tokens[k][0].text not in self.table["continuing_openers"]:
            return None
        title = _QUOTED_TITLE.search(self.sentences[k - 1].text)
        if title:
            return title.group(1)
        acting = [m for m in self.mentions[k - 1] if not m.locative and not m.refers and not self._is_source(m)]
        if acting:
            return acting[0].name
        # "Es gibt einen Corona-Rettungsfonds, der ... Davon sollen nun 390 Milliarden Euro ...":
        # else the first body the sentence before names by a compound.
        return next(self._bodies(k - 1), None)

    def _bodies(self, k: int):
        """Compounds of a generic noun in sentence k that name one body ("Corona-Rettungsfonds",
        "Innenministerium"), in order."""
        named = {m.start for m in self.mentions[k]}
        for t in self.tokens[k]:
            generic = _ending_in(t.text, "generic_nouns") if t.text[:1].isupper() else None
            if generic and t.start not in named and not self._in_figure(t) and self._names_body(t.text, generic):
                yield t.text  # not a name that ends like one ("in Deutschland")

    def _event_of(self, k: int, start: int, end: int) -> Optional[str]:
        """ "bei der Wahl am 11. Oktober", "der nächsten Ministerpräsidentenkonferenz Ende April": a
        day or month right after an event the article knows names the date of that event (issue
        4's rule 1); a plain "Wahl" stands for the last compound of its kind written before
        ("Wien-Wahl"), else the first written after it ("Präsidentschaftswahl"). Not a bare year ("bei der Landtagswahl 2013 erreichte er ...": the year of
        what he did)."""
        if not any(w in self.table["months"] for w in re.findall(r"\w+", self.text[start:end].lower())):
            return None
        sent = self.tokens[k]
        i = bisect.bisect_left([t.start for t in sent], start) - 1
        if i >= 0 and sent[i].text.lower() in ("am", "im", "vom", "zum", "ab"):
            i -= 1
        t = sent[i] if i >= 0 else None
        event = _ending_in(t.text, "event_nouns") if t and t.text[:1].isupper() else None
        # a known event ("der Wahl"), not one met on the way ("auf einer Fachkonferenz am 9. Juni erklärt")
        if not event or not self._after_definite_article(sent, i):
            return None
        if len(t.text) >= len(event) + 3:
            return t.text
        compounds = [u for s in self.tokens for u in s
                     if u.text[:1].isupper() and _ending_in(u.text, "event_nouns") == event and len(u.text) >= len(event) + 3]
        earlier = [u.text for u in compounds if u.start < t.start]
        # else the compound the article writes later ("für die Wahl am 3. November" ... "die
        # Präsidentschaftswahl"): one event of that kind
        later = [u.text for u in compounds if u.start > t.start and not self._in_figure(u)]
        return earlier[-1] if earlier else later[0] if later else None

    def _dated_by_year(self, k: int, start: int, end: int) -> Optional[str]:
        """ "der Maastricht-Vertrag von 1992", "die Bill of Rights von 1689", "„Strange Weather“ von
        1987": a year right after "von" dates the thing named or quoted before it (not "von 2019
        bis 2021", "von 2019 auf 2020")."""
        if not re.fullmatch(r"1\d{3}|20\d\d", self.text[start:end]) or re.match(r"\s*(?:bis|auf|an|zu)\b", self.text[end:]):
            return None
        sent = self.tokens[k]
        i = bisect.bisect_left([t.start for t in sent], start)
        if i < 2 or sent[i - 1].text != "von":
            return None
        named = sent[i - 2]
        if named.text in "“”\"":  # „Strange Weather“ von 1987: the quoted work
            sentence = self.sentences[k].text
            title = [m for m in _QUOTED_TITLE.finditer(sentence) if self.sentences[k].start + m.end() == named.end]
            # not a medium something appeared in ("in der „New York Times“ von 2017": the portrait's year)
            if not title or re.search(r"\b(?:in|im)\s+(?:der|dem|den)?\s*$", sentence[: title[0].start()]):
                return None
            return title[0].group(1)
        if not named.text[:1].isupper() or self._in_figure(named) or named.text.lower() in self.table["closed_class"]:
            return None
        mention = next((m for m in self.mentions[k] if m.end == named.end and not m.refers), None)
        if mention:
            return mention.name
        first = i - 2  # "die Bill of Rights von 1689": back over "of" to the English name's head
        while first >= 2 and sent[first - 1].text in self.table["english_inner_particles"] \
                and sent[first - 2].text[:1].isupper() and sent[first - 2].text.lower() not in self.table["closed_class"]:
            first -= 2
        return self.text[sent[first].start : named.end]

    def _genitive_holder(self, k: int, end: int) -> Optional[str]:
        """ "33,47 Prozent der Asylwerber", "die viertägige Veranstaltung der Demokraten": the
        group in the genitive after the figure (and at most one noun) holds the figure; not an
        abstract noun ("0,1 Prozent der Wirtschaftsleistung")."""
        sent = self.tokens[k]
        i = bisect.bisect_left([t.start for t in sent], end)
        if i < len(sent) and sent[i].text[:1].isupper() and sent[i].text.lower() not in ("der", "des"):
            i += 1  # the figure's noun: "Veranstaltung"
        if i + 1 >= len(sent) or sent[i].text not in ("der", "des"):
            return None
        word = sent[i + 1].text
        if not word[:1].isupper() or self._in_figure(sent[i + 1]) or _has_noun_ending(word):
            return None
        named = next((m.name for m in self.mentions[k] if m.start == sent[i + 1].start and not m.refers), None)
        if named or _ending_in(word, "generic_nouns") or _ending_pattern("group_endings", False).search(word):
            return named or word
        return None

    def _source_of_publication(self, k: int, start: int, end: int) -> Optional[str]:
        """ "meldete das RKI am Sonntag": the day a source published stays with the source
        (issue 4's rule 5) where the sentence names no place the count is for."""
        words = re.findall(r"\w+", self.text[start:end].lower())
        if not any(w.startswith(day) for w in words for day in _weekdays()):
            return None
        in_sentence = [m for m in self.mentions[k] if not m.refers]
        if any(m.locative or m.name in self.table["places"] for m in in_sentence):
            return None
        sources = [m for m in in_sentence if self._is_source(m)]
        # "lag laut RKI am Mittwoch bei 18.633": after "laut" the day is the count's, not a publication
        if any(re.fullmatch(r"\s*am\s+", self.text[m.end : start]) and re.search(r"\blaut\s+$", self.text[: m.start]) for m in sources):
            return None
        if sources:  # "WTO-Generaldirektor Roberto Azevedo": the WTO; a listed "Robert Koch-Institut" stays whole
            name = sources[0].name
            return name if self._institution_of(name) else (name.rpartition("-")[0] or name)
        # "Am Freitag und Samstag hatte das Institut ... gemeldet" after "laut RKI"
        sent = self.tokens[k]
        for i, t in enumerate(sent):
            if t.text[:1].isupper() and _ending_in(t.text, "generic_nouns") and self._follows_determiner(sent, i):
                institution = self._institution_called(k, t)
                if institution and self._base_key(institution) in self._sources:
                    return institution
        return None

    def _source_as_recipient(self, k: int) -> Optional[str]:
        """ "wurden 625 Neuinfektionen an das RKI übermittelt": counts sent to a source are the
        source's count where the sentence names no place they are for."""
        in_sentence = [m for m in self.mentions[k] if not m.refers]
        if any(m.locative or m.name in self.table["places"] for m in in_sentence):
            return None
        for m in in_sentence:
            if self._is_source(m) and re.search(r"\ban\s+(?:das|den|die)\s+$", self.text[max(0, m.start - 12) : m.start]):
                return m.name
        return None

    def _elliptic_place(self, start: int, mentions: list[Mention]) -> Optional[str]:
        """ "In Bayern gab es 289 Fälle, in Sachsen 216": a clause of a place and the figure alone, after a
        comma or "und", is about that place."""
        for m in mentions:
            if m.locative and m.end <= start and not self.text[m.end:start].strip() \
                    and _ELLIPTIC_OPENING.search(self.text, max(0, m.start - 12), m.start):
                return m.name
        return None

    def _coordinated(self, spans: list[tuple[int, int]], i: int) -> tuple[int, list[tuple[int, int]]]:
        """The run of spans around spans[i] joined by "und", "bzw.", "sowie" or a comma, and i's place in it."""
        def joined(a: tuple[int, int], b: tuple[int, int]) -> bool:
            between = self.text[a[1] : b[0]].strip(" ,")
            # "die Kreise Zwickau und Region Hannover": a generic noun may head the next name
            words, limit = between.split(), 8
            if len(words) == 2 and words[1][:1].isupper() and _ending_in(words[1], "generic_nouns"):
                between, limit = words[0], 9 + len(words[1])
            return between in ("", "und", "bzw.", "sowie", "oder") and b[0] - a[1] <= limit

        lo = i
        while lo > 0 and joined(spans[lo - 1], spans[lo]):
            lo -= 1
        hi = i
        while hi + 1 < len(spans) and joined(spans[hi], spans[hi + 1]):
            hi += 1
        return i - lo, spans[lo : hi + 1]

    def _respective_name(self, k: int, start: int, end: int) -> Optional[str]:
        """ "mit 3.636 und 2.940 in Nordrhein-Westfalen und Bayern": coordinated figures and as
        many coordinated names in one sentence go together in order."""
        sentence = self.sentences[k]
        figures = [sp for sp in self._figure_spans if sentence.start <= sp[0] and sp[1] <= sentence.end]
        if (start, end) not in figures:
            return None
        place, run = self._coordinated(figures, figures.index((start, end)))
        if len(run) < 2:
            return None
        names = [m for m in self.mentions[k] if not m.refers]
        spans = [(m.start, m.end) for m in names]
        for i in range(len(names)):
            at, chain = self._coordinated(spans, i)
            if at == 0 and len(chain) == len(run):
                return names[i + place].name
        return None

    _VON_BETWEEN = re.compile(r"\s+von\s+(?:[A-ZÄÖÜ][\w-]*\s+){0,2}")

    def _head_of_von(self, nearest: Mention, named: list[Mention]) -> Mention:
        """ "Die ÖVP von Bundeskanzler Karl Nehammer kam auf 26,3 Prozent": a name after "von" (and up to two
        title words) qualifies the name right before it, which heads the phrase and is what the figure is about."""
        head = max((m for m in named if m.end <= nearest.start), key=lambda m: m.end, default=None)
        if head is not None and not head.refers and self._VON_BETWEEN.fullmatch(self.text, head.end, nearest.start):
            return head
        return nearest

    def _person_before(self, reference: Mention) -> Optional[str]:
        """The person a role alone stands for: the last name written with that role
        ("US-Präsident Donald Trump" for "der US-Präsident"), else the last person named
        before it (a name of two or more words that is no place), else the article's topic."""
        earlier = [
            m for ms in self.mentions[: reference.sentence + 1] for m in ms
            if not m.refers and m.start < reference.start
        ]
        for m in reversed(earlier):
            words = m.name.split()
            if reference.name in words[:-1]:  # "EU-Ministerin Clara Berg" -> "Clara Berg"
                return " ".join(words[words.index(reference.name) + 1 :])
        people = [m for m in earlier if self._is_person(m.name)]
        return self._longest.get(_key(people[-1].name), people[-1].name) if people else self.topic

    def _is_person(self, name: str) -> bool:
        words = self._display(name).split()
        return (len(words) > 1 and name not in self._joined_names
                and not any(w in self.table["places"] or _ACRONYM.match(w) for w in words))

    def _display(self, name: str) -> str:
        """The name without a leading title ("US-Präsident Donald Trump" -> "Donald Trump")."""
        words = name.split()
        while len(words) > 1 and _ending_in(words[0], "titles"):
            words = words[1:]
        return " ".join(words)


CANDIDATE_FEATURES = (
    "rule", "in_sentence", "previous_sentence", "earlier_sentence", "before_figure", "after_figure",
    "closeness", "sentence_start", "locative", "source", "refers", "generic_body", "generic_plain",
    "demonym", "generic_reference", "topic", "mentions", "place", "person", "acronym",
    "first_in_sentence", "previous_when_unnamed", "topic_when_unnamed", "rule_is_topic", "place_in_sentence",
    "home_country", "home_country_when_unnamed", "quoted_title", "group_noun", "group_when_unnamed",
    "source_country", "dateline", "dateline_country", "headline", "in_phrase", "bare_noun_phrase",
)


@dataclass(frozen=True)
class Candidate:
    """A name a figure may be about, and its cues (CANDIDATE_FEATURES, missing ones are 0)."""

    name: str
    features: dict[str, float]


def _looks_english(text: str) -> bool:
    words = re.findall(r"[A-Za-z]+", text.lower())
    english = set(_english()["function_words"])
    return bool(words) and sum(w in english for w in words) / len(words) > 0.12


def fact_subject(text: str, *, lang: Optional[str] = None) -> Optional[str]:
    """The subject of a standalone reference fact, German or English.

    "ByteDance acquired the lip-sync app Musical.ly ..." -> "ByteDance";
    "TikTok beschäftigte im August 2020 ... 1.500 Mitarbeiter." -> "TikTok".
    """
    if not isinstance(text, str):
        raise ValueError(f"fact_subject needs a str, not {type(text).__name__}.")
    if not text.strip():
        return None
    if lang == "en" or (lang is None and _looks_english(text)):
        return _english_subject(text)
    from .sentences import split_sentences

    sentences = split_sentences(text)
    finder = SubjectFinder(text, sentences)
    for k in range(len(sentences)):
        names = [m for m in finder.mentions[k] if m.refers != "topic"]
        named = [m for m in names if not m.locative] or names
        if named:
            return finder._display(named[0].name)
    return None


def _english_subject(text: str) -> Optional[str]:
    """The first run of capitalised words that is not a sentence opener, month or weekday."""
    table = _english()
    skip = set(table["stopwords"]) | set(table["months"])
    run: list[str] = []
    for m in re.finditer(r"[\w.'’-]*\w|[^\w\s]", text):
        word = m.group()
        if word[:1].isupper() and word.lower() not in skip:
            run.append(word)
        elif run:
            break
    return " ".join(run) if run else None
