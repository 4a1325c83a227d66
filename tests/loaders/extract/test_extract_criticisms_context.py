"""Criticisms that lean on their context: dissent cues before neutral-sounding statements, named people behind
group nouns, unaffiliated spokespeople, firm analysts, and parties joining a legal action (invented names)."""

from __future__ import annotations

import pytest
from extract_helpers import check_spans, pairs

from loaders.extract import extract


@pytest.mark.parametrize(
    "cue",
    ["Not everyone is sold.", "Not everyone was convinced.", "Analysts were less impressed."],
)
def test_dissent_cue_makes_the_next_quote_a_criticism_of_the_subject(cue: str) -> None:
    text = ("Zentrix Labs unveiled its Quorra agent on Tuesday. Zentrix Labs said Quorra would ship in May. "
            f'{cue} "Most of these agents are expensive autocomplete with a login screen," said Ada Pike, '
            "an analyst at Veltrix Research.")
    ex = extract(text)
    assert pairs(ex) & {("Ada Pike", "Zentrix Labs"), ("Ada Pike", "Quorra")}
    check_spans(text, ex)


def test_without_a_dissent_cue_a_neutral_quote_is_no_criticism() -> None:
    text = ("Zentrix Labs unveiled its Quorra agent on Tuesday. Zentrix Labs said Quorra would ship in May. "
            '"Most of these agents are expensive autocomplete with a login screen," said Ada Pike, '
            "an analyst at Veltrix Research.")
    assert not any(critic == "Ada Pike" for critic, _ in pairs(extract(text)))


def test_not_everyone_agreed_introduces_a_defender_not_a_critic() -> None:
    text = ("Orlan Capital cut its rating on Zentrix Labs, calling its targets unrealistic. Not everyone agreed. "
            'Veltrix analyst Ada Pike kept a buy rating, saying the ramp was "on track."')
    assert not any(critic == "Ada Pike" for critic, _ in pairs(extract(text)))


def test_reported_speech_after_not_convinced() -> None:
    text = ("Zentrix Labs raised its forecast on Wednesday. Quill Partners analyst Ada Pike was not convinced. "
            'In a note, Pike wrote that the guidance "assumes a flawless fourth quarter."')
    assert ("Ada Pike", "Zentrix Labs") in pairs(extract(text))


def test_group_noun_yields_to_the_person_it_introduces() -> None:
    text = ("Zentrix Labs launched Quorra in March. Writing on his blog, the engineer, Tomas Quill, alleged that "
            "Zentrix Labs had overruled internal safety reviews.")
    got = pairs(extract(text))
    assert ("Tomas Quill", "Zentrix Labs") in got
    assert not any(critic == "engineer" for critic, _ in got)


def test_unaffiliated_spokesperson_speaks_for_the_criticised_company() -> None:
    text = ('Former engineer Ada Pike accused Zentrix Labs of "overruling its own safety reviews." '
            '"Our safety process is rigorous, and Ms. Pike\'s account is inaccurate," a spokesperson said.')
    assert ("Zentrix Labs", "Ada Pike") in pairs(extract(text))


def test_firm_analysts_speak_for_the_firm() -> None:
    text = ('Analysts at Quill & Voss downgraded Zentrix Labs to neutral, writing that the company "has lost '
            'credibility."')
    assert ("Quill & Voss", "Zentrix Labs") in pairs(extract(text))


def test_parties_to_a_legal_action_criticise_its_defendant() -> None:
    text = ("A group of illustrators has launched legal action against Zentrix Labs. The claim, filed in "
            "London, is led by the illustrator Maria Pike and is backed by the Quorn Artists Society. The "
            "Veltrix Guild, which joined the suit, declined to comment.")
    got = pairs(extract(text))
    assert {("Maria Pike", "Zentrix Labs"), ("Quorn Artists Society", "Zentrix Labs"),
            ("Veltrix Guild", "Zentrix Labs")} <= got


def test_a_funding_round_led_by_an_investor_is_no_legal_party() -> None:
    text = ("Ada Pike sued Zentrix Labs in March. Zentrix Labs, which raised $85m in a round led by Orlan "
            "Capital, said it would defend the claim.")
    assert not any(critic == "Orlan Capital" for critic, _ in pairs(extract(text)))


