"""What an attributed statement must be to count as a claim (GOLD_SCHEMA's claims paragraph): a statement of fact
or forecast, not a question, recommendation, value judgement, hypothetical or the speaker's own plan."""

from __future__ import annotations

import re

from loaders.extract.lexicon import Folded, alternation, caseless
from loaders.extract.quantities import parse_quantities
from loaders.extract.sentiment import analyzer

# "should", "must", "need to", "calls for": a recommendation or a call, not a statement of fact
_NORMATIVE = re.compile(r"\b(?:should|shouldn[’']t|must|mustn[’']t|ought to|needs? to|have to|has to|urged?|"
                        r"deserves?|deserved|"
                        r"call(?:s|ed)? (?:on|for)|let[’']s|please|(?:essential|important|imperative|crucial|vital|"
                        r"(?<!over )(?<!the )(?<!same )(?<!this )(?<!that )time) that|"
                        r"(?:is|are|be|was|were) (?:\w+ )?(?:necessary|needed|required)|"
                        r"(?:a|the) need for)\b", re.I)
# the speaker's own intentions and announcements: "we will", "it plans to", "the company would look into"
_OWN_PLAN = re.compile(
    r"^(?:that\s+)?(?:it|we|they|he|she|i|(?:the|his|her|its|their|our) (?:company|firm|startup|group|government|"
    r"agency|ministry|court|lab|teams?|organi[sz]ation|union|office|department|bank))\s+[\"“]?(?:also\s+|still\s+|now\s+)?"
    r"(?:will|would|could|may|might|[’']ll|[’']d|plans?|planned|intends?|intended|aims?|aimed|hopes?|"
    r"anticipates?|anticipated|"
    r"hoped|wants?|wanted|is going to|are going to|was going to|were going to|is planning|are planning|expects? to|"
    r"looks? forward|looked forward|(?:is|are|was|were|remains?|remained) [\"“]?(?:\w+ly )?committed|"
    r"(?:has|had|have) no (?:plans?|intention|immediate plans)|"
    r"is working|are working|is looking|are looking|has decided|"
    r"had decided|decided|agreed to|has agreed|is open|remains? open|(?:is|are|was|were) [\"“]?(?:pleased|excited|"
    r"proud|delighted|thrilled|happy|glad|grateful|confident)|"
    # what the speaker's side is doing, continues to do or disputes: its own conduct, not a fact it reports
    r"(?:is|are|was|were|has been|had been|have been) (?:\w+ly )?[\"“]?[a-z]+ing\b|continues?|continued|"
    r"disput(?:es|ed)|den(?:y|ies|ied)|"
    r"(?:would|will) (?:continue|not)|welcomes?|welcomed|takes? [\w\s]{1,40} seriously|was (?:reviewing|removing|"
    r"working|looking|investigating|considering)|is (?:reviewing|removing|investigating|considering)|"
    r"(?:would|will|can)\s+not\s+comment|declined|(?:strongly\s+)?(?:disagrees?|disagreed|agrees?|regrets?|"
    r"applaud(?:s|ed)?|support(?:s|ed)?|oppos(?:es|ed)|reject(?:s|ed)?|regretted)|"
    r"(?:is|was|are|were) [\"“]?(?:horrified|shocked|appalled|outraged|saddened|disappointed|dismayed|concerned|"
    r"worried|heartbroken)|won[’']t|wouldn[’']t|"
    r"(?:can(?:not|[’']t)|could(?: not|n[’']t)|(?:is|was|are|were) unable to) (?:yet )?(?:predict|say|know|tell|"
    r"confirm|determine|verify|guarantee|rule out|comment|disclose|share|reveal|discuss|name|specify)|"
    r"(?:has|had|have) [\"“]?(?:also |since |now |already |\w+ly )?[\"“]?(?:received|reached|"
    r"summoned|ordered|opened|fined|requested|blocked|banned|hired|appointed|retained|discussed|asked|signed|"
    r"launched|filed|sent|identified|contacted|reached out|parted ways|parted company|terminated|ended|fired|"
    r"dismissed|acquired|partnered|completed|promoted|named)|spent|tried|sought|offered|reached out|contacted|"
    r"approached|"
    # its own steps just taken, announced: "it had paused access", "he retired effective Dec. 1"
    r"(?:has |had |have )?(?:also |since |now |already |temporarily )?(?:retired|resigned|stepped down|stepped aside|"
    r"paused|suspended|halted|unveiled|rolled out|apologi[sz]ed|settled))\b", re.I)
