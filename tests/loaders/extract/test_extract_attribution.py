"""Attribution, judgement and targets of criticisms: short sentences for each pattern family."""

from __future__ import annotations

import pytest
from extract_helpers import pairs

from loaders.extract import extract
from loaders.extract.attribution import patterns, reported_attributions, speech_verbs
from loaders.extract.pipeline import STEPS, run_steps
from loaders.extract.sentiment import has_phrase, is_negative, polarity

_UP_TO_ATTRIBUTION = tuple(STEPS[:[s.name for s in STEPS].index("attribution") + 1])


def test_quote_before_attribution_with_role_apposition() -> None:
    text = '"The Harbor Media benchmark is misleading," said Mary Lee, a researcher at Acme Labs.'
    got = pairs(extract(text))
    assert ("Mary Lee", "Harbor Media") in got
    assert ("Mary Lee", "Acme Labs") not in got


def test_pronoun_speaker_of_a_quote_in_the_next_sentence() -> None:
    text = ('Oona Brandt runs Veltrix. Zentrix launched Quill on Monday. '
            '"Calling this autonomous is misleading," she wrote.')
    got = pairs(extract(text))
    assert ("Oona Brandt", "Zentrix") in got or ("Oona Brandt", "Quill") in got


def test_possessive_title_before_the_speaker_after_a_quote() -> None:
    # the organisation owns the role; the person named after the title speaks
    text = ('Zentrix declined to sign the code. "Quill is heading down the wrong path," Zentrix\'s chief global '
            'affairs officer Oona Brandt said on Friday.')
    got = pairs(extract(text))
    assert ("Oona Brandt", "Quill") in got
    assert ("Zentrix", "Quill") not in got


@pytest.mark.parametrize(("between", "speaker"), [
    # the subject of the last sentence, not the person merely named inside it
    ("Ravi Menon, who succeeded Oona Brandt as head of policy, said Veltrix had decided against it. "
     "He also backed the earlier complaints.", "Ravi Menon"),
    # a person named earlier in the pronoun's own sentence is still the nearest
    ("Oona Brandt runs Veltrix.", "Oona Brandt"),
])
def test_pronoun_speaker_prefers_the_last_subject(between: str, speaker: str) -> None:
    text = f'Zentrix launched Quill on Monday. {between} "Quill is a reckless mess," he wrote.'
    got = pairs(extract(text))
    assert (speaker, "Quill") in got or (speaker, "Zentrix") in got
    others = {c for c, _ in got} - {speaker}
    assert not others & {"Ravi Menon", "Oona Brandt"}


def test_quote_goes_on_after_the_attribution() -> None:
    text = ('Zentrix released Quill on Monday. "What we saw was a clip," Ravi Menon said. '
            '"Calling this open is dishonest."')
    got = pairs(extract(text))
    assert ("Ravi Menon", "Zentrix") in got or ("Ravi Menon", "Quill") in got


def test_evaluative_frame_without_a_lexicon_word() -> None:
    got = pairs(extract('Analyst Tomas Quill dismissed Zentrix\'s chip as "a rounding error."'))
    assert ("Tomas Quill", "Zentrix") in got


def test_doubt_verb_targets_the_subject_at_hand() -> None:
    text = ("Zentrix unveiled Quill, a humanoid robot, on Monday. "
            "Marcus Feld, a professor at ETH Zurich, questioned whether the video had been sped up.")
    got = pairs(extract(text))
    assert ("Marcus Feld", "Zentrix") in got or ("Marcus Feld", "Quill") in got
    assert ("Marcus Feld", "ETH Zurich") not in got


def test_regulatory_action_is_a_criticism() -> None:
    got = pairs(extract("The Federal Trade Commission has opened an investigation into Zentrix."))
    assert ("Federal Trade Commission", "Zentrix") in got


def test_complaint_with_a_regulator_targets_the_accused() -> None:
    got = pairs(extract("Harbor Media filed a complaint with the Federal Trade Commission against Zentrix."))
    assert ("Harbor Media", "Zentrix") in got
    assert ("Harbor Media", "Federal Trade Commission") not in got


