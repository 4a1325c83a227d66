"""IRIs of the ontology (``ontology/kg.ttl``) and of the resources the graph holds."""

from __future__ import annotations

from pyoxigraph import NamedNode

ONTOLOGY = "https://w3id.org/ainews-kg/ontology#"
RESOURCE = "https://w3id.org/ainews-kg/id/"
RESOLUTION_GRAPH = NamedNode(RESOURCE + "graph/resolution")
ONTOLOGY_GRAPH = NamedNode(RESOURCE + "graph/ontology")  # the ontology itself, so SPARQL can query it
SYSTEM_GRAPHS = frozenset({RESOLUTION_GRAPH, ONTOLOGY_GRAPH})  # the named graphs that are not documents

RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDFS_LABEL = NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
OWL_SAME_AS = NamedNode("http://www.w3.org/2002/07/owl#sameAs")
PROV_DERIVED = NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom")
DCT_TITLE = NamedNode("http://purl.org/dc/terms/title")
SCHEMA_URL = NamedNode("https://schema.org/url")
XSD = "http://www.w3.org/2001/XMLSchema#"

PREFIXES: dict[str, str] = {
    "kg": ONTOLOGY,
    "kgr": RESOURCE,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": XSD,
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "schema": "https://schema.org/",
}


def sparql_prefixes() -> str:
    """The PREFIX block every internal query starts with."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


def term(name: str) -> NamedNode:
    """The ontology term ``kg:name``."""
    return NamedNode(ONTOLOGY + name)


def resource(local_id: str) -> NamedNode:
    """The IRI of a resource (entity, event, fact, document) from its id."""
    return NamedNode(RESOURCE + local_id)


def local_id(iri: str) -> str:
    """The id of a resource IRI (inverse of :func:`resource`)."""
    return iri[len(RESOURCE) :] if iri.startswith(RESOURCE) else iri


def document_iri(doc_id: str) -> NamedNode:
    """The IRI of a document, which is also the name of the graph holding its facts."""
    return resource(f"doc/{doc_id}")


# Predicates: one constant per property of the ontology, named as in kg.ttl.
TEXT, PUBLISHER, PUBLISHED, INGESTED_AT, ORIGIN = (
    term(n) for n in ("text", "publisher", "published", "ingestedAt", "origin")
)
ALIAS, MENTION_COUNT, MENTIONED_IN, AFFILIATION = (
    term(n) for n in ("alias", "mentionCount", "mentionedIn", "affiliation")
)
EVIDENCE, DOCUMENT, START, END, SENTENCE = (term(n) for n in ("evidence", "document", "start", "end", "sentence"))
DATE, DATE_INFERRED, REPORTED, REPORTED_INFERRED = (
    term(n) for n in ("date", "dateInferred", "reported", "reportedInferred")
)
CRITIC, TARGET, QUOTE, SUMMARY, CRITICISED = (term(n) for n in ("critic", "target", "quote", "summary", "criticised"))
TITLE, AMOUNT, VALUATION, VALUE, CURRENCY, APPROXIMATE, UNIT = (
    term(n) for n in ("title", "amount", "valuation", "value", "currency", "approximate", "unit")
)
PARTICIPANT, ROLE, ENTITY, PARTICIPATED_IN = (term(n) for n in ("participant", "role", "entity", "participatedIn"))
SUBJECT, PREDICATE, OBJECT = (term(n) for n in ("subject", "predicate", "object"))
EXTRACTED_BY = term("extractedBy")
CLAIMANT, CLAIM_TEXT, ABOUT, QUANTITY = (term(n) for n in ("claimant", "claimText", "about", "quantity"))
TEXT_SPAN, RELATION_ASSERTION, CLAIM, CRITICISM, DOCUMENT_CLASS, MONEY, QUANTITY_CLASS, PARTICIPATION = (
    term(n)
    for n in (
        "TextSpan",
        "RelationAssertion",
        "Claim",
        "Criticism",
        "Document",
        "MonetaryAmount",
        "QuantityValue",
        "Participation",
    )
)

# The direct property each relation predicate also asserts, for SPARQL and graph users.
RELATION_PROPERTY: dict[str, NamedNode] = {
    "affiliated_with": term("affiliatedWith"),
    "developed_by": term("developedBy"),
    "invested_in": term("investedIn"),
    "authored": term("authored"),
}