# what the speaker's own arm, project or campaign will do: "its for-profit arm will become a public benefit
# corporation", "the campaign will expand to Los Angeles" (an announcement of its own plan, an event)
_OWN_THING_PLAN = re.compile(
    r"^(?:that\s+)?(?:(?:its|our|their|his|her)\s+(?:[\w-]+\s+){0,2}?[\w-]+|the\s+(?:new\s+)?(?:campaign|project|"
    r"programme|program|initiative|venture|effort|partnership|plan|facility|plant|site|office|arm|unit|division|"
    r"subsidiary|structure))\s+(?:will|would|is set to|are set to|is going to|are going to)\s+"
    r"(?:also\s+|now\s+|soon\s+)?"
    r"(?:become|expand|launch|open|move|shift|begin|start|stop|end|include|offer|roll out|invest|hire|close|merge|"
    r"join|build|release|ship|relocate|convert|operate|be (?:renamed|converted|restructured|led|run|based|"
    r"headquartered|housed|located))\b", re.I)
# feelings, thanks and opinions without factual content
_SENTIMENT = re.compile(r"\b(?:(?:I|we)\s+(?:am|are|[’']m|[’']re)\s+(?:so\s+|very\s+|really\s+)?(?:excited|proud|"
                        r"pleased|delighted|thrilled|happy|glad|grateful|honou?red|disappointed|saddened|sorry)|"
                        r"thank(?:s(?! to)| you)|congratulat\w*|I (?:love|like|hate|hope|wish|feel)|"
                        r"we (?:love|hope|wish)|can(?:not|[’']t) wait|(?:would|[’']d) rather|"
                        r"(?:amazing|incredible|awesome|fantastic|wonderful|exciting|great|terrible|awful|"
                        r"ridiculous|absurd|stupid|insane|crazy) (?:day|news|time|moment|work|job|step|idea)|"
                        r"(?:right|wrong|correct|good|bad) (?:call|decision|move|thing|strategy|approach|choice|"
                        r"direction|path)|instrumental|"
                        r"no comment|declined to comment|did not (?:immediately )?respond|could not be reached|"
                        # a stated priority: "Safety is our top priority"
                        r"(?:is|are|remains?|remain) (?:our|my|its|their) (?:\w+ )?priorit(?:y|ies))\b",
                        re.I)
_HYPOTHETICAL = re.compile(r"^(?:that\s+)?(?:(?:if|were|had)\b[^,]{0,80},\s*(?:\w+\s+){0,4}?(?:would|might)\b|"
                           r"unless\b)",  # "Unless X backs away, we see no alternative …": a condition, or a threat
                           re.I)
# "it would face a daily fine … if it did not": what would follow a condition, the condition last
_HYPOTHETICAL_TAIL = Folded(r"\bwould\b.{0,120}\b(?:if|unless)\b[^,;]{0,60}$", anchors=("would",))
# a fragment, not a statement: "When the suit was first filed", "In an April motion to dismiss" (a subordinate or
# prepositional opening without a main clause after a comma)
_FRAGMENT = re.compile(r"^(?:(?:just|shortly|soon|right|only|even|long)\s+)?"
                       r"(?:when|while|whilst|after|before|during|in|on|at|to|for|with|by|since|as|where|which|who|how|whether|why|"
                       r"whom|whose|until|because|although|though|despite|following|from|of|about|into|over|and|or|"
                       r"but|days|weeks|months|years|being|is|are|was|were|has|have|had|once)\b(?!\s+(?:[\d$€£¥]|(?:one|two|three|"
                       r"four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|hundreds?|thousands?|dozens?)\b))",
                       re.I)