@pytest.mark.parametrize(("reply", "attacks"), [
    ("Zentrix rejected the allegations.", False),  # a plain denial answers the critic without judging them
    ("Zentrix disputed the claims.", False),
    ("Zentrix hit back on Tuesday.", True),  # an attack on the critic
    ("Zentrix rejected the allegations as reckless.", True),  # a denial that judges
])
def test_rebuttal_targets_the_critic_only_when_it_attacks(reply: str, attacks: bool) -> None:
    text = f"Oona Brandt accused Zentrix of hiding test results. {reply}"
    got = pairs(extract(text))
    assert ("Oona Brandt", "Zentrix") in got
    assert (("Zentrix", "Oona Brandt") in got) is attacks


def test_rebuttal_quote_about_the_critics() -> None:
    text = ('Oona Brandt slammed Zentrix over its benchmarks. "The critics have not read the report. '
            'Their analysis is lazy," said Ravi Menon, Zentrix\'s chief executive.')
    got = pairs(extract(text))
    assert ("Ravi Menon", "Oona Brandt") in got
    assert ("Ravi Menon", "Zentrix") not in got  # his own company


def test_according_to_with_apposition() -> None:
    text = "According to Ada Pike, head of research at Lumora Labs, Zentrix's results are misleading."
    got = pairs(extract(text))
    assert ("Ada Pike", "Zentrix") in got
    assert ("Ada Pike", "Lumora Labs") not in got


def test_positive_and_neutral_statements_do_not_fire() -> None:
    text = ('"We are thrilled to bring Quill to customers this summer," said Ravi Menon of Zentrix. '
            'Ada Pike said the funding showed that "investors still believe in the robotics thesis." '
            'Harbor Media said it was excited to support Zentrix.')
    assert not extract(text).criticisms


def test_apology_and_speech_verb_inside_a_quote_do_not_fire() -> None:
    text = ('"We are sorry to Ms. Pike that we didn\'t communicate better," Ravi Menon said. '
            '"Ada Pike\'s claims are wrong," said Tomas Quill.')
    got = pairs(extract(text))
    assert ("Ravi Menon", "Ada Pike") not in got
    assert ("Ada Pike", "Tomas Quill") not in got
    assert ("Tomas Quill", "Ada Pike") in got


def test_negated_and_rejected_offers_do_not_fire() -> None:
    text = "Zentrix rejected the offer. Harbor Media did not criticise Zentrix."
    assert not extract(text).criticisms


def test_polarity_negation_but_and_frames() -> None:
    assert polarity("It is a great product") > 0
    assert is_negative("Their analysis is lazy")
    assert not is_negative("We are not worried about that")
    assert polarity("good idea, but a disaster in practice") < polarity("a disaster in practice, but a good idea")
    assert is_negative("the emperor has no clothes")
    assert is_negative("a headline, not a revenue line")
    assert is_negative("strip out the licences and the growth story falls apart")
    assert has_phrase(frozenset({"smoke", "mirrors"}), "this is smoke and mirrors")
    assert not has_phrase(frozenset({"plain"}), "plain text")


@pytest.mark.parametrize("text", [
    "Harbor Media warned last year that the chips could be diverted.",
    "Harbor Media said on Monday that the chips could be diverted.",
    "Harbor Media said earlier this month that the chips could be diverted.",
    "Harbor Media said the chips could be diverted.",
])
def test_reported_content_starts_after_a_time_between_verb_and_clause(text: str) -> None:
    verb = patterns()["speech"].search(text)
    assert verb is not None
    content = patterns()["said_that"].match(text, verb.start())
    assert content is not None and text[content.end():].startswith("the chips")


def test_a_speaker_with_an_apposition_after_the_quote() -> None:
    text = ('Zentrix Labs released Quill on Monday. "I didn\'t want to weigh in, but it is not about rivalry," Oona '
            "Brandt, a professor on leave from Harvard to work on safety research at Veltrix, wrote in a post on "
            'Tuesday. "I appreciate the engineers at Zentrix Labs but the way safety was handled is completely '
            'irresponsible."')
    got = pairs(extract(text))
    assert got & {("Oona Brandt", "Zentrix Labs"), ("Oona Brandt", "Quill")}


def test_the_last_verb_of_speech_before_a_partial_quote_speaks_it() -> None:
    # "post" is a verb of speech too, but the fronted "In a post on X" has no speaker of its own
    text = ("Zentrix Labs released Quill on Monday. Oona Brandt, a researcher at Veltrix, was even more direct. "
            'In a post on X on Tuesday, she said Zentrix Labs had shipped Quill "without any testing. This is '
            'reckless and breaks with best practice."')
    got = pairs(extract(text))
    assert got & {("Oona Brandt", "Zentrix Labs"), ("Oona Brandt", "Quill")}


