"""Held-back real-news funding and role cases: one third of the collected cases, never used to write or tune a rule
(they measure whether the rules fitted on test_real_rounds_roles.py carry over).

Each case is one or a few sentences of a real report (reworded in places, names and figures kept) with the round
(recipient, amount and currency, valuation, investors) or the person-organisation roles it states. Amounts in USD
where the text gives a USD figure, else in the text's currency.

Sources (checked with ../shared/eval/hidden_overlap.py, page and sentences: not hidden):
- https://360leaders.medium.com/octobers-movers-and-shakers-in-tech-979344d7005
- https://caroeast.com/openai-hires-instacart-ceos-to-run-the-business-and-operations
- https://cityam.com/279366-facebook-hires-jerome-pesenti-expert-uk-startup
- https://dirs.info/find/mix/0?q=%22Haitong%22
- https://finanster.com/2018/05/31/chinese-a-i-company-raises-more-than-1-billion-in-back-to-back-funding-rounds
- https://futureisforward.com/investors-eyeing-humanoid-robot-startup-investors-eyeing-humanoid-robot-startup/
- https://namaazone.com/index.php/en/blog/%D8%A3%D8%B3%D9%87%D9%85-%D8%A5%D9%86%D9%81%D9%8A%D8%AF%D9%8A%D8%A7-%D8%A7%D9%84%D8%B5%D9%8A%D9%86-%D8%AA%D9%82%D9%81%D8%B2-%D8%A3%D9%83%D8%AB%D8%B1-%D9%85%D9%86-400-%D9%81%D9%8A-%D8%A3%D9%88%D9%84-%D9%8A%D9%88%D9%85-%D8%AA%D8%AF%D8%A7%D9%88%D9%84
- https://news.lavx.hu/article/robotics-and-ai-world-models-draw-massive-funding-as-investors-bet-on-physical-intelligence
- https://newyorkdigitalnews.org/2023/11/30/sam-altman-is-officially-reinstated-as-openais-ceo-just-two-weeks-after-his-ouster-set-off-an-unprecedented-firestorm/
- https://staging.globalventuring.com/analysis-sensetime-detects-227m-from-alibaba
- https://startuptune.com/2025/10/13/inside-nvidias-ai-empire-top-startup-investments-shaping-the-future
- https://usanews.net/?p=157464
- https://www.axios.com/pro/media-deals/2023/03/09/anthropic-funding-ai
- https://www.channelnewsasia.com/business/frances-mistral-ai-raises-105-million-euros-shortly-after-being-set-3559476
- https://www.itnews.com.au/news/apple-hires-ex-google-ai-scientist-564095
- https://www.lanternpodcasts.com/topfive/podcast/startup-fundraising/transcript/2026-05-01.html
- https://www.mobileworldlive.com/top-three/month-old-ai-start-up-nets-e105m-in-funding/
- https://www.reuters.com/technology/moonfire-ventures-raises-115-million-fund-european-tech-startups-ai-firms-2023-05-24/
- https://www.siliconrepublic.com/start-ups/anthropic-funding-2025-valuation
- https://www.verdict.co.uk/xai-eyes-40bn-valuation/
"""

from __future__ import annotations

import pytest
from real_news_cases import Round, as_params, check_roles, check_rounds