# a statement opening with a modal has lost its subject ("principles that he said would govern …"): a fragment,
# unless it gives a figure ("a robot arm the company says can handle more than 20,000 items")
_MODAL_START = re.compile(r"^(?:would|will|could|can|may|might|must|should|can[’']t|cannot|won[’']t|wouldn[’']t|"
                          r"couldn[’']t|shouldn[’']t)(?!\w)", re.I)
# "Being included in the list will not have …": a passive gerund as the subject of a finite verb, no fragment
_PASSIVE_GERUND_SUBJECT = re.compile(r"being\s+[a-z]+(?:ed|en)\b(?:\s+\S+){0,8}?\s+(?:will|would|is|was|has|had|could|"
                                     r"may|might|won[’']t|isn[’']t|wasn[’']t|hasn[’']t)\b", re.I)
_SENTENCE_ADVERB = re.compile(r"^[A-Za-z]+ly,\s*")
# a date opening what follows a verb ("Wednesday, Oct. 8, after weeks of …", "on Monday, when …"): when it was said
_DATE_LEAD = re.compile(r"^(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
                        r"(?:,?\s+[a-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?)?\s*,\s*", re.I)
# a gerund opening: a subject ("limiting chip sales had not slowed …") only when a finite verb follows
_GERUND = re.compile(r"^[a-z]+ing\b", re.I)
# the speaker's opinion or feeling in the first person: "I think …", "we demand …"
_OPINION = re.compile(r"^(?:but\s+|and\s+|so\s+)?(?:I|we)\s+(?:really\s+|still\s+|just\s+)?(?:think|thought|assume|"
                      r"believe|feel|felt|guess|suppose|doubt|take|can[’']t believe|demand|want|wanted|need|hope|"
                      r"expect|urge|ask|am|[’']m)\b", re.I)
# a quote that reports facts: a figure, or words of state and change ("not yet", "already", "increasingly")
_FACTUAL = Folded(r"\b(?:not yet|already|now|currently|increasingly|no longer|(?:has|have|had)(?: not)?"
                      r"(?: \w+ly)? (?:been|\w+ed)|(?:is|are|was|were)(?: not)? \w{2,}ed|percent|"
                      r"millions?|billions?|trillions?|thousands?|hundreds?|dozens?|"
                      r"every (?:day|week|month|year)|"
                      # a cause (schema): "the variable quality is due to …", "the outage was caused by …"
                      r"(?:is|are|was|were)(?: \w+ly)? (?:due to|caused by|the result of|a result of)|"
                      r"(?:caused|led to|resulted in)|"
                      # a denial states a fact ("NVIDIA does not have backdoors", "AI isn't replacing our staff")
                      r"(?:does|do|did|is|are|was|were)(?: not|n[’']t)(?: \w+ly| just| always| even)? "
                      r"(?:have|use|store|sell|share|collect|train|rely|own|operate|make|run|(?!going|commenting|planning|trying|looking|"
                      r"considering|seeking|asking|saying|suggesting|expecting|aware)\w+ing)|"
                      # a rank as the predicate ("Grok 4 is the most intelligent model in the world"; not "one of
                      # the most ambitious", "is not the only")
                      r"(?<!not )(?:is|are|was|were) (?:now |still )?the "
                      r"(?:most(?: \w+){2,3}(?= (?:in|of|on|among|ever)\b)|"
                      r"(?:first|largest|biggest|fastest|leading) \w+))\b")
# a forecast: a subject of its own (not a relative pronoun, "there" or a demonstrative's project), then "will" or
# "won't" and a verb
_FORECAST = re.compile(r"^(?!(?:this|that|these|those|there)\b)(?:[\w’'-]+\s+){1,10}?(?<!\bthat )(?<!\bwhich )"
                       r"(?<!\bwho )(?<!\bthere )(?:will|won[’']t)\s+(?:not\s+|also\s+|still\s+|likely\s+)*[a-z]+",
                       re.I)
_FIRST_PLURAL = re.compile(r"\b(?:we|us|our|ours|we[’']ll|we[’']re|we[’']ve)\b", re.I)
_CONDITION = re.compile(r"\b(?:if|unless|once|when|whether)\b", re.I)
_APPOINTED = re.compile(r"\bwill\s+(?:be|become|serve as|join|lead)\s+(?:the\s+|our\s+|its\s+)?(?:new\s+|next\s+|"
                        r"interim\s+)?(?:[A-Z]{2,4}|chief|head|president|chair|director|ceo|cto|cfo)\b", re.I)