def test_a_pronoun_speaker_is_not_a_possessive_named_just_before() -> None:
    text = ("Zentrix Labs let its chatbot Quill undress people in photos. Among those targeted was Oona Brandt, the "
            "estranged sister of one of Ravi Menon's colleagues, who said her complaints went unanswered. "
            '"Quill is a disgrace and I felt violated," she told reporters.')
    critics = {c for c, _ in pairs(extract(text))}
    assert "Oona Brandt" in critics
    assert "Ravi Menon" not in critics


def test_a_pronoun_speaker_is_not_a_name_opening_the_quote_before() -> None:
    text = ('Oona Brandt also said Ravi Menon had hidden his stake in Zentrix Labs. "Ravi didn\'t tell the board '
            'about his stake," she said. On safety, she said Ravi Menon "gave us inaccurate information about the '
            'safety processes, and that was a disgrace."')
    critics = {c for c, _ in pairs(extract(text))}
    assert "Oona Brandt" in critics
    assert "Ravi Menon" not in critics


def test_speech_verbs_are_read_once_per_sentence_for_every_stage() -> None:
    """A sentence's verbs of speech are scanned once: where each stands, where what it reports starts, and whether
    it may attribute a direct quote (skipped only where the sentence holds an attributed quote)."""
    text = '“Quill is unsafe,” Oona Brandt said. Zentrix said on Monday that it would appeal the ruling.'
    values = run_steps(_UP_TO_ATTRIBUTION, text=text, published=None)
    ctx, speakers = values["ctx"], values["speakers"]
    first, second = speech_verbs(ctx, 0), speech_verbs(ctx, 1)
    assert speech_verbs(ctx, 1) is second  # kept, not scanned again
    assert [(v.words, v.quote_verb) for v in first] == [("said", True)]
    assert [(v.words, text[v.content_start:ctx.sentence(1).end], v.quote_verb) for v in second] == [
        ("said", "it would appeal the ruling.", False)]
    assert [a.kind for a in reported_attributions(speakers, 0, quoted=True)] == []
    labels = {e.key: e.label for e in ctx.entities.values()}
    assert [(labels[a.speaker], a.kind, a.judged) for a in reported_attributions(speakers, 1, quoted=False)] == [
        ("Zentrix", "reported", "it would appeal the ruling.")]


@pytest.mark.parametrize("after", [
    "he said, adding that Zentrix had rushed it",  # a name in the clause after the verb
    "he told Northwind's Dana Okafor",  # the person he spoke to
])
def test_a_pronoun_before_the_verb_speaks_the_quote_not_a_name_after_it(after: str) -> None:
    text = (f'Veltrix unveiled its turnaround plan on Monday. Ravi Menon, an analyst at Harbor Partners, was '
            f'blunter. "Veltrix is a reckless mess," {after}.')
    got = pairs(extract(text))
    assert ("Ravi Menon", "Veltrix") in got
    assert not {c for c, _ in got} - {"Ravi Menon"}


@pytest.mark.parametrize(("intro", "statement", "members"), [
    ("A letter from Republican Senator Ann Ruiz and Democratic Senator Tom Hale was sent to Zentrix.",
     '"Zentrix is recklessly selling its chips to rivals," the senators wrote.', {"Ann Ruiz", "Tom Hale"}),
    ("The suit was filed by writers Ann Ruiz, Tom Hale and Lena Ortiz on Monday.",
     "The authors said Zentrix had built its business by stealing their books.",
     {"Ann Ruiz", "Tom Hale", "Lena Ortiz"}),
    ("Ann Ruiz, a Republican senator from Ohio, and Tom Hale, a Democratic senator from Iowa, wrote to Zentrix.",
     "The lawmakers said Zentrix was recklessly helping rivals evade export controls.", {"Ann Ruiz", "Tom Hale"}),
    # the role tags the first person only; the second is listed with it past the first one's apposition
    ("Representative Ann Ruiz, chair of the Foreign Affairs Committee, and Tom Hale, who leads another committee, "
     "wrote to Zentrix.",
     '"Zentrix is recklessly selling its chips to rivals," the lawmakers wrote.', {"Ann Ruiz", "Tom Hale"}),
])
def test_a_plural_description_speaks_for_the_persons_named_with_its_role(intro: str, statement: str,
                                                                           members: set[str]) -> None:
    got = pairs(extract(f"Zentrix makes chips. {intro} {statement}"))
    assert {(m, "Zentrix") for m in members} <= got