ROUNDS: list[tuple[str, str, list[Round]]] = [
    ('sensetime_from_alibaba',
     'China-based AI technology producer SenseTime raised $227m from internet and e-commerce group Alibaba'
     ' last week at a reported $3bn post-money valuation, likely forming part of the $500m series C round '
     'the company is reportedly raising.',
     [('SenseTime', 2.27e8, 'USD', 3e9, {'Alibaba'})]),
    ('sensetime_image_recognition_firm',
     'Investors are pouring funds into Chinese artificial intelligence company SenseTime. The image '
     'recognition firm said Thursday that it raised $620 million in fresh funds from prominent investors '
     'including Fidelity International, Hopu Capital, Silver Lake and Tiger Global.',
     [('SenseTime', 6.2e8, 'USD', None, {'Fidelity International', 'Silver Lake', 'Tiger Global'})]),
    ('mistral_euro_with_usd_twin',
     'French technology and artificial intelligence company Mistral AI has raised €105 million (US$113.4 '
     "million) just a month after being set up, the company said on Tuesday. Mistral AI's fund-raising was"
     ' led by international venture capital fund Lightspeed Venture Partners.',
     [('Mistral AI', 1.134e8, 'USD', None, {'Lightspeed Venture Partners'})]),
    ('fourth_paradigm_price_each',
     'Chinese artificial intelligence startup Beijing Fourth Paradigm is set to price its shares at '
     'HK$55.6 each, the low end of the price range, to raise HK$1.023 billion ($131 million), a source '
     'with direct knowledge of the matter said.',
     [('Beijing Fourth Paradigm', 1.31e8, 'USD', None, set())]),
    ('anthropic_led_by_spark_reported',
     'Anthropic, a San Francisco-based AI startup, raised another $300 million led by Spark Capital that '
     'values the company at $4.1 billion, The Information reported.',
     [('Anthropic', 3e8, 'USD', 4.1e9, {'Spark Capital'})]),
    ('anthropic_amazon_pumping',
     'The initial investment was followed with Amazon pumping $2.75bn into Anthropic in March 2024.',
     [('Anthropic', 2.75e9, 'USD', None, {'Amazon'})]),
    ('moore_threads_listing',
     "Shares of Moore Threads, the Beijing-based GPU manufacturer often referred to as China's Nvidia, "
     'surged by a record 400% on its first day of trading on the Shanghai Stock Exchange, following its '
     '$1.1 billion listing.',
     [('Moore Threads', 1.1e9, 'USD', None, set())]),
    ('featherless_revealed',
     'Featherless.ai Inc., a serverless inference platform startup that hosts open-source artificial '
     'intelligence models, today revealed it has raised $20 million in new funding.',
     [('Featherless.ai', 2e7, 'USD', None, set())]),
    ('mistral_nvidia_invested_during',
     'In France, Nvidia invested for the third time in Mistral AI, a large language model developer, '
     'during a €1.7 billion ($2 billion) Series C, valuing the company at $13.5 billion.',
     [('Mistral AI', 2e9, 'USD', 1.35e10, {'Nvidia'})]),
    ('figure_led_by_two_rounds',
     'AI startup Figure AI Inc. is reportedly in advanced discussions to secure up to $500 million in an '
     'investment round, led by Microsoft Corporation and OpenAI. Last year in May, the company raised $70 '
     'million in a funding round led by Parkway Venture Capital.',
     [('Figure AI', 5e8, 'USD', None, {'Microsoft', 'OpenAI'}),
      ('Figure AI', 7e7, 'USD', None, {'Parkway Venture Capital'})]),
    ('embo_led_with_participation',
     'Embo, developing world models specifically for robotics, is in talks to raise over $100 million in a'
     ' seed funding round led by Andreessen Horowitz, with participation from Khosla Ventures, DST Global,'
     ' and Striker Capital.',
     [('Embo', 1e8, 'USD', None, {'Andreessen Horowitz', 'DST Global', 'Khosla Ventures', 'Striker Capital'})]),
    ('moonfire_launched_by',
     'Moonfire Ventures, launched in 2020 by former Atomico co-founder Mattias Ljungman, said on Wednesday'
     ' that it had raised $115 million to invest in European startup technology firms.',
     [('Moonfire Ventures', 1.15e8, 'USD', None, set())]),
    ('xai_could_value_backed',
     'Artificial intelligence startup xAI is currently in discussions with investors for a funding round '
     'that could value the Elon Musk-backed company at approximately $40bn.',
     [('xAI', None, None, 4e10, set())]),
]
ROLES: list[tuple[str, str, list[tuple[str, str]]]] = [
    ('lightspeed_partner_at',
     "Antoine Moyroud, a partner at Lightspeed, said the scale and speed of Mistral's funding reflects the"
     ' expertise of its founders.',
     [('Antoine Moyroud', 'Lightspeed')]),
    ('giannandrea_joined',
     'Bengio is expected to lead a new AI research unit. John Giannandrea joined Apple in 2018 after '
     'spending about eight years at Google.',
     [('John Giannandrea', 'Apple')]),
    ('sutskever_possessive_title',
     "Ilya Sutskever, OpenAI's chief scientist and co-founder, was part of the board that fired Altman.",
     [('Ilya Sutskever', 'OpenAI')]),
    ('pesenti_leaving',
     'Jerome Pesenti is leaving BenevolentAI, a startup using machine learning to discover new drug '
     "treatments, to take on Facebook's top job in artificial intelligence research.",
     [('Jerome Pesenti', 'BenevolentAI')]),
    ('dean_assume_role',
     "Jeff Dean will assume the role of Google's chief scientist.",
     [('Jeff Dean', 'Google')]),
    ('salakhutdinov_professor_at',
     'Ruslan Salakhutdinov, an associate professor at Carnegie Mellon University in Pittsburgh, will '
     'assume the new position at Apple.',
     [('Ruslan Salakhutdinov', 'Carnegie Mellon University')]),
    ('hire_ceo_of_other',
     'OpenAI said late Wednesday that it would hire Instacart CEO Fidji Simo to take on a new role running'
     " the AI company's business and operations team.",
     [('Fidji Simo', 'Instacart'), ('Fidji Simo', 'OpenAI')]),
    ('cofounded_by_former',
     'Arda, co-founded by former OpenAI chief research officer Bob McGrew, is securing $70 million.',
     [('Bob McGrew', 'Arda'), ('Bob McGrew', 'OpenAI')]),
]

# the cases the rules still miss (strict: a case that starts passing must leave this list)
KNOWN_MISSES = frozenset({
    "anthropic_amazon_pumping",
    "mistral_nvidia_invested_during",
    "embo_led_with_participation",
    "xai_could_value_backed",
    "pesenti_leaving",
    "dean_assume_role",
    "hire_ceo_of_other",
    "cofounded_by_former",
})



@pytest.mark.parametrize(("case", "text", "expected"), as_params(ROUNDS, KNOWN_MISSES))
def test_the_round_a_real_report_states(case: str, text: str, expected: list[Round]) -> None:
    check_rounds(text, expected)


@pytest.mark.parametrize(("case", "text", "expected"), as_params(ROLES, KNOWN_MISSES))
def test_the_role_a_real_report_states(case: str, text: str, expected: list[tuple[str, str]]) -> None:
    check_roles(text, expected)