_FIRST_SINGULAR = re.compile(r"\b(?:I|I[’']m|I[’']ve|I[’']d|me|my)\b")
# reported speech must be a clause: a subject, then a finite verb within a few words ("the number of reports it
# has received" and "weaknesses in its protections" are objects of the verb, not statements)
_AUX = (r"is|are|was|were|has|have|had|will|would|could|can|may|might|does|do|did|must|isn[’']t|aren[’']t|"
        r"wasn[’']t|weren[’']t|hasn[’']t|haven[’']t|hadn[’']t|doesn[’']t|don[’']t|didn[’']t|won[’']t|wouldn[’']t|"
        r"can[’']t|couldn[’']t|(?:it|he|she|that|there|what|who|we|they|you|i)[’'](?:s|re|ve|ll|d)|fell|rose|grew|fall|rise|grow|took|made|saw|hit|cut|went|"
        r"came|got|led|set|spent|gave|paid|sold|built|won|lost|kept|left|began|became|ran|held|brought|knew|meant|"
        r"put|bought|drove|wrote|sent|told|found|thought|felt|stood|shut|remain|exist|lack|allow|mean")
# a lower-case -ed or -s word after a word that does not introduce a noun ("Google sends", "it produced"; not
# after a possessive: "Leike's contributions" is a noun phrase)
_REGULAR = (r"(?<=\s)(?<!its )(?<!the )(?<!in )(?<!of )(?<!a )(?<!an )(?<!their )(?<!our )(?<!his )(?<!her )"
            r"(?<!and )(?<!to )(?<!for )(?<!with )(?<!on )(?<!by )(?<!from )(?<!at )(?<![’']s )"
            r"(?-i:[a-z]{2,}ed|[a-z]{3,}(?<!s)s)")
# a common verb in its plain form after a plural subject ("more than 200 million people use ChatGPT"; "his own" is
# no subject and verb)
_PLURAL_VERB = (r"(?<=\s)(?-i:(?:people|(?!(?:his|this|its|was|has|is)\s)[a-z]{2,}s)\s+"
                r"(?:now\s+|also\s+|still\s+|already\s+)?(?:use|have|make|pay|"
                r"want|need|get|buy|spend|run|rely|prefer|trust|visit|watch|own|earn|generate|write|handle|account|"
                r"represent|remain|come|go|take|work|show|say|believe|expect|face|lack|exceed|reach|cost))")
_CLAUSE = re.compile(rf"^(?!to\b)(?:\S+\s+){{0,10}}?(?:{_AUX}|{_REGULAR}|{_PLURAL_VERB})\b", re.I)
# the same without the -s forms, which plural nouns share ("… Government Affairs", "… analyst expectations")
_CLAUSE_STRICT = re.compile(rf"^(?:\S+\s+){{0,10}}?(?:{_AUX}|(?<=\s)(?-i:[a-z]{{2,}}ed))\b", re.I)
_TRIM = " \t\n,.;:“”\"'‘’—–-()"
# the words without which _NORMATIVE and _SENTIMENT cannot match ("have to" / "has to" are tested as phrases)
_NORMATIVE_WORDS = frozenset({"necessary", "needed", "required", "deserve", "deserves", "deserved",
                              "should", "shouldn’t", "shouldn't", "must", "mustn’t", "mustn't", "ought", "need",
                              "needs", "urge", "urged", "call", "calls", "called", "let’s", "let's", "please",
                              "essential", "important", "imperative", "crucial", "vital", "time"})
_SENTIMENT_WORDS = frozenset({"excited", "proud", "pleased", "delighted", "thrilled", "happy", "glad", "grateful",
                              "honoured", "honored", "disappointed", "saddened", "sorry", "thank", "thanks", "love",
                              "like", "hate", "hope", "wish", "feel", "comment", "respond", "reached", "amazing",
                              "incredible", "awesome", "fantastic", "wonderful", "exciting", "great", "terrible",
                              "awful", "ridiculous", "absurd", "stupid", "insane", "crazy", "right", "wrong",
                              "correct", "good", "bad", "instrumental", "congratulations", "congratulate",
                              "congratulated", "priority", "priorities", "wait", "rather"})
