"""Claims: attributed statements of fact or forecast, their speaker, what they concern and their figures; and what
is not a claim (criticisms, plans, calls, hypotheticals, opinions, the journalist's own statements)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.model import Extraction
from loaders.extract import extract
from loaders.extract.claim_filters import is_statement, is_value_judgement
from tests.loaders.extract.extract_helpers import key_label


def claims_of(ex: Extraction) -> list[tuple[str, str, list[float]]]:
    """(claimant label, text, quantity values) of every claim."""
    kl = key_label(ex)
    return [(kl[c.claimant], c.text, [q.value for q in c.quantities]) for c in ex.claims]


@pytest.mark.parametrize(("text", "claimant", "statement", "values"), [
    ("Zentrix Labs said that more than 80% of its code is now written by its own models.",
     "Zentrix Labs", "more than 80% of its code is now written", [80.0]),
    ("“Our systems already handle four million requests every day,” said Priya Raman, the chief technology officer "
     "of Halvorsen Robotics.", "Priya Raman", "Our systems already handle four million requests", [4e6]),
    ("Halvorsen Robotics reported that quarterly revenue fell 24% to $143.5 million.",
     "Halvorsen Robotics", "quarterly revenue fell 24% to $143.5 million", [24.0, 143.5e6]),
    # verbs that state a fact with "that", and a verb after an auxiliary that is no noun
    ("Zentrix Labs countered that its model had passed 12 independent audits.",
     "Zentrix Labs", "its model had passed 12 independent audits", [12.0]),
    ("Zentrix Labs makes games. It has stressed that player data is not stored or used to train the model.",
     "Zentrix Labs", "player data is not stored or used to train the model", []),
    ("Zentrix Labs has forecast that revenue will reach $4 billion next year.",
     "Zentrix Labs", "revenue will reach $4 billion next year", [4e9]),
    ("According to the International Energy Agency, demand for data centre power has not yet peaked.",
     "International Energy Agency", "demand for data centre power has not yet peaked", []),
    ("Zentrix Labs published a research note on Monday. The company said its model has not yet reached human "
     "level on research tasks.", "Zentrix Labs", "its model has not yet reached human level", []),
    ("Quarterly shipments rose 12% to 4.2 million units, according to Halvorsen Robotics.",
     "Halvorsen Robotics", "Quarterly shipments rose 12% to 4.2 million units", [12.0, 4.2e6]),
    ("Zentrix Labs said it had published a new safety study. The study warns that current evaluations have not yet "
     "caught up with agentic systems.", "Zentrix Labs", "current evaluations have not yet caught up", []),
    # an absolute clause with a participle of reporting
    ("Zentrix Labs has grown fast, with Reuters reporting that its valuation reached about $9bn in late 2024.",
     "Reuters", "its valuation reached about $9bn", [9e9]),
    # a publication's named author speaks
    ("A new study from Halvorsen University, published on Monday, found that 12% of the answers were wrong.",
     "Halvorsen University", "12% of the answers were wrong", [12.0]),
])
def test_attributed_statements_are_claims(text: str, claimant: str, statement: str, values: list[float]) -> None:
    found = claims_of(extract(text))
    hits = [c for c in found if c[0] == claimant and statement in c[1]]
    assert hits, found
    assert sorted(hits[0][2]) == sorted(values)


@pytest.mark.parametrize(("text", "statement"), [
    ("Zentrix Labs said on Wednesday it had shipped 20,000 robots to its customers.",
     "it had shipped 20,000 robots to its customers"),
    ("Priya Raman told the audience that within two years, agents will write most of the code.",
     "within two years, agents will write most of the code"),
    ("Demand rose sharply, and data centres used 21 percent of the country's electricity in 2023, according to the "
     "Central Statistics Office.", "data centres used 21 percent of the country's electricity in 2023"),
    ("The Digital News Alliance, which says it represents more than 2,000 publications, lodged the complaint.",
     "it represents more than 2,000 publications"),
    ("Zentrix Labs builds Grasp, a robot arm that the company says can handle more than 20,000 SKUs.",
     "can handle more than 20,000 SKUs"),
    ("The Halvorsen Data Authority said the service had handled 40 million requests on Saturday, the Daily Ledger "
     "reported.", "the service had handled 40 million requests on Saturday"),
    ("Priya Raman said in a video posted to her channel that the model has passed 12 safety evaluations.",
     "the model has passed 12 safety evaluations"),
    ("Zentrix Labs told regulators that its filters had missed 40 accounts, officials said.",
     "its filters had missed 40 accounts"),
    # a fronted phrase before the name is not what was said
    ("Speaking at a conference hosted by Halvorsen Robotics, Priya Raman said Zentrix Labs had shipped 3 million "
     "chips.", "Zentrix Labs had shipped 3 million chips"),
])
def test_the_statement_starts_and_ends_where_its_clause_does(text: str, statement: str) -> None:
    assert [c[1] for c in claims_of(extract(text))] == [statement]


@pytest.mark.parametrize(("text", "claimant", "statement"), [
    # a second source closing the sentence is not part of the statement
    ("Bloomberg reported that Zentrix Labs was in talks to raise $6 billion, citing people familiar with the matter.",
     "Bloomberg", "Zentrix Labs was in talks to raise $6 billion"),
    ("Priya Raman has said that Zentrix Labs will reach 10 million users by 2026, according to a report by the Daily "
     "Ledger.", "Priya Raman", "Zentrix Labs will reach 10 million users by 2026"),
    # "according to the company" and "according to the blog post": the organisation the article is about
    ("Zentrix Labs, an online education company, opened an office in Oslo. According to the company, its tutor now "
     "has 30 million monthly users.", "Zentrix Labs", "its tutor now has 30 million monthly users"),
    ("Zentrix Labs published a blog post on Friday. According to the post, its founders originally planned to raise "
     "around $100 million.", "Zentrix Labs", "its founders originally planned to raise around $100 million"),
    # a role before the name
    ("Zentrix Labs has spent more than $1 million on 11,000 subway ads, according to its founder and CEO, Priya "
     "Raman.", "Priya Raman", "Zentrix Labs has spent more than $1 million on 11,000 subway ads"),
])
def test_the_source_and_its_statement(text: str, claimant: str, statement: str) -> None:
    assert (claimant, statement) in [(c[0], c[1]) for c in claims_of(extract(text))]


def test_two_statements_with_figures_joined_by_and_that_are_two_claims() -> None:
    text = "Zentrix Labs said its revenue grew 17% and that its tutor had 1,000 customers in Oslo."
    assert [(c[1], c[2]) for c in claims_of(extract(text))] == [
        ("its revenue grew 17%", [17.0]), ("its tutor had 1,000 customers in Oslo", [1000.0])]


def test_an_unnamed_spokesperson_speaks_for_the_organisation_named_as_theirs() -> None:
    text = ("Halvorsen Robotics launched a voice feature on Monday. A Zentrix Labs spokesperson told the Daily Ledger "
            "that the union learned of it from the press. According to the spokesperson, the union did not approach "
            "Halvorsen Robotics before filing the charge.")
    found = [c[0] for c in claims_of(extract(text)) if "did not approach" in c[1]]
    assert found == ["Zentrix Labs"]


@pytest.mark.parametrize("said", ["“We trained it on 10,000 GPUs,” the company wrote in a blog post.",
                                  "The company says it trained the model on 10,000 GPUs."])
def test_the_company_is_the_subject_of_its_paragraph_not_the_last_speaker(said: str) -> None:
    text = ("“Demand for chips will grow 20% next year,” said an analyst at Helix Capital.\n\n"
            f"Zentrix Labs released a new model on Tuesday. {said}")
    assert [c[0] for c in claims_of(extract(text)) if "10,000" in c[1]] == ["Zentrix Labs"]


@pytest.mark.parametrize(("text", "claimant", "statement"), [
    # "the company" after a quote that attribution left without a speaker, and the quote that goes on after it
    ("Zentrix Labs was sued by publishers on Monday. “Our models were trained on 4,000 licensed works,” the company "
     "said. “We have learned over time that filters can be less reliable in long chats.”", "Zentrix Labs",
     "filters can be less reliable"),
    ("Zentrix Labs was sued on Monday. “Our models were trained on 4,000 licensed works,” it said.", "Zentrix Labs",
     "4,000 licensed works"),
    # an unnamed company spokesperson speaks for the company, not the executive named before
    ("Zentrix Labs pushed back. Tom Becker, its head of communications, called the lawsuit “frivolous.”\n\n“We have "
     "consistently prioritized controls to mitigate the risk of infringement,” a company spokesperson said.",
     "Zentrix Labs", "consistently prioritized controls"),
    # the company's own publication as the source
    ("Zentrix Labs makes chips. The firm employs 400 people, according to its website.", "Zentrix Labs",
     "employs 400 people"),
    ("Zentrix Labs makes chips. According to the company's latest filing, it lost $500 million last year.",
     "Zentrix Labs", "it lost $500 million last year"),
    # "the agency" opening a sentence: the public body the article is about
    ("The Halvorsen Data Protection Authority ordered Zentrix Labs to stop. The agency estimates that the country has "
     "around 102 million active users of the app.", "Halvorsen Data Protection Authority", "102 million"),
])
def test_a_described_speaker_is_the_organisation_described(text: str, claimant: str, statement: str) -> None:
    assert [c[0] for c in claims_of(extract(text)) if statement in c[1]] == [claimant]


@pytest.mark.parametrize(("text", "claimant", "statement"), [
    # a claim the subject disputes or criticises is its owner's, not the subject's
    ("Elena Varga disputed Zentrix Labs's claim that 70% of its users trust the tutor.", "Zentrix Labs",
     "70% of its users trust the tutor"),
    ("Elena Varga criticised Tom Becker over his claims that 80% of the code is now written by AI.", "Tom Becker",
     "80% of the code is now written by AI"),
    ("Zentrix Labs makes chips. Critics dismissed its assertion that the chips use 40% less power than rivals, "
     "which it has not shown.", "Zentrix Labs", "the chips use 40% less power than rivals"),
])
def test_a_claim_named_by_a_noun_is_its_owners(text: str, claimant: str, statement: str) -> None:
    assert [(c[0], c[1]) for c in claims_of(extract(text))] == [(claimant, statement)]


def test_where_the_whole_is_no_claim_each_that_clause_may_be() -> None:
    text = "Zentrix Labs sued Halvorsen Robotics on Monday. Halvorsen said the lawsuit was baseless and that its " \
           "chips use 40% less power than Zentrix Labs's."
    assert [(c[0], c[1]) for c in claims_of(extract(text))] == [
        ("Halvorsen Robotics", "its chips use 40% less power than Zentrix Labs's")]


def test_a_retort_states_only_its_figures() -> None:
    text = ("Tom Becker retorted, “What have you built in the past five years?” Priya Raman countered, “Over 80 "
            "technical papers published since January 2022. What about you?” Becker fired back, “You are going soft.”")
    assert [(c[0], c[2]) for c in claims_of(extract(text))] == [("Priya Raman", [80.0])]


@pytest.mark.parametrize(("text", "claimant", "statement"), [
    # the verb of a relative clause is spoken by the person the clause hangs on
    ("The only public information comes from Priya Raman, who advises Zentrix Labs on safety and has said the company "
     "did run such evaluations.", "Priya Raman", "the company did run such evaluations"),
    # a speaker set off by commas after a short opening; "she" is the woman named before, not the last man
    ("Elena Varga, a former director at Zentrix Labs, left after Tom Becker returned. By then, she said, the board was "
     "already talking seriously about replacing him.", "Elena Varga", "the board was already talking seriously"),
    # a speaker's account of its own removals is a statement, not an accusation
    ("Zentrix Labs said in a statement that it removes illegal content and permanently suspends the accounts "
     "involved.", "Zentrix Labs", "it removes illegal content"),
])
def test_speakers_of_relative_and_parenthetical_clauses(text: str, claimant: str, statement: str) -> None:
    assert [c[0] for c in claims_of(extract(text)) if statement in c[1]] == [claimant]


def test_she_said_is_not_the_last_man_named() -> None:
    text = ("Actress Scarlett Vance turned down an offer from Zentrix Labs chief executive Tom Becker in May. Becker "
            "later contacted her agent again. She said she hired legal counsel, who sent two letters to Becker.")
    assert [c[0] for c in claims_of(extract(text))] == ["Scarlett Vance"]


def test_a_spokesperson_quoting_words_about_their_own_side_makes_a_claim() -> None:
    text = ('Zentrix Labs spokesperson Priya Raman said Zentrix Labs and Halvorsen Robotics are "entirely separate" '
            'companies.')
    assert [c[0] for c in claims_of(extract(text))] == ["Priya Raman"]


def test_an_outlet_spoken_to_is_not_a_speaker() -> None:
    text = ('"I felt horrified," Elena Varga told the Daily Ledger, adding that 40 of the images showed her home.')
    assert "Daily Ledger" not in {c[0] for c in claims_of(extract(text))}


def test_the_source_of_figures_in_an_according_sentence_is_the_report() -> None:
    text = "According to a Reuters report, Zentrix Labs expects about $5 billion in losses this year."
    assert {c[0] for c in claims_of(extract(text))} == {"Reuters"}


def test_a_document_is_not_the_speaker_where_someone_speaks_in_it() -> None:
    text = "In a blog post on Friday, Priya Raman acknowledged that the model had passed 12 safety evaluations."
    assert {c[0] for c in claims_of(extract(text))} == {"Priya Raman"}


def test_the_company_is_the_organisation_that_spoke_just_before() -> None:
    text = ("Halvorsen Robotics said in a statement that its chips were tested by 12 independent labs. Zentrix Labs, "
            "a rival chipmaker based in Oslo, has disputed the results for months. The company said, however, that "
            "its chips had passed 40 separate safety audits.")
    assert [c[0] for c in claims_of(extract(text))] == ["Halvorsen Robotics", "Halvorsen Robotics"]


def test_a_report_cited_is_not_the_company_that_follows() -> None:
    text = ("According to a Reuters report, Zentrix Labs expects about $5 billion in losses this year. The company "
            "projects $11.6 billion in revenue next year.")
    found = {c[0]: c[2] for c in claims_of(extract(text))}
    assert found == {"Reuters": [5e9], "Zentrix Labs": [11.6e9]}


def test_figures_about_another_actor_are_the_journalists() -> None:
    text = ("Zentrix Labs said its revenue doubled this year. Halvorsen Robotics, which has invested $13 billion in "
            "Zentrix Labs, is negotiating its stake.")
    assert [c[0] for c in claims_of(extract(text))] == ["Zentrix Labs"]


def test_figures_after_an_attributed_statement_go_on_with_its_speaker() -> None:
    text = ("Zentrix Labs said its models are now doing more of its engineering work. For example:\n"
            "- The amount of code shipped per engineer has grown by 8 times since 2021 (thanks to code assistants);\n"
            "- 80% of new code is now written by its models, and the share of tests they pass has risen from 26% "
            "to 76%.\n")
    found = [(c[0], c[2]) for c in claims_of(extract(text))]
    for values in ([8.0], [80.0], [26.0, 76.0]):
        assert ("Zentrix Labs", values) in found, found


@pytest.mark.parametrize(("follow_on", "kept"), [
    ("Its tutor has answered questions in more than 35 languages.", True),
    ("The tutor handled questions in more than 35 languages.", False),
    ("Previous models had not solved more than 2 percent of the problems.", False),
])
def test_figures_told_in_the_past_after_a_statement_are_the_journalists(follow_on: str, kept: bool) -> None:
    text = f"Zentrix Labs said its tutor had reached 3 million pupils. {follow_on}"
    found = [c[2] for c in claims_of(extract(text)) if c[0] == "Zentrix Labs"]
    assert ([35.0] in found or [2.0] in found) is kept, found


def test_figures_after_a_pointed_to_trend_are_the_speakers() -> None:
    text = ("Zentrix Labs also pointed to a rapid increase in what its models can do alone. Tasks that once took "
            "minutes of supervision can now run for 4 hours, with the duration doubling every few months.")
    assert [(c[0], c[2]) for c in claims_of(extract(text))] == [("Zentrix Labs", [4.0, 2.0])]  # doubling: 2x


def test_a_named_spokesperson_speaks_for_the_quotes_that_follow() -> None:
    text = ("Zentrix Labs rejected the complaint. “Our models already run on 40% less energy than in 2023,” Zentrix "
            "Labs spokesperson Ann Lee said. “Every day, our data centres now serve two million developers.”")
    found = [(c[0], c[2]) for c in claims_of(extract(text))]
    assert found == [("Ann Lee", [40.0]), ("Ann Lee", [2e6])], found


@pytest.mark.parametrize(("text", "claimant"), [
    # the organisation introduced as a company, not the rival named last
    ("Online education company Zentrix Labs sued Halvorsen Robotics on Monday. Halvorsen Robotics runs the largest "
     "search engine in Europe. The company says traffic to its site fell 49% in January.", "Zentrix Labs"),
    # an outlet that was only told something is not "the company"
    ("Zentrix Labs published a new report on Tuesday. “Our progress is speeding up every month,” Zentrix Labs’s Ann "
     "Lee told Reuters. The company noted that self-improvement has not been achieved yet.", "Zentrix Labs"),
])
def test_the_company_is_the_one_the_article_is_about(text: str, claimant: str) -> None:
    assert [c[0] for c in claims_of(extract(text)) if "company" not in c[1]][-1] == claimant


def test_what_the_company_reported_is_its_claim() -> None:
    text = ("Online education company Zentrix Labs sued Halvorsen Robotics on Monday. Halvorsen Robotics declined to "
            "comment. Revenue fell 24% to $143.5 million, and the company reported a quarterly net loss of "
            "$6.1 million.")
    assert [(c[0], c[2]) for c in claims_of(extract(text))] == [("Zentrix Labs", [6.1e6])]


def test_a_name_that_ends_a_quote_is_not_its_speaker() -> None:
    text = '"The reviews were licensed content from an external company, Zentrix Labs," The Halvorsen Group said.'
    assert [c[0] for c in claims_of(extract(text))] == ["Halvorsen Group"]


@pytest.mark.parametrize(("text", "claimant"), [
    ("Zentrix Labs published a report stating that its models are now writing most of its code.", "Zentrix Labs"),
    ("Zentrix Labs said that model development now appears to be moving toward self-improvement.", "Zentrix Labs"),
    ("Priya Raman said AI would replace 40% of call-centre jobs by 2030.", "Priya Raman"),
    ("Priya Raman said the new chips would be twice as fast as the old ones.", "Priya Raman"),
    ("Zentrix Labs emphasized that its error rate has fallen by half since 2023.", "Zentrix Labs"),
    ("Zentrix Labs defended the model, saying that its error rate has fallen by half since 2023.", "Zentrix Labs"),
])
def test_attributed_statements_still_count(text: str, claimant: str) -> None:
    assert [c[0] for c in claims_of(extract(text))] == [claimant]


@pytest.mark.parametrize(("speaker", "expected"), [("Judge Maria Okafor", 0), ("Analyst Maria Okafor", 1)])
def test_a_ruling_is_not_a_claim(speaker: str, expected: int) -> None:
    assert len(claims_of(extract(f"{speaker} said Zentrix Labs trained its model on licensed data."))) == expected


def test_the_text_is_the_statement_not_the_sentence() -> None:
    (claim,) = extract("Zentrix Labs said on Tuesday that its new model has cut error rates by half.").claims
    assert claim.text == "its new model has cut error rates by half"


_ACCUSED = ("Zentrix Labs under fire\n\nElena Varga, a privacy researcher at Halvorsen University, accused Zentrix "
            "Labs of misleading its users. ")


@pytest.mark.parametrize(("follow_on", "claims"), [
    # what a critic says of the other side next to the criticism backs it: criticism territory
    ("She said the app sends location data to third-party advertisers.", []),
    # what the critic says of itself stays a claim
    ("She said she had reported the flaw to the company in March.", ["she had reported the flaw to the company"]),
])
def test_a_critics_grounds_next_to_its_criticism_are_not_claims(follow_on: str, claims: list[str]) -> None:
    found = [c[1] for c in claims_of(extract(_ACCUSED + follow_on)) if c[0] == "Elena Varga"]
    assert len(found) == len(claims) and all(want in got for want, got in zip(claims, found, strict=True)), found


@pytest.mark.parametrize(("answer", "speaker"), [
    # it calls the accusations false
    ("Zentrix Labs chief executive Priya Raman said the accusations were false. Raman said", "Priya Raman"),
    # it criticises its critic back
    ("Zentrix Labs criticised Elena Varga for “spreading misinformation”. The company said", "Zentrix Labs"),
])
def test_a_rebuttals_facts_are_claims(answer: str, speaker: str) -> None:
    text = _ACCUSED + "\n\n" + answer + " the data is stored only on the device."
    assert (speaker, "the data is stored only on the device", []) in claims_of(extract(text))


@pytest.mark.parametrize(("second", "count"), [
    ("Zentrix Labs said in March that its tutor was doing the work of 700 teachers in Oslo.", 1),
    ("Zentrix Labs said in March that its tutor now helps 900 teachers in Oslo.", 2),
])
def test_a_statement_repeated_in_an_article_is_one_claim(second: str, count: int) -> None:
    text = f"Zentrix Labs said its tutor did the work of 700 teachers.\n\nThe tutor launched in 2023. {second}"
    assert len(claims_of(extract(text))) == count


def test_a_forecast_of_results_is_a_claim() -> None:
    text = "Zentrix Labs expects to lose about $5 billion this year on roughly $3.7 billion in revenue."
    assert [c[2] for c in claims_of(extract(text))] == [[5e9, 3.7e9]]


@pytest.mark.parametrize("text", [
    # an accusation is a criticism
    "Elena Varga said Zentrix Labs had misled investors about the safety of its products.",
    # the speaker's own plans and announcements are events or nothing
    "Zentrix Labs said it will open a research office in Lisbon next year.",
    "Halvorsen Robotics said it plans to hire more engineers in Lisbon.",
    # recommendations and calls
    "Priya Raman said regulators should slow the deployment of frontier models.",
    # a question
    "“Why has nobody measured the energy these models use?” Priya Raman asked.",
    # the journalist's own statement: no speaker
    "Zentrix Labs has 400 employees and three offices in Europe.",
    # a hypothetical
    "Zentrix Labs said that if the rules passed, it would leave the European market.",
    # a litigant's allegation about the other side
    "Zentrix Labs filed a lawsuit against Halvorsen Robotics on Monday. Zentrix Labs says Halvorsen Robotics "
    "requires its customers to share their data.",
    "Zentrix Labs alleges that Halvorsen Robotics copied 40 of its chip designs.",
    # an opinion or feeling in the first person
    "“I think this is a wonderful moment for everyone in the industry,” said Priya Raman of Halvorsen Robotics.",
    # a suggestion is an opinion, not a statement of fact
    "Priya Raman suggested that open models could concentrate power in the hands of a few firms.",
    # a negated or passive verb of speech, or a noun: nobody states anything
    "Priya Raman, who won the award last year, never wrote that the model is safe.",
    "Zentrix Labs has faced criticism after it was revealed that its filters were switched off.",
    "Elena Varga wrote to Priya Raman after reports that Zentrix Labs had paused its audits.",
    "Zentrix Labs has not addressed the concerns or disclosed the number of complaints it has received.",
    # an unnamed subject, not the organisation named before it
    "Zentrix Labs paused the feature after an outside app developer showed that it kept copying other designs.",
    # a guess at what someone did
    '“The Daily Ledger seems to have used AI to write its whole reading list,” Priya Raman wrote.',
    # a name inside someone else's quotation is not speaking
    'Elena Varga criticised the firm in a post. "Its answers are copied from newspapers. Zentrix Labs proudly states '
    'that users can now skip the links to the sources entirely."',
    # a relative clause's verb: the standard, not the organisation, "tells"
    "Zentrix Labs uses a voluntary standard that tells crawlers which pages they can visit.",
    # what an actor would do is its intention; its support or dismay is a stance, not a fact
    "Elena Varga said the regulator would ensure that small firms keep access to the market.",
    "Zentrix Labs said it supported careful development of AI that balances innovation with safety.",
    'The Halvorsen Union said it was "horrified" by the reporting on the magazine.',
    # the speaker's account of its own efforts
    "Halvorsen Robotics says it spent months trying to negotiate with Zentrix Labs over payment for its designs.",
    # a verb that takes a noun phrase: no statement without "that" or a quote
    "Zentrix Labs has emphasized AI safety since its founding and has published 12 audits of its models.",
    # a gerund in a noun phrase, and "added" with an object
    "Zentrix Labs paused an automated sports writing program after it produced a string of errors.",
    "Zentrix Labs has since added a banner that appears before a user shares a chat.",
    # what a case asserts or denies is a legal assertion; an allegation is a criticism
    'Halvorsen Robotics said the complaint did not "identify a single work by any plaintiff" that it used.',
    "Halvorsen Robotics said the lawsuit lacks merit and stressed that the court's decision is only preliminary.",
    "Halvorsen Robotics said the allegations were not accurate.",
    "Elena Varga reported that an official alleged Zentrix Labs was selling data to brokers.",
    # a group nobody names speaks, not the organisation named before it
    "Zentrix Labs makes chips in Oregon. Industry analysts said that demand for its chips has doubled this year.",
    # a negative judgement without figures is criticism territory
    "Priya Raman said the board had been deceived and that its oversight was a hollow and dangerous sham.",
    # too short to state a fact; what the speaker cannot say
    "Zentrix Labs says users are in control.",
    "Zentrix Labs said it cannot predict how regulators will respond to the new model.",
    # a headline sums the story up in the desk's words
    "Zentrix Labs engineer quits, claiming safety has taken a back seat to products\n\nThe engineer left on Friday.",
    # the speaker's side's feelings and own conduct
    "Zentrix Labs said it was excited to support the work of the new lab.",
    "Zentrix Labs said the company was carefully reviewing the findings of the audit.",
    "Zentrix Labs said it continues to have confidence in its partner's technology.",
    # nouns that look like verbs of speech, a phrasal verb, an indirect question
    "Halvorsen Robotics brought claims against two other startups last year over their chip designs.",
    "Zentrix Labs raised its full-year revenue forecast to $4.6 billion from $4.3 billion.",
    "Zentrix Labs, which first showed off its robot in February, has yet to release it widely.",
    "We spoke to Priya Raman about why she thinks the biggest labs are playing a different game.",
    # '…, X announced they were leaving' is no '<content>, X said'; what follows a quote's verb only places it
    "Zentrix Labs is fending off 12 lawsuits, and last week two of its researchers, Priya Raman and Elena Varga, "
    "announced they were leaving.",
    "“This settlement surpasses any other known recovery,” Priya Raman said in a statement after 40 authors signed.",
    # a value judgement: an evaluative predicate, no fact
    "Priya Raman said the new model was “an impressive piece of engineering, whatever its price”.",
    # the speaker's side's stance and own steps
    "Zentrix Labs said it remains committed to the partnership with Halvorsen Robotics.",
    "Zentrix Labs said the company looked forward to resolving the dispute with its publishers.",
    "Zentrix Labs said it has reached an agreement in principle with Halvorsen Robotics on the chips.",
    # a statement without its subject ("principles that he said would …")
    "Priya Raman unveiled a set of principles on Monday that she said would govern its data centres.",
    # a condition last, the speaker's inability, its own steps, conduct and plans
    "The regulator said Zentrix Labs would face a daily fine of 50,000 euros if it did not comply.",
    "Priya Raman said she could not share every example of the problems with the board.",
    "Priya Raman said she had been experimenting with ways to use chatbots to help staff who lost their jobs.",
    "The Halvorsen Data Authority said it had summoned Zentrix Labs to explain the security risks of its chips.",
    "Zentrix Labs said it could resume chip sales in Europe after the review.",
    # a person describing another side in quoted words of their own judges it
    'Priya Raman said Zentrix Labs had released its model "without any documentation of its safety testing".',
    # "added" with an object
    "Zentrix Labs added the chatbot on May 16 as part of its summer season of new features.",
    # a second attribution ends the first statement: the chief's praise is not the company's statement
    "Halvorsen Robotics said it had signed a contract for two data centers, and its CEO, Elena Varga, said early "
    "results had been “genuinely impressive”.",
    # the speaker's stance, its plans (negated too) and when its product comes out
    "Zentrix Labs said it was “fully committed” to the partnership and would keep working with regulators.",
    "Zentrix Labs said it had no plans to raise prices for its tutor.",
    "Halvorsen Robotics said the new feature will be available in the United States first.",
    "Halvorsen Robotics said the features would take longer than expected to reach its customers.",
    # critics' statements are their criticism, even where one of them is named
    "Critics of the merger, including Priya Raman, have said Zentrix Labs has drifted away from its founding mission.",
    # how much something matters is a judgement
    "Priya Raman said open research has been vital for the progress of the whole industry.",
    # "that, according to X, drew on …": the rest of a relative clause, with no subject of its own
    "Zentrix Labs licensed memos that, according to Halvorsen Robotics, drew heavily on its own manuals.",
    # an unnamed person tied to an organisation speaks, not the organisation
    "Zentrix Labs was valued at $2 billion. An investor in Zentrix Labs said the impact on its sales was likely to be "
    "small because it relies on its own chips.",
    # a date after the verb, then a subordinate clause: no statement
    "Halvorsen Robotics will not build a plant in Lisbon, the company confirmed Wednesday, Oct. 8, after weeks of "
    "opposition to a plan that would have covered 244 acres.",
    # the speaker's own arm or campaign and what it will do, and its own step just taken: announcements
    "Zentrix Labs said its research arm will become a separate company, like rival labs before it.",
    "Priya Raman said the campaign will expand to Lisbon and Porto in the spring.",
    "“We have parted ways with Tom Becker,” Priya Raman wrote on Monday.",
    # what the law or a contract makes of a party, and what the speaker anticipates doing
    "Halvorsen Robotics said it was protected by certain terms of its customer agreement.",
    "The health department said the turbines were exempt from permitting.",
    "Zentrix Labs said the features would take longer than expected and that it anticipated rolling them out in "
    "the coming year.",
    # a failure to guard against a wrong is an accusation, whoever's subject it has
    "Priya Raman said the company failed to prevent the infringement of authors' works by Zentrix Labs.",
    # what the speaker told others to do
    "Priya Raman was sharp with the crowd, telling people to stay quiet during the presentations of the new plant.",
])
def test_what_is_not_a_claim(text: str) -> None:
    assert claims_of(extract(text)) == []


@pytest.mark.parametrize(("content", "quoted", "expected"), [
    # a quote states a fact when it denies one or gives a rank, not when it praises
    ("Zentrix does not have backdoors in our chips", True, True),
    ("AI isn't replacing our staff", True, True),
    ("Orion 4 is the most intelligent model in the world", True, True),
    ("Priya is one of the most ambitious founders we've worked with", True, False),
    ("We are not commenting on the lawsuit at this stage", True, False),
    ("Halvorsen is not the only company doing this to our members", True, False),
    # "it will …" is the speaker's plan in reported speech, a forecast about something else in a direct quote
    ("It will also reduce reliance on residential taxpayers by diversifying revenue", True, True),
    ("it will also reduce reliance on residential taxpayers by diversifying revenue", False, False),
    # a mandative subjunctive is a call ("recommending … that steps be paused"); a bare "be" after a modal is not one
    ("steps to implement mandatory guardrails for high-risk models be paused", False, False),
    ("the data can't be verified independently by the regulator", False, True),
    # an opening set off by dashes, then the clause
    ("As we shared last week — on our blog and our website — the feature is not trained on customer files", True,
     True),
    ("the chips had not slowed the country's progress", False, True),
    ("more than 10,000 vulnerabilities have been found", False, True),
    ("When the suit was first filed", False, False),
    ("Interestingly, just before the article was released", False, False),
    ("over 80% of its code is now written by its models", False, True),
    ("In March, the model completed a task that takes humans four minutes", False, True),
    ("weaknesses in its protections", False, False),
    ("more than 200 million people use the app every week", False, True),
    ("its models now generate 80% of its code", False, True),
    ("to stop including the newspaper's content", False, False),
    ("the company to stop including the newspaper's content in its search bot results", False, False),
    ("it would look into the matter", False, False),
    # the speaker's own steps just taken are announcements
    ("it had paused access for all artists while it investigated", False, False),
    ("he resigned from the board in May", False, False),
    ("it had hired a law firm to advise on the review", False, False),
    ("there is a need for international options to slow the pace of development", False, False),
    ("new safeguards may be necessary if models begin to train themselves", False, False),
    ("its mission was to understand the true nature of the universe", False, False),
    ("Tasks that once required human supervision can now run for hours", False, True),
    ("the company strongly disagrees with the decision", False, False),
    ("We are thrilled to welcome the team", True, False),
    ("Our safeguards already block most of these requests", True, True),
    ("This is a great day for the company", True, False),
    ("the company has laid out “the right strategy” for AI", False, False),
    # a quote stating a fact in the passive, or with an adverb before the participle
    ("The model was trained on licensed and publicly available data", True, True),
    ("We have consistently prioritized controls against misuse", True, True),
    ("The sky is red because the sun sets behind the hills", True, False),
    # a forecast about something other than the speakers is a statement; their plan, a condition's outcome, an
    # appointment or "there will be" is not
    ("Being included in the list will not have a substantial impact on the company's business", True, True),
    ("a lot of people who haven't yet left will leave", True, True),
    ("There will be more to announce in the coming weeks", True, False),
    ("Priya Raman will be the new CTO of Zentrix Labs", True, False),
    ("Once code quality reaches parity, humans will stop writing code entirely", True, False),
    ("This financing will accelerate our roadmap and enable us to ship products faster", True, False),
    # a superlative states a rank only with its field ("in the world"); alone it is praise
    ("This is the most impactful decision", True, False),
    ("Orion is the most widely used model in Europe", True, True),
    # counts in plural scale words, and denials with "just" or "always", are facts
    ("Every week, Zentrix sends billions of visitors to publishers", True, True),
    ("We don't just rely on our own crawlers", True, True),
    # a quote about others ("they", "he") characterises them unless it gives a figure
    ("They have intentionally designed their products to hook our children", True, False),
    ("They do not report what we see every day", True, False),
    ("They have sold 3 million devices since March", True, True),
    ("They have intentionally designed their products to hook our children", False, True),
])
def test_is_statement(content: str, quoted: bool, expected: bool) -> None:
    assert is_statement(content, quoted=quoted) is expected


@pytest.mark.parametrize(("content", "expected"), [
    ("R1 was an impressive model", True),
    ("on our data it has been excellent", True),
    ("the company is “a great partner” for the city", True),
    ("it is not yet clear that the model is capable of research judgment", False),
    ("model performance is improving quickly on coding benchmarks", False),
    ("the two companies are entirely separate", False),
    # too much, too little, a likeness, how much it matters
    ("the industry is too captivated by chatbots to fund basic research", True),
    # an adjective judging an act, extraposed
    ("it was inappropriate for a trustee who is not on the board to speak from the floor", True),
    ("it was inappropriate for trustee Ana Ruiz, who is not on the board, to speak from the floor", True),
    ("it is hard to confirm how the model was trained", True),
    ("it was founded to make the technology safe", False),
    ("even raising several hundred million won't be enough", True),
    ("calling the lab a model company is like calling a library a shelf company", True),
    ("open research has been vital for the progress of the industry", True),
    ("its revenue was enough to cover the cost of the data centre", False),
    ("the government is right to be in control of the tutoring programme", True),
    ("the model is able to write code in twelve languages", False),
])
def test_value_judgements(content: str, expected: bool) -> None:
    assert is_value_judgement(content) is expected


def test_every_claim_names_its_rule_and_lies_in_its_sentence(seeds_dir: Path) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]
    claims = [(text, c) for text in texts for c in extract(text).claims]
    assert claims
    for text, c in claims:
        assert c.rule.startswith("claim.")
        assert c.text in text[c.source.start:c.source.end], c


@pytest.mark.parametrize("folder", ["tuning2", "realnews_c", "realnews_h"])
def test_the_accusation_pre_test_says_what_the_scan_says(folder: str) -> None:
    """claim_filters._accusing, which skips the case-insensitive scan where no stem occurs, agrees with the scan on
    every sentence of a set, shouted, and with a long s that only the case-insensitive scan reads as an "s" (both
    answers occur)."""
    from loaders.extract import claim_filters
    from loaders.extract.text import prepare

    where = Path(__file__).resolve().parent / folder / "articles"
    texts = [s.text for p in sorted(where.glob("*.txt")) for s in prepare(p.read_text(encoding="utf-8")).sentences]
    texts += [t.upper() for t in texts] + ["They \u017ftole the code.", "It was ILLEGAL.", "No stems here."]
    answers = [claim_filters._accusing(t) for t in texts]
    assert answers == [claim_filters._ACCUSATION.search(t) is not None for t in texts]
    assert any(answers) and not all(answers)


@pytest.mark.parametrize("folder", ["tuning2", "realnews_c", "realnews_h"])
def test_the_word_pre_tests_never_skip_a_match(folder: str) -> None:
    """Where claim_filters skips a pattern because the statement lacks its words, the pattern matches nothing: on
    every sentence and clause of a set, shouted, and with the odd letters that only a case-insensitive scan reads."""
    from loaders.extract import claim_filters as cf
    from loaders.extract.text import prepare

    where = Path(__file__).resolve().parent / folder / "articles"
    texts = [s.text for p in sorted(where.glob("*.txt")) for s in prepare(p.read_text(encoding="utf-8")).sentences]
    texts += [part for t in texts for part in t.split(", ")]
    texts += [t.upper() for t in texts] + ["That the data be retained.", "It is shıelded by the terms.",
                                            "It was required under the rules."]
    matched = {"subjunctive": 0, "legal": 0}
    for text in texts:
        body = text.strip(cf._TRIM)
        plain = frozenset(body.lower().split()) if cf.caseless(body) is not None else None
        for name, needed, found in (("subjunctive", cf._SUBJUNCTIVE_WORDS, cf._SUBJUNCTIVE.match(body)),
                                    ("legal", cf._LEGAL_PARTICIPLES, cf._LEGAL_PREDICATE.search(body))):
            assert found is None or cf._may_hold(plain, needed), (name, text)
            matched[name] += found is not None
    assert all(matched.values()), matched