def test_dismissing_claims_against_someone_is_no_criticism_of_them() -> None:
    text = ("Maria Pike sued Zentrix Labs in March. Judge Tomas Quill dismissed claims against Zentrix Labs' chief "
            "executive, Orla Brandt, personally.")
    got = pairs(extract(text))
    assert ("Maria Pike", "Zentrix Labs") in got
    assert not any(critic == "Tomas Quill" for critic, _ in got)  # the rules' and the learned pairs' alike


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("The Quorn Press Guild urged Zentrix Labs to withdraw the feature.", ("Quorn Press Guild", "Zentrix Labs")),
        ("The Quorn Herald first complained to Zentrix Labs in December.", ("Quorn Herald", "Zentrix Labs")),
        ("The Quorn Press Guild asked Zentrix Labs to stop the rollout.", ("Quorn Press Guild", "Zentrix Labs")),
        ("The Quorn Press Guild raised serious concerns about Zentrix Labs on Monday.",
         ("Quorn Press Guild", "Zentrix Labs")),
        ("The Quorn Press Guild expressed dismay at Zentrix Labs' new policy.", ("Quorn Press Guild", "Zentrix Labs")),
        ("Maria Pike excoriated Zentrix Labs in a long post.", ("Maria Pike", "Zentrix Labs")),
        ("Maria Pike of Veltrix Research has a sell rating on Zentrix Labs.", ("Maria Pike", "Zentrix Labs")),
        ("Tomas Quill, who co-founded Zentrix Labs in 2015 and left in 2018, sued Zentrix Labs on Friday.",
         ("Tomas Quill", "Zentrix Labs")),
    ],
)
def test_requests_complaints_ratings_and_founders_suing(text: str, pair: tuple[str, str]) -> None:
    assert pair in pairs(extract(text))


@pytest.mark.parametrize("verb", ["urged", "asked"])
def test_urging_someone_to_help_is_no_criticism(verb: str) -> None:
    text = f"The Quorn Press Guild {verb} Zentrix Labs to invest more in local newsrooms."
    assert not pairs(extract(text))


def test_names_joined_in_the_subject_are_all_critics() -> None:
    text = "The Quorn Herald and the Veltrix Post sued Zentrix Labs on Monday."
    assert {("Quorn Herald", "Zentrix Labs"), ("Veltrix Post", "Zentrix Labs")} <= pairs(extract(text))


def test_a_verb_coordinated_after_a_quote_keeps_the_earlier_speaker() -> None:
    text = ('Zentrix Labs launched Quorra in May. In a blog post, Maria Pike called the feature a "disaster" for '
            'security and wrote that Orlan Systems was "right to stay away."')
    got = pairs(extract(text))
    assert not any(critic == "Orlan Systems" for critic, _ in got)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Quorn Herald sent Zentrix Labs a cease-and-desist letter on Monday. The Veltrix Post sent a similar "
         "letter in June.", {("Quorn Herald", "Zentrix Labs"), ("Veltrix Post", "Zentrix Labs")}),
        ("The judge ruled in a case brought against Zentrix Labs by the novelist Maria Pike.",
         {("Maria Pike", "Zentrix Labs")}),
        ("The Harbor Ministry of Digital Affairs sent Zentrix Labs a formal notice demanding urgent changes.",
         {("Harbor Ministry of Digital Affairs", "Zentrix Labs")}),
    ],
)
def test_letters_and_actions_brought_by_someone(text: str, expected: set[tuple[str, str]]) -> None:
    assert expected <= pairs(extract(text))


def test_a_plain_letter_is_no_criticism() -> None:
    assert not pairs(extract("The Quorn Herald sent Zentrix Labs a letter of thanks on Monday."))


def test_a_pronoun_right_before_the_verb_is_the_critic() -> None:
    text = ("Then there is Maria Pike, who disagrees with everyone. In her newsletter this week she mocked "
            "Zentrix Labs' claims that its model can reason.")
    assert ("Maria Pike", "Zentrix Labs") in pairs(extract(text))