# accusations and legal assertions (schema: criticisms, or not claims)
_ACCUSATION_STEMS = ("infring", "liable", "liability", "negligen", "violat", "unlawful", "illegal", "plagiari",
                     "stole", "steal", "theft", "misrepresent", "wrongdoing", "defam", "deceptive", "deceiv",
                     "mislead", "fraud", "alleg", "accus")
_ACCUSATION = re.compile(rf"\b(?:{alternation(_ACCUSATION_STEMS)})", re.I)  # a trie: faster than the alternation


def _accusing(body: str) -> bool:
    """Whether a statement holds an accusation word (_ACCUSATION); most hold none of its stems, which a substring test
    of the lower case tells five times faster than the case-insensitive scan (where the lower case can tell)."""
    low = caseless(body)
    if low is not None and not any(stem in low for stem in _ACCUSATION_STEMS):
        return False
    return _ACCUSATION.search(body) is not None

_FIGURE = re.compile(r"\d")
# the speakers on their own safeguards against a wrong ("we have prioritized controls to mitigate the risk of
# infringement", "we do not store …"): a defence, not an accusation
_OWN_SAFEGUARD = re.compile(r"(?:that\s+)?(?:we|our|it|they|the company|the firm)\b"
                            r"(?:\s+(?!fail|failed|fails|not|never|unable|refused|neglected)[\w’']+(?<!n[’']t)){0,6}?\s+(?:prevent|"
                            r"mitigate|avoid|protect|guard|reduce|comply|respect|control|safeguard|block|remove|"
                            r"detect|fight|combat|stop|suspend|ban|take action)", re.I)
# what a court case asserts or denies: "the complaint did not identify …", "the allegations were not accurate"
_LEGAL_SUBJECT = re.compile(r"^(?:that\s+)?(?:the|this|these|those|its|their|his|her)\s+(?:\w+\s+)?"
                            r"(?:complaint|lawsuit|suit|allegations?|claims|case|charges|accusations|petition|ruling|"
                            r"verdict|judgment|injunction)\b|"
                            # "the court's decision is only preliminary"
                            r"^(?:that\s+)?the\s+(?:\w+\s+)?(?:court|judge|tribunal)[’']s\s+\w+", re.I)
# what the law or a contract makes of a party: "it was protected by certain terms of its tariff", "is exempt from"
_LEGAL_PREDICATE = re.compile(r"\b(?:is|are|was|were|be|been|remains?)\s+(?:not\s+)?(?:\w+ly\s+)?(?:protected|covered|"
                              r"shielded|bound|exempt|liable|entitled|obliged|obligated|required)\s+(?:by|under|from|"
                              r"to)\s+(?:the\s+|its\s+|their\s+|certain\s+|any\s+)*(?:\w+\s+){0,2}?(?:terms?|laws?|"
                              r"contracts?|sections?|rules?|regulations?|tariffs?|statutes?|acts?|agreements?|permitting|"
                              r"liability|copyright|clauses?|provisions?|policy|policies)\b", re.I)
# an instruction passed on ("telling the company to stop …"): addressee, then "to" and a verb
_INSTRUCTION = re.compile(r"^(?:the\s+)?(?:\w+\s+){0,3}?to\s+(?:stop|start|remove|avoid|cease|end|halt|keep|take|make|"
                          r"pay|provide|hand|share|delete|destroy|comply|explain)\b", re.I)
# a conditional plan: "the regulator would ensure …", "California would convene a working group": what an actor
# would do is an intention (reported with "would" for "will"), unless it has a figure
_WOULD_PLAN = re.compile(r"^(?:that\s+)?(?:\S+\s+){1,4}?would\s+(?:also\s+)?(?!be\b|have\b|not\b|take\b|need\b|"
                         r"become\b|cost\b|reach\b|grow\b|fall\b|rise\b|remain\b|replace\b|arrive\b)[a-z]+\b", re.I)
