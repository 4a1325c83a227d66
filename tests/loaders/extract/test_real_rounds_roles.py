"""Funding rounds and roles as real reports write them (two thirds of the collected cases: the rules are fixed against
these; test_real_rounds_roles_heldback.py holds the rest, never tuned on).

Each case is one or a few sentences of a real report (reworded in places, names and figures kept) with the round
(recipient, amount and currency, valuation, investors) or the person-organisation roles it states. Amounts in USD
where the text gives a USD figure, else in the text's currency.

Sources (checked with ../shared/eval/hidden_overlap.py, page and sentences: not hidden):
- http://pbokelly.blogspot.com/2017/05/microsoft-msft-named-eric-horvitz-its.html
- http://technoblizt.com/2018/09/google-s-artificial-intelligence-chief-departs/
- http://www.mailinator.pl/viewer.php?id=102207742
- https://analyticsindiamag.com/does-the-world-need-a-chief-ai-officer/
- https://bnnbreaking.com/tech/ai-ml/ai-leadership-the-rise-of-executive-appointments-in-ai-across-industries/
- https://ca.news.yahoo.com/ai-startup-scale-ai-raises-101052075.html
- https://chinadailyhk.com/hk/article/584196
- https://clickonmath.com/ai-start-up-anthropic-closes-in-on-60bn-valuation
- https://grantedai.com/news/ai-robotics-startups-raise-1-2-billion-single-week-2026
- https://heralddiary.com/kyle-vogts-robotics-startup-the-bot-company-secures-new-funding/
- https://media365.in/?p=60303
- https://news.crunchbase.com/venture/nvda-goog-msft-ai-startup-investment
- https://news.lavx.hu/article/robotics-and-ai-world-models-draw-massive-funding-as-investors-bet-on-physical-intelligence
- https://newyorkdigitalnews.org/2023/11/30/sam-altman-is-officially-reinstated-as-openais-ceo-just-two-weeks-after-his-ouster-set-off-an-unprecedented-firestorm/
- https://ouatech.com/openai-appoints-a-new-interim-ceo-ex-ceo-joins-microsoft/ai-alchemy/2023/11/20
- https://theedgemalaysia.com/node/730378
- https://ttm.financial/m/news/2438804472
- https://usanews.net/?p=157464
- https://vuink.com/post/algvzrf-d-dpbz/2024/02/20/technology/anthropic-funding-ai-d-dhtml
- https://worldsleaders.com/sensetime-a-chinese-artificial-intelligence-company-has-relaunched-its-767-million-ipo
- https://www.abcmoney.co.uk/2026/03/series-b-funding-diversifies-as-round-sizes-hit-record-highs/
- https://www.axios.com/2018/04/11/exclusive-deepmind-hires-lila-ibrahim-as-first-coo
- https://www.axios.com/pro/media-deals/2023/03/09/anthropic-funding-ai
- https://www.channelnewsasia.com/business/frances-mistral-ai-raises-105-million-euros-shortly-after-being-set-3559476
- https://www.dailymail.co.uk/wires/reuters/article-12175453/AI-startup-Cohere-raises-funds-Nvidia-valued-2-2-billion.html
- https://www.investopedia.com/news/worlds-most-valuable-ai-startup-chinese-and-alibababacked/
- https://www.itnews.com.au/news/apple-hires-ex-google-ai-scientist-564095
- https://www.lanternpodcasts.com/topfive/podcast/startup-fundraising/transcript/2026-05-01.html
- https://www.mobileworldlive.com/top-three/month-old-ai-start-up-nets-e105m-in-funding/
- https://www.reuters.com/technology/moonfire-ventures-raises-115-million-fund-european-tech-startups-ai-firms-2023-05-24/
- https://www.siliconrepublic.com/start-ups/anthropic-funding-2025-valuation
- https://yicaiglobal.com/news/ai-giant-sensetime-usd769-million-hong-kong-ipo-gets-underway
"""

from __future__ import annotations

import pytest
from real_news_cases import Round, as_params, check_roles, check_rounds