def test_a_plural_description_without_a_named_list_names_no_person() -> None:
    text = ('Senator Ann Ruiz met Tom Hale, a founder of Zentrix. '
            '"Zentrix is recklessly selling its chips to rivals," the senators wrote.')
    assert not {c for c, _ in pairs(extract(text))} & {"Ann Ruiz", "Tom Hale"}


@pytest.mark.parametrize("clause", ["noting that", "adding that"])
def test_a_name_past_the_clause_after_the_verb_does_not_speak_the_quote(clause: str) -> None:
    text = (f'Zentrix Labs sued Veltrix Inc on Monday. "Zentrix Labs is a reckless mess," wrote a newsletter, {clause} '
            'Veltrix Inc had gained customers.')
    assert ("Veltrix Inc", "Zentrix Labs") not in pairs(extract(text))


@pytest.mark.parametrize(("text", "critic", "target"), [
    # "The company said …" after the company's own quote run: not the organisation named inside that run
    ('Zentrix Labs said on Monday that sales rose. "Our chips are fine," Zentrix Labs said. "Veltrix Inc has been '
     'reckless and dishonest." The company said, however, that it had learned that "Veltrix Inc had copied the '
     'design, which is shameful."', "Zentrix Labs", "Veltrix Inc"),
    # "It added:" in the next paragraph: the union that spoke last, not the company it criticised
    ('"Zentrix Labs has been reckless," Harbor Union wrote. "We deplore its conduct."\n\nIt added: "Zentrix Labs must '
     'answer for this disgraceful failure."', "Harbor Union", "Zentrix Labs"),
])
def test_it_or_the_company_speaking_is_the_organisation_that_spoke_last(text: str, critic: str, target: str) -> None:
    got = pairs(extract(text))
    assert (critic, target) in got
    assert (target, critic) not in got


@pytest.mark.parametrize(("quote", "judged", "not_judged"), [
    # a generic "you" in a condition: the name the quote judges
    ('"It is an insult and totally unacceptable for Veltrix Inc to still allow this if you are willing to pay for '
     'it," she said.', "Veltrix Inc", None),
    # a "you" spoken to: the one just criticised, not the tool named as its instrument
    ('"Why are you using Veltrix Inc to make up book titles? This is a disgrace," she asked.', "Zentrix Labs",
     "Veltrix Inc"),
])
def test_a_quote_with_you_judges_whom_it_speaks_to_or_what_it_names(quote: str, judged: str,
                                                                    not_judged: str | None) -> None:
    text = f"Zentrix Labs printed a list of fake books. Ann Ruiz criticised Zentrix Labs on Monday. {quote}"
    got = pairs(extract(text))
    assert ("Ann Ruiz", judged) in got
    assert ("Ann Ruiz", not_judged) not in got


@pytest.mark.parametrize(("stance", "critical"), [
    ("was blunter", True),
    ("has been equally scathing", True),
    ("was upbeat", False),
])
def test_a_stance_announced_before_the_quote_makes_it_a_criticism(stance: str, critical: bool) -> None:
    text = ('Veltrix Inc replaced its chief executive on Monday. Some analysts were polite. Ravi Menon, an analyst at '
            f'Harbor Partners, {stance}. "The turnaround plan did not work," he said, adding that Veltrix Inc had '
            '"missed the whole AI boom entirely."')
    assert (("Ravi Menon", "Veltrix Inc") in pairs(extract(text))) is critical


def test_a_participle_after_a_quote_attribution_keeps_its_speaker() -> None:
    # "…,” X said, adding that Y was “…”': X speaks both, not the name inside the first quote
    text = ('Harbor Media covered the deal. "Veltrix Inc is failing badly," Ann Ruiz said, adding that Zentrix Labs '
            'was "a reckless company with no revenue at all."')
    got = pairs(extract(text))
    assert ("Ann Ruiz", "Zentrix Labs") in got
    assert ("Veltrix Inc", "Zentrix Labs") not in got