# when the speaker's product comes out: "the feature will be available in the US first", "the update would roll out
# to …", "the features would take longer than expected" (an announcement of its own release, an event)
_RELEASE_PLAN = re.compile(r"^(?:that\s+)?(?:the|its|our|their|this)\s+(?:new\s+|updated\s+|latest\s+|upcoming\s+)?"
                           r"(?:\w+\s+)?(?:features?|updates?|products?|services?|apps?|tools?|models?|chips?|devices?|"
                           r"versions?|rollout|launch|release|options?|subscriptions?)\s+(?:will|would|"
                           r"(?:is|are) (?:going|set|expected) to)\s+(?:also\s+|now\s+|first\s+)?"
                           r"(?:be\s+(?:available|released|launched|rolled out|delayed|offered|free)|launch|roll out|"
                           r"arrive|ship|come|debut|expand|start|begin|go live|take longer|cost)\b", re.I)
# a mandative subjunctive: "(recommending …) that steps to implement guardrails be paused" (a call, not a fact): a
# bare "be" and a participle, with no finite verb or modal before it in the clause
_SUBJUNCTIVE = re.compile(r"^(?:that\s+)?(?:(?!(?:is|are|was|were|has|have|had|does|do|did|will|would|could|should|"
                          r"may|might|must|can|cannot|shall|not|\w+n[’']t)\b)[\w’'-]+,?\s+){1,12}?(?<!\bto )be\s+"
                          r"(?:\w+ly\s+)?[a-z]+(?:ed|en)\b", re.I)
# the words between spaces one of which every match of a pattern holds: where the lower case can tell (caseless), a
# statement without any is not scanned ("be" in "the model would be trained", the participle of a legal predicate)
_SUBJUNCTIVE_WORDS = frozenset({"be"})
_LEGAL_PARTICIPLES = frozenset({"protected", "covered", "shielded", "bound", "exempt", "liable", "entitled", "obliged",
                                "obligated", "required"})
_THIRD_PERSON = re.compile(r"(?:that\s+)?(?:it|he|she|they)\b", re.I)
# a quote about others as its subject ("They have designed their products to hook our children", "He's selling an old
# chip"): without a figure, the speaker characterising another party (criticism territory), not a fact it reports
_OTHERS_SUBJECT = re.compile(r"(?:they|he|she)\b", re.I)
# a guess at what someone did, not a statement: "the newspaper seems to have used AI …" (near the start)
_HEDGE = re.compile(r"^(?:\S+\s+){0,6}?(?:seems?|seemed|appears?|appeared) to have\b", re.I)
# a stated purpose: "its mission was to understand …", "our goal is to", "its focus is building …" (an intention,
# not a fact)
_PURPOSE = re.compile(r"^(?:that\s+)?(?:its|our|their|his|her|the company[’']s)\s+(?:\w+\s+)?"
                      r"(?:mission|goal|aim|purpose|vision|ambition|intention|plan|priority|focus)\s+"
                      r"(?:is|was|has been|remains)\s+(?:to|that|on|[a-z]+ing)\b", re.I)
# a value judgement: a copula, then (degree words and) a strongly evaluative word ("R1 was “an impressive model",
# "on our data it has been excellent", "it could be “a positive”")
_COPULA_EVALUATION = re.compile(r"\b(?:is|are|was|were|been|be|remains?|remained|seems?|seemed|looks?|looked)\s+"
                                r"[\"“]?(?:(?:not|so|very|really|genuinely|truly|quite|extremely|incredibly|highly|"
                                r"an?|the)\s+[\"“]?)*(?P<word>[a-z]+)\b", re.I)
# a predicate of importance or necessity: "is vital for", "remains essential to", "was critical in"
_IMPORTANCE = re.compile(r"\b(?:is|are|was|were|been|be|remains?|remained)\s+(?:(?:so|very|really|absolutely|truly|"
                         r"also|more|most|increasingly|particularly|especially)\s+)*(?:vital|essential|crucial|"
                         r"critical|important|indispensable|paramount|fundamental|key)\s+(?:for|to|in)\b|"
                         # "the episode matters because …": that something matters is a judgement of importance
                         r"\b(?:matters|mattered)\s+(?:so\s+)?(?:because|since)\b", re.I)