ROUNDS: list[tuple[str, str, list[Round]]] = [
    ('cohere_from_investors',
     'Cohere, an AI foundation model company that competes with Microsoft-backed OpenAI, said on Thursday '
     'it had raised $270 million in a funding round from investors including Nvidia, Oracle and Salesforce'
     " Ventures. Cohere didn't disclose its valuation, but people familiar with the matter said it is "
     'valued at $2.2 billion.',
     [('Cohere', 2.7e8, 'USD', 2.2e9, {'Nvidia', 'Oracle', 'Salesforce Ventures'})]),
    ('cohere_led_and_joined',
     "Cohere said on Thursday it had raised $270 million. Cohere's funding was led by Canada's Inovia "
     'Capital and joined by other investors such as DTCP, Mirae Asset, Schroders Capital and Thomvest '
     'Ventures.',
     [('Cohere', 2.7e8, 'USD', None, {'Inovia Capital', 'Schroders Capital'})]),
    ('scale_led_with_participation',
     'Scale AI said on Tuesday it had raised $1 billion in a late-stage funding round led by venture '
     'capital firm Accel with participation from tech giants Nvidia, Amazon, and Meta, valuing the AI data'
     ' startup at nearly $14 billion.',
     [('Scale AI', 1e9, 'USD', 1.4e10, {'Accel', 'Amazon', 'Meta', 'Nvidia'})]),
    ('scale_earlier_round_pronoun',
     'Scale AI said it will use the capital to build data capabilities with its enterprise customers. In '
     '2021, it had raised $325 million in a series E funding round that reportedly valued it at about $7.3'
     ' billion.',
     [('Scale AI', 3.25e8, 'USD', 7.3e9, set())]),
    ('xai_backed_by_next_sentence',
     "Elon Musk's AI startup xAI raised $6 billion in series B funding, reaching a post-money valuation of"
     ' $24 billion as investors bet big on challengers to companies like OpenAI. The funding round was '
     'backed by investors including Andreessen Horowitz and Sequoia Capital, the company said in a blog '
     'post on Sunday.',
     [('xAI', 6e9, 'USD', 2.4e10, {'Andreessen Horowitz', 'Sequoia Capital'})]),
    ('openai_received_from_microsoft',
     'The total begins to rival OpenAI, which received $10 billion in committed funding from Microsoft '
     'last year, and Anthropic, another major AI startup that raised more than $6 billion last year.',
     [('OpenAI', 1e10, 'USD', None, {'Microsoft'}), ('Anthropic', 6e9, 'USD', None, set())]),
    ('axera_usd_twin_after_share_price',
     'Chinese artificial intelligence system-on-chip supplier Axera Semiconductor traded flat on its debut'
     ' in Hong Kong on Tuesday. Shares of the Zhejiang province-based firm opened at HK$28.20 apiece, the '
     'same as the offer price. The company issued 100 million shares, raising HK$2.96 billion (US$378.7 '
     'million).',
     [('Axera Semiconductor', 3.787e8, 'USD', None, set())]),
    ('montage_the_firm',
     'Montage Technology, a designer of high-speed interconnect chips for data centres, jumped 64 per cent'
     ' on its debut in Hong Kong on Monday. The firm, dual-listed in Shanghai, raised HK$7 billion.',
     [('Montage Technology', 7e9, 'HKD', None, set())]),
    ('sensetime_ipo_currency_codes',
     "SenseTime, China's biggest artificial intelligence company, has started accepting subscriptions "
     'ahead of its HKD6 billion (USD769 million) initial public offering on the Hong Kong stock exchange '
     'on Dec. 17.',
     [('SenseTime', 7.69e8, 'USD', None, set())]),
    ('sensetime_offering_usd_then_gbp',
     "In China, artificial intelligence start-up SenseTime Group's Hong Kong share offering, which raised "
     '$767 million (£580 million), has been launched.',
     [('SenseTime Group', 7.67e8, 'USD', None, set())]),
    ('anthropic_google_invested_dash',
     'Google previously invested $400 million in Anthropic — which had raised $1.1 billion before this '
     'latest round — and took a 10% stake, per the Financial Times.',
     [('Anthropic', 4e8, 'USD', None, {'Google'})]),
    ('anthropic_nearing_lightspeed',
     'AI start-up Anthropic is nearing a deal to raise $2bn in a funding round led by Lightspeed Venture '
     'Partners, a move that gives the three-year old company a $60bn valuation, sources told the Wall '
     'Street Journal.',
     [('Anthropic', 2e9, 'USD', 6e10, {'Lightspeed Venture Partners'})]),
    ('anthropic_google_agreed_to_invest',
     'In October 2023, Google agreed to invest $2bn in Anthropic, which included a $500m initial cash '
     'infusion and an additional $1.5bn over time.',
     [('Anthropic', 2e9, 'USD', None, {'Google'})]),
    ('anthropic_secured_from_amazon',
     'Artificial intelligence start-up Anthropic is close to securing a $2bn investment in a deal that '
     "would triple the four-year-old company's valuation to $60bn. The round comes two months after "
     'Anthropic secured an additional $4bn investment from ecommerce giant Amazon, one of its closest '
     'partners.',
     [('Anthropic', 2e9, 'USD', 6e10, set()), ('Anthropic', 4e9, 'USD', None, {'Amazon'})]),
    ('aidoc_series_e',
     'Aidoc, a clinical AI company focused on medical imaging analysis and workflow optimization, has '
     'raised $150 million in a Series E funding round, bringing its total funding to over $500 million.',
     [('Aidoc', 1.5e8, 'USD', None, set())]),
    ('scout_co_led_next_sentence',
     'On April 29, Scout AI Inc. announced an oversubscribed $100 million Series A financing to accelerate'
     ' development of Fury, its foundation model for unmanned warfare. The round was co-led by Align '
     'Ventures and Draper Associates.',
     [('Scout AI', 1e8, 'USD', None, {'Align Ventures', 'Draper Associates'})]),
    ('physical_intelligence_pulled',
     "Physical Intelligence pulled $600 million in November. The AI robotics startup landed Google's "
     'CapitalG as lead investor.',
     [('Physical Intelligence', 6e8, 'USD', None, {'CapitalG'})]),
    ('lambda_and_together',
     'Just last month Lambda, which offers computing services and hardware for training artificial '
     'intelligence software, raised a $480 million Series D that reportedly valued the company at $2.5 '
     'billion. That same day, Together AI, a developer of a cloud platform to allow developers to build on'
     ' open and custom artificial intelligence models, raised a $305 million funding round at a $3.3 '
     'billion valuation.',
     [('Lambda', 4.8e8, 'USD', 2.5e9, set()), ('Together AI', 3.05e8, 'USD', 3.3e9, set())]),
    ('skild_softbank_leading',
     'Skild AI, which makes artificial intelligence foundation models to direct many kinds of robots, is '
     'nearing a deal to raise $500 million at a $4.2 billion valuation, according to two people with '
     'direct knowledge of the fundraising talks. SoftBank is leading the round, with participating '
     'investments from Lightspeed Venture Partners, Sequoia Capital, CRV and General Catalyst, the people '
     'said.',
     [('Skild AI', 5e8, 'USD', 4.2e9, {'SoftBank'})]),
    ('bot_company_for_his_startup',
     'Kyle Vogt, the founder of self-driving car company Cruise, has secured $150 million in a new funding'
     ' round led by Greenoaks for his robotics startup, The Bot Company. Launched less than a year ago, '
     'the company is now valued at $2 billion, according to sources cited by Reuters.',
     [('The Bot Company', 1.5e8, 'USD', 2e9, {'Greenoaks'})]),
    ('mind_robotics_spinout',
     'Mind Robotics, a Rivian spinout led by founder RJ Scaringe, led the pack with a $500 million Series '
     'A co-led by Accel and Andreessen Horowitz, valuing the company at roughly $2 billion.',
     [('Mind Robotics', 5e8, 'USD', 2e9, {'Accel', 'Andreessen Horowitz'})]),
    ('rhoda_from_list',
     'Rhoda AI raised $450 million at a $1.7 billion valuation from Premji Invest, Khosla Ventures, and '
     'Temasek.',
     [('Rhoda AI', 4.5e8, 'USD', 1.7e9, {'Khosla Ventures', 'Premji Invest', 'Temasek'})]),
    ('neura_backed_by_euro',
     'Neura Robotics, building cognitive humanoid robots for logistics, is raising approximately €1 '
     'billion backed by Tether at a €4 billion valuation.',
     [('Neura Robotics', 1e9, 'EUR', 4e9, {'Tether'})]),
    ('arda_cofounded_by_former',
     'Arda, co-founded by former OpenAI chief research officer Bob McGrew, is securing $70 million at a '
     '$700 million valuation to automate manufacturing using AI.',
     [('Arda', 7e7, 'USD', 7e8, set())]),
    ('anthropic_committed_to_it',
     "Last May, Anthropic, one of the world's hottest artificial intelligence start-ups, raised $450 "
     'million from investors including Google and Salesforce. By August, Anthropic had landed $100 million'
     ' from two Asian telecoms. Then Amazon committed $4 billion to it, followed by $2 billion more from '
     'Google.',
     [('Anthropic', 4.5e8, 'USD', None, {'Google', 'Salesforce'}), ('Anthropic', 4e9, 'USD', None, {'Amazon'})]),
    ('sensetime_raising_additional',
     "SenseTime has become the world's most valuable private artificial intelligence startup after "
     'successfully raising an additional $600 million from investors, including Alibaba Group Holding '
     'Limited.',
     [('SenseTime', 6e8, 'USD', None, set())]),
]
ROLES: list[tuple[str, str, list[tuple[str, str]]]] = [
    ('cohere_president_at',
     'Martin Kon, president at Cohere, said in an interview that the company would not take a huge check '
     'from a single cloud provider.',
     [('Martin Kon', 'Cohere')]),
    ('mistral_heads_up',
     'Former Google DeepMind researcher Arthur Mensch heads up Mistral, which he co-founded with Timothee '
     'Lacroix and Guillaume Lample.',
     [('Arthur Mensch', 'Mistral')]),
    ('mistral_set_up_by',
     'Paris-based Mistral AI was set up by former Meta and Google artificial intelligence researchers '
     'Timothee Lacroix, Guillaume Lample and Arthur Mensch.',
     [('Guillaume Lample', 'Mistral AI'), ('Timothee Lacroix', 'Mistral AI')]),
    ('apple_hired_former_google',
     'Apple has hired former distinguished Google scientist Samy Bengio, who left the search giant amid '
     'turmoil in its artificial intelligence research department.',
     [('Samy Bengio', 'Apple'), ('Samy Bengio', 'Google')]),
    ('shear_joining_as',
     'Former co-founder and CEO of Twitch, a live video streaming company, Emmett Shear, has announced '
     'that he will be joining OpenAI as CEO.',
     [('Emmett Shear', 'OpenAI'), ('Emmett Shear', 'Twitch')]),
    ('board_members_appositions',
     'The board members are Bret Taylor, the former co-CEO of Salesforce Inc., who will be the chairman, '
     "and Adam D'Angelo, the CEO of question-and-answer site Quora.",
     [('Bret Taylor', 'Salesforce'), ("Adam D'Angelo", 'Quora')]),
    ('deepmind_hired_as',
     'Google-owned AI company DeepMind has hired former Intel and Coursera executive Lila Ibrahim as its '
     'first chief operating officer.',
     [('Lila Ibrahim', 'DeepMind')]),
    ('ibrahim_was_coo_of',
     'Most recently Lila Ibrahim was COO of Coursera and, before that, was chief of staff to Kleiner '
     "Perkins' John Doerr.",
     [('Lila Ibrahim', 'Coursera'), ('John Doerr', 'Kleiner Perkins')]),
    ('moore_dean_at',
     'Fei-Fei Li will be succeeded by Andrew Moore, who will be departing his position as dean of the '
     'School of Computer Science at Carnegie Mellon University.',
     [('Andrew Moore', 'Carnegie Mellon University')]),
    ('horvitz_named_head',
     'Microsoft named Eric Horvitz, its biggest name in AI, as head of all research.',
     [('Eric Horvitz', 'Microsoft')]),
    ('hassabis_the_ceo_of',
     "The research breakthroughs laid much of the foundation for today's AI industry, highlighted the CEO "
     'of DeepMind, Demis Hassabis, in the note he shared with his employees.',
     [('Demis Hassabis', 'DeepMind')]),
    ('ng_then_at',
     'Last November, Andrew Ng, then VP and Chief Scientist at Baidu, expressed his views in an article.',
     [('Andrew Ng', 'Baidu')]),
    ('appointing_as',
     'Florida Blue made a strategic move, appointing Svetlana Bender as vice president of AI and '
     'behavioural science.',
     [('Svetlana Bender', 'Florida Blue')]),
    ('promoted_to_role',
     'Accenture has promoted Lan Guan to the role of chief AI officer.',
     [('Lan Guan', 'Accenture')]),
    ('used_to_work_at',
     'Founded in 2015, Horizon Robotics is controlled by Kai Yu, an artificial-intelligence scientist who '
     'used to work at Baidu.',
     [('Kai Yu', 'Baidu')]),
    ('vice_president_who',
     '"These deals are so complicated," said Dave Brown, an Amazon Web Services vice president who was '
     "involved in Amazon's deal with Anthropic.",
     [('Dave Brown', 'Amazon Web Services')]),
    ('launched_by_former_cofounder',
     'Moonfire Ventures, launched in 2020 by former Atomico co-founder Mattias Ljungman, said it had '
     'raised $115 million.',
     [('Mattias Ljungman', 'Atomico'), ('Mattias Ljungman', 'Moonfire Ventures')]),
    ('founder_of_company',
     'Kyle Vogt, the founder of self-driving car company Cruise, resigned as CEO last week.',
     [('Kyle Vogt', 'Cruise')]),
]

# the cases the rules still miss (strict: a case that starts passing must leave this list)
KNOWN_MISSES = frozenset({
    "openai_received_from_microsoft",
    "physical_intelligence_pulled",
    "lambda_and_together",
    "neura_backed_by_euro",
    "shear_joining_as",
    "appointing_as",
})



@pytest.mark.parametrize(("case", "text", "expected"), as_params(ROUNDS, KNOWN_MISSES))
def test_the_round_a_real_report_states(case: str, text: str, expected: list[Round]) -> None:
    check_rounds(text, expected)


@pytest.mark.parametrize(("case", "text", "expected"), as_params(ROLES, KNOWN_MISSES))
def test_the_role_a_real_report_states(case: str, text: str, expected: list[tuple[str, str]]) -> None:
    check_roles(text, expected)