def test_an_abbreviation_inside_a_name_is_no_clause_break() -> None:
    text = "The U.S. Justice Department is investigating whether Zentrix Labs abused its dominant position."
    assert ("U.S. Justice Department", "Zentrix Labs") in pairs(extract(text))


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Zentrix Labs plans to become a for-profit company. Maria Pike had asked a federal court to block the "
         "conversion.", ("Maria Pike", "Zentrix Labs")),
        ("Zentrix Labs hired the team. Critics in Washington, including Senator Maria Pike, have accused the "
         "company of evading merger rules.", ("Maria Pike", "Zentrix Labs")),
    ],
)
def test_court_requests_and_named_members_of_a_group(text: str, pair: tuple[str, str]) -> None:
    assert pair in pairs(extract(text))


def test_an_interviewer_retelling_a_critic_is_not_the_critic() -> None:
    text = ("Quorn Weekly: Maria Pike called that claim misleading and said the numbers were cherry-picked.\n\n"
            "Tomas Quill: I think Maria was unfair to us.")
    got = pairs(extract(text))
    assert not any(critic == "Quorn Weekly" for critic, _ in got)


def test_an_outlet_reporting_an_action_is_not_its_actor() -> None:
    text = ("The Quorn Trade Office opened a probe into Zentrix Labs in June. The Veltrix Herald reported in "
            "September that the Quorn Trade Office had sent subpoenas to Zentrix Labs.")
    got = pairs(extract(text))
    assert ("Quorn Trade Office", "Zentrix Labs") in got
    assert not any(critic == "Veltrix Herald" for critic, _ in got)


def test_a_writer_who_goes_on_to_accuse_is_the_critic() -> None:
    text = ('Short seller Maria Pike wrote on X that the business was "a leveraged bet" and accused Zentrix Labs '
            "of inflating its backlog.")
    assert ("Maria Pike", "Zentrix Labs") in pairs(extract(text))


def test_own_company_disappointed_by_a_decision_targets_the_one_named() -> None:
    text = ("Orlan Labs cut Zentrix Labs' access to its models in June. Zentrix Labs CEO Maria Pike said the company "
            'was "disappointed" by the decision and that Orlan Labs had given it less than a week\'s notice.')
    assert ("Maria Pike", "Orlan Labs") in pairs(extract(text))


def test_own_company_news_is_no_criticism() -> None:
    text = "Zentrix Labs CEO Maria Pike said the company had fixed the flaw that Orlan Labs reported."
    assert not pairs(extract(text))


def test_the_organisation_boss_after_a_quote_is_the_person() -> None:
    text = ("Zentrix Labs announced a deal with Orlan Systems. Maria Pike, the chief executive of Veltrix Motors, "
            'criticised the deal. "That is an unacceptable security violation," the Veltrix Motors boss posts on X.')
    got = pairs(extract(text))
    assert not any(critic == "Veltrix Motors" for critic, _ in got)
    assert any(critic == "Maria Pike" for critic, _ in got)


@pytest.mark.parametrize(
    "text",
    [
        "Zentrix Labs sued by Quill Media over training data\n\nThe suit was filed on Monday.",
        "Zentrix Labs, sued by Quill Media last year, said it would appeal.",
        "Zentrix Labs was sued by Quill Media on Monday.",
    ],
)
def test_the_agent_of_a_passive_is_the_critic_with_or_without_an_auxiliary(text: str) -> None:
    """'Y sued by X' in a headline or a reduced clause: X is the critic, not the one sued."""
    got = pairs(extract(text))
    assert ("Quill Media", "Zentrix Labs") in got
    assert ("Zentrix Labs", "Quill Media") not in got


def test_a_court_where_a_suit_is_filed_does_not_accuse() -> None:
    text = ("Quill Media sued Zentrix Labs on Monday. The lawsuit, filed in the U.S. District Court for the "
            'Southern District of New York, accuses the company of "massive freeriding" on its articles.')
    got = pairs(extract(text))
    assert ("Quill Media", "Zentrix Labs") in got
    assert not any("Court" in critic for critic, _ in got)