_DEGREE = Folded(r"\b(?:is|are|was|were|be|been|remains?)\s+(?:(?:far|much|simply|just|still|also|not)\s+)?"
                     r"(?:too\s+\w+|(?<=not\s)(?:nearly\s+)?enough\b|(?:a\s+bit\s+|kind\s+of\s+|a\s+lot\s+)?like\s+\w+ing)|"
                     r"\b(?:won[’']t|wouldn[’']t|isn[’']t|aren[’']t|wasn[’']t)\s+(?:be\s+)?(?:nearly\s+)?enough\b")
# "it was inappropriate for X to speak", "it is hard to confirm …": an adjective judging an act (extraposition)
_EXTRAPOSED = re.compile(r"(?:that\s+)?it\s+(?:is|was|would be|isn[’']t|wasn[’']t)\s+(?:\w+ly\s+|not\s+|so\s+|too\s+)?"
                         r"(?![a-z]+ed\b|(?:likely|unlikely|able|unable|set|going|about|due|poised|ready|willing|yet|"
                         r"still|now|also|designed|meant|used|supposed)\b)[a-z]+\s+(?:for\s+[^;]{1,100}?\s+)?to\s+[a-z]+",
                         re.I)
# "the government is right to be in control": whether an actor does well or badly to act is a judgement
_RIGHT_TO = re.compile(r"\b(?:is|are|was|were)\s+(?:\w+ly\s+)?(?:not\s+)?(?:right|wrong|correct|mistaken)\s+to\s", re.I)
_EVALUATIVE = 2.0  # the valence (VADER scale) from which a predicate word judges rather than describes
_MIN_WORDS = 4
_MAX_WORDS = 70


def _main_clause_after_comma(body: str) -> bool:
    """"In March 2024, Claude completed …": an opening phrase, then a clause (not "With a post, announcing …")."""
    comma = body.find(",")
    if body.count("“", 0, comma) > body.count("”", 0, comma) or body.count('"', 0, comma) % 2:
        return False  # a comma inside a quotation the opening began: no clause of the statement follows it
    if comma > 0 and _CLAUSE_STRICT.match(body[comma + 1:].strip()) is not None:
        return True
    # "As we shared last week — as well as on our blog, our website … — the feature is not trained on …": an
    # opening set off by a dash
    dash = body.rfind(" — ")
    return dash > 0 and _CLAUSE_STRICT.match(body[dash + 3:].strip()) is not None


def _may_hold(plain: frozenset[str] | None, needed: frozenset[str]) -> bool:
    """Whether a statement whose words are ``plain`` (None: unknown) may hold one of the ``needed`` words."""
    return plain is None or not needed.isdisjoint(plain)