@pytest.mark.parametrize("adverb", ["first", "later", "separately", "together"])
def test_a_list_of_critics_before_an_adverb_and_the_verb(adverb: str) -> None:
    """'A, B and C first sued X': the last name before the adverb is a critic too."""
    text = f"Illustrators Tomas Quill, Nora Vale and Ida Brant {adverb} sued Zentrix Labs in January."
    got = pairs(extract(text))
    assert {("Nora Vale", "Zentrix Labs"), ("Ida Brant", "Zentrix Labs")} <= got


# a quote with no judgement in it (neither a word list nor the learned scorer reads one)
_LOBBY = ('"Zentrix Labs chief Oren Vale met the ministry twice this year to discuss the sale," '
          'Oona Brandt said.')


@pytest.mark.parametrize(("stance", "critical"), [
    ("Oona Brandt, the top member of the committee, issued a blistering statement.", True),
    ("Opponents were far harsher. Oona Brandt sent a sharply worded letter.", True),
    # a stance sentence about someone else, or a neutral one, leaves a neutral quote neutral
    ("Mira Soto issued a blistering statement.", False),
    ("Oona Brandt, the top member of the committee, issued a statement.", False),
])
def test_a_stance_sentence_makes_the_next_quote_of_its_speaker_a_criticism(stance: str, critical: bool) -> None:
    text = f"Zentrix Labs met the committee on Wednesday.\n\n{stance}\n\n{_LOBBY}"
    ex = extract(text)
    got = {t for c, t in pairs(ex) if c == "Oona Brandt"}
    assert bool(got & {"Oren Vale", "Zentrix Labs"}) is critical
    check_spans(text, ex)


@pytest.mark.parametrize(("quote", "target"), [
    # "he" is the person named before, not the committee named after it
    ("He is", "Oren Vale"),
    ("We are", None),
])
def test_a_quoted_he_is_the_person_referred_to(quote: str, target: str | None) -> None:
    text = (f'Zentrix Labs chief Oren Vale met the Finance Committee on Wednesday. "{quote} now sneaking in to meet '
            'the Finance Committee behind closed doors, which is shameful," Oona Brandt said.')
    got = {t for c, t in pairs(extract(text)) if c == "Oona Brandt"}
    assert ("Oren Vale" in got) is (target == "Oren Vale")
    assert "Finance Committee" not in got or target is None


@pytest.mark.parametrize("joined", ["artists Oona Brandt", "artists H. Oona Brandt", "artists J. R. Oona Brandt"])
def test_parties_joining_a_suit_after_a_group_noun_and_initials(joined: str) -> None:
    text = ("A group of artists sued Zentrix Labs in January over its image generator.\n\n"
            f"The plaintiffs reasserted their claims on Wednesday, now joined by {joined}, Ravi Menon and Mira Soto.")
    got = pairs(extract(text))
    assert {("Ravi Menon", "Zentrix Labs"), ("Mira Soto", "Zentrix Labs")} <= got


@pytest.mark.parametrize(("filed", "found"), [
    ("filed on Friday in federal court in San Francisco by shareholder Ravi Menon", True),
    ("filed last week by Ravi Menon", True),
    # a funding round led by someone is no legal action
    ("a funding round on Friday led by Ravi Menon", False),
])
def test_a_suit_filed_by_a_party_after_a_time_and_a_court(filed: str, found: bool) -> None:
    text = (f"Shareholders sued Zentrix Labs over its chatbot claims. The lawsuit, {filed}, claims the company "
            "misled investors.")
    assert (("Ravi Menon", "Zentrix Labs") in pairs(extract(text))) is found


_FILLER = " ".join(f"The bill had {n} sponsors in the assembly." for n in range(3, 17))


def test_critical_of_an_act_is_critical_of_whoever_did_it() -> None:
    # the act far back in the story; a later "called the veto …" names the noun, not the verb
    text = (f"Governor Oona Brandt vetoed the Zentrix Safety Act on Sunday. {_FILLER} "
            'Senator Ravi Menon called the veto "a setback." '
            "Actor Mira Soto was among those critical of the veto, warning that the industry would repeat mistakes.")
    got = {t for c, t in pairs(extract(text)) if c == "Mira Soto"}
    assert got == {"Oona Brandt"}