def is_statement(content: str, quoted: bool = False, clause: bool = True) -> bool:
    """Whether reported content is a statement of fact or forecast (not a question, call, plan or feeling); a
    quote (``quoted``) must also read as a report of facts: most quotes in the news are reactions and opinions;
    ``clause``: whether reported content must be a clause (not for "reported a net loss of $6.1 million")."""
    body = content.strip(_TRIM)
    words = body.lower().split()
    if not _MIN_WORDS <= len(words) <= _MAX_WORDS or "?" in content:
        return False
    # the statement's words, where its lower case shows every word a case-insensitive pattern can read; else None
    plain = frozenset(words) if caseless(body) is not None else None
    lead = _SENTENCE_ADVERB.sub("", body, count=1)  # "Interestingly, just before …": the fragment after it
    lead = _DATE_LEAD.sub("", lead, count=1)  # "(confirmed) Wednesday, Oct. 8, after …": when, then the fragment
    if _FRAGMENT.match(lead) and not _main_clause_after_comma(lead) and not _PASSIVE_GERUND_SUBJECT.match(lead):
        return False
    if _GERUND.match(body) and not _CLAUSE_STRICT.match(body):
        return False
    if _MODAL_START.match(body) and (quoted or not (_FIGURE.search(body) and parse_quantities(body))):
        return False  # (a quoted fragment is part of reported speech, which is judged whole)
    if _OPINION.match(body) or _HYPOTHETICAL.match(body) or _HEDGE.match(body) or _HYPOTHETICAL_TAIL.search(body) or \
            (_may_hold(plain, _SUBJUNCTIVE_WORDS) and _SUBJUNCTIVE.match(body)):
        return False
    # (in a direct quote "it", "he", "she" and "they" are never the speaker, who says "we" or "I")
    own = _OWN_PLAN.match(body)
    intention = (own and not (quoted and _THIRD_PERSON.match(body))) or _WOULD_PLAN.match(body) or \
        _PURPOSE.match(body) or _RELEASE_PLAN.match(body) or _OWN_THING_PLAN.match(body)
    if intention and not (_FIGURE.search(body) and parse_quantities(body)):
        return False  # an actor's own plan or action; with a figure it is a borderline claim the schema accepts
    # the unanchored patterns run only where one of their words occurs (most statements hold none)
    tokens = {w.strip(_TRIM) for w in words}
    low = body.lower()
    if (not tokens.isdisjoint(_NORMATIVE_WORDS) or " have to " in low or " has to " in low) and \
            _NORMATIVE.search(body):
        return False
    if not tokens.isdisjoint(_SENTIMENT_WORDS) and _SENTIMENT.search(body):
        return False
    if (_accusing(body) and not _OWN_SAFEGUARD.match(body)) or _LEGAL_SUBJECT.match(body) or \
            _INSTRUCTION.match(body) or (_may_hold(plain, _LEGAL_PARTICIPLES) and _LEGAL_PREDICATE.search(body)):
        return False
    if quoted:
        # a figure must be a quantity: "see Strider 2", "in 2026" are a name and a year
        if _FIRST_SINGULAR.search(body):
            return False
        if _OTHERS_SUBJECT.match(body):
            return bool(_FIGURE.search(body) and parse_quantities(body))
        return _FACTUAL.search(body) is not None or bool(_FIGURE.search(body) and parse_quantities(body)) or \
            _forecast(body)
    return not clause or _CLAUSE.match(body) is not None


def _forecast(body: str) -> bool:
    """Whether a quote forecasts what happens to something other than the speakers ("Being listed will not have a
    substantial impact on the business", "It will also reduce reliance on taxpayers"): not their plan ("we will",
    "this financing will … us"), a condition's outcome, an appointment or "there will be more to announce"."""
    m = _FORECAST.search(body)
    return m is not None and _FIRST_PLURAL.search(body) is None and _CONDITION.search(body) is None and \
        _APPOINTED.search(body, m.start()) is None


def is_clause(content: str) -> bool:
    """Whether content opens as a clause (a subject, then a verb with an auxiliary or in -ed within a few words, no
    indefinite article first), not a noun phrase ("announced a €600 million round led by …", "the arrest of …")."""
    body = content.strip(_TRIM)
    # an indefinite article opens a noun phrase ("a €600 million round led by …": "led" is no main verb there)
    return _CLAUSE_STRICT.match(body) is not None and not re.match(r"(?:a|an)\s", body, re.I)


def own_safeguard(content: str) -> bool:
    """Whether a statement is its speakers' account of their own safeguards against a wrong ("we have prioritized
    controls to mitigate the risk of infringement"): a defence, whatever its negative words."""
    return _OWN_SAFEGUARD.match(content.strip(_TRIM)) is not None


def is_value_judgement(content: str) -> bool:
    """Whether a statement judges rather than states: its predicate is a strongly evaluative word ("was
    impressive", "has been excellent"; participles such as "improving" describe a change)."""
    if _IMPORTANCE.search(content) or _DEGREE.search(content) or _EXTRAPOSED.match(content) or \
            _RIGHT_TO.search(content):
        return True  # "has been vital for national strength", "is too captivated by …", "won't be enough", "is like
        # calling …": how much something matters, is too much or too little, or resembles, is a judgement
    v: dict[str, float] = analyzer().lexicon
    return any(abs(v.get(w, 0.0)) >= _EVALUATIVE and not w.endswith(("ing", "ed"))
               for w in (m.group("word").lower() for m in _COPULA_EVALUATION.finditer(content)))