def test_a_sovereign_investment_authority_is_no_regulator() -> None:
    # "the regulator" refers to a regulator named before, never to an investor called an "Authority"
    text = ("Zentrix Labs raised $2 billion from backers including the Harbor Investment Authority. "
            "The Veltrix Competition Authority said on Monday it was investigating Zentrix Labs. "
            "Later the regulator said it was investigating Zentrix Labs again.")
    got = pairs(extract(text))
    assert ("Veltrix Competition Authority", "Zentrix Labs") in got
    assert not any(critic == "Harbor Investment Authority" for critic, _ in got)


def test_the_subject_at_hand_is_the_one_the_headline_and_lede_name() -> None:
    # "the valuation" six sentences on is the raising company's, not that of an investor named in passing
    text = ("Zentrix Labs raises $220 million for its humanoid robots\n\n"
            "Zentrix Labs said on Wednesday it had raised $220 million in a round with participation from Veltrix. "
            "The round values Zentrix Labs at $1.8 billion. The robots unload trucks. They restack pallets. "
            "Veltrix said it was excited. Customers will get them in summer. Pilots begin in May. "
            'Oona Brandt, a former engineer at Harbor AI, took a swipe at the valuation in a post, calling it "hype."')
    got = {t for c, t in pairs(extract(text)) if c == "Oona Brandt"}
    assert got == {"Zentrix Labs"}


@pytest.mark.parametrize(("text", "pair"), [
    ("Critics say Veltrix Labs is reckless. They also accused Tomas Quill of lying.", ("critics", "Tomas Quill")),
    ("Tomas Quill runs Veltrix Labs. But campaigners warn the company is reckless. They have also accused Mr Quill "
     "of misleading parents.", ("campaigners", "Tomas Quill")),
])
def test_they_opening_a_sentence_is_the_group_that_spoke_before(text: str, pair: tuple[str, str]) -> None:
    assert pair in pairs(extract(text))


def test_they_after_named_speakers_is_no_group() -> None:
    text = "Tomas Quill and Maria Pike said the chips are fine. They also accused Harbor Media of lying."
    assert not any(critic.islower() for critic, _ in pairs(extract(text)))


@pytest.mark.parametrize(("text", "expected"), [
    ("Veltrix Labs launched a summary feature in May. The Quorn Press Guild called for the feature to be withdrawn "
     "altogether.", {("Quorn Press Guild", "Veltrix Labs")}),
    ("Veltrix Labs launched a summary feature in May. The Quorn Press Guild called for the feature to be expanded.",
     set()),
])
def test_calling_for_a_thing_to_be_withdrawn_criticises_its_maker(text: str, expected: set[tuple[str, str]]) -> None:
    assert pairs(extract(text)) == expected


@pytest.mark.parametrize(("text", "pair"), [
    ("The Quorn Press Guild wasted no time. In a statement on Monday it said members were worried and expressed "
     "dismay at Veltrix Labs' new policy.", ("Quorn Press Guild", "Veltrix Labs")),
    ("Maria Pike runs a small studio. On Monday she wrote a long post and accused Veltrix Labs of copying her work.",
     ("Maria Pike", "Veltrix Labs")),
])
def test_a_pronoun_subject_carries_over_to_a_joined_verb(text: str, pair: tuple[str, str]) -> None:
    assert pair in pairs(extract(text))


def test_a_thing_of_an_unknown_short_name_is_not_the_topic() -> None:
    text = ("Veltrix Labs sells chips to Harbor Media. Maria Pike raised serious concerns about the PC's proposals "
            "on Monday.")
    assert not {("Maria Pike", "Veltrix Labs"), ("Maria Pike", "Harbor Media")} & pairs(extract(text))


@pytest.mark.parametrize(("text", "expected"), [
    ("Maria Pike alleged Veltrix Labs was assisting the military.", {("Maria Pike", "Veltrix Labs")}),
    ("The alleged Veltrix Labs scheme cost Harbor Media millions.", set()),
])
def test_alleged_before_a_name_is_a_verb_only_without_a_determiner(text: str, expected: set[tuple[str, str]]) -> None:
    assert pairs(extract(text)) == expected
