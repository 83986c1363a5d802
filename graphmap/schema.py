"""The tables of a graphmap dataset: columns, what they mean, and how each maps to RDF.

This is the one description of the tables. Ingest reads it, the SHACL shapes in
``ontology/shapes.ttl`` are generated from it (``graphmap.shapes``), and the
spreadsheet templates use its help texts.

Column kinds:

``id``      the row's identifier (a slug: a-z, 0-9 and hyphens)
``text``    free text, optionally language-tagged (``lang``)
``vocab``   one value from a SKOS scheme (``vocab``); ``vocabs`` a ``;``-separated list
``ref``     a reference to an actor, network (by id) or municipality (by SCB code or
            name); ``refs`` a ``;``-separated list; ``targets`` says which tables
``places``  ``;``-separated municipality codes (4 digits), county codes (2 digits) or names
``lan``     one county code; ``kommun`` one municipality code
``decimal``, ``date`` (YYYY, YYYY-MM or YYYY-MM-DD), ``year``, ``url``, ``email``

>>> [t.name for t in TABLES][:3]
['sources', 'actors', 'networks']
>>> TABLE["actors"].column("level").vocab
'level'
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    name: str
    kind: str
    predicate: str | None = None
    required: bool = False
    vocab: str | None = None
    lang: str | None = None
    targets: tuple[str, ...] = ()
    personal: bool = False
    help_sv: str = ""
    help_en: str = ""
    example: str = ""

    @property
    def many(self) -> bool:
        return self.kind in ("vocabs", "refs", "places")


@dataclass(frozen=True)
class Table:
    name: str
    rdf_class: str
    label_sv: str
    label_en: str
    help_sv: str
    columns: tuple[Column, ...]
    scope: str = "record"  # "actor" / "network": global IRIs; "record": per dataset
    personal: bool = False
    provenance: bool = True

    def column(self, name: str) -> Column:
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(name)

    @property
    def required(self) -> list[str]:
        return [c.name for c in self.columns if c.required]


ACTORS_NETWORKS = ("actors", "networks", "kommun")
_ID = Column(
    "id",
    "id",
    required=True,
    help_sv="Unik kort id (små bokstäver, siffror, bindestreck).",
    help_en="Unique short id (lower-case letters, digits, hyphens).",
    example="fou-exempel",
)

PROVENANCE = (
    Column(
        "source",
        "ref",
        "dcterms:source",
        required=True,
        targets=("sources",),
        help_sv="Id för källan (i tabellen sources).",
        help_en="Id of the source (in the sources table).",
        example="verksamhetsplan-2023",
    ),
    Column(
        "date",
        "date",
        "dcterms:date",
        help_sv="Datum som källan anger (ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD).",
        help_en="The date the source states (YYYY, YYYY-MM or YYYY-MM-DD).",
        example="2023",
    ),
    Column(
        "confidence",
        "vocab",
        "gm:confidence",
        required=True,
        vocab="confidence",
        help_sv="stated = står i källan, reference = referensdata, assumed = antagande att verifiera.",
        help_en="stated = in the source, reference = reference data, assumed = to be verified.",
        example="stated",
    ),
    Column(
        "note",
        "text",
        "skos:editorialNote",
        lang="sv",
        help_sv="Kommentar, t.ex. vad som behöver verifieras.",
        help_en="A note, e.g. what needs verifying.",
    ),
    Column(
        "assumed_parts",
        "vocabs",
        "gm:assumedPart",
        vocab="record-part",
        help_sv="Delar av en uttalad rad som ändå är antaganden, t.ex. places när områdena står i källan men "
        "kommunlistan är allmän kunskap (places, areas, target_groups, county, types, part_of, kind, changed, relation; "
        "separerade med ;).",
        help_en="Parts of a stated row that are assumptions all the same, e.g. places when the areas are in "
        "the source but the list of municipalities is general knowledge.",
        example="places",
    ),
)


def _table(name, rdf_class, label_sv, label_en, help_sv, *cols, scope="record", personal=False, provenance=True):
    columns = (_ID, *cols, *(PROVENANCE if provenance else ()))
    return Table(
        name, rdf_class, label_sv, label_en, help_sv, columns, scope=scope, personal=personal, provenance=provenance
    )


def _names(what_sv: str, what_en: str, required: bool = True):
    return (
        Column(
            "name_sv",
            "text",
            "skos:prefLabel",
            required=required,
            lang="sv",
            help_sv=f"{what_sv}s namn på svenska.",
            help_en=f"The {what_en}'s name in Swedish.",
        ),
        Column(
            "name_en",
            "text",
            "skos:prefLabel",
            lang="en",
            help_sv=f"{what_sv}s namn på engelska.",
            help_en=f"The {what_en}'s name in English.",
        ),
    )


_DESCRIPTION = (
    Column(
        "description_sv",
        "text",
        "dcterms:description",
        lang="sv",
        help_sv="Beskrivning på svenska.",
        help_en="Description in Swedish.",
    ),
    Column(
        "description_en",
        "text",
        "dcterms:description",
        lang="en",
        help_sv="Beskrivning på engelska.",
        help_en="Description in English.",
    ),
)
_DESCRIPTION_SV = Column(
    "description_sv", "text", "dcterms:description", lang="sv", help_sv="Beskrivning.", help_en="Description."
)  # a Swedish description only (relations, changes)
_AREAS = Column(
    "areas",
    "vocabs",
    "gm:area",
    vocab="area",
    help_sv="Verksamhetsområden, separerade med ;.",
    help_en="Areas, separated by ;.",
    example="funktionshinder;socialpsykiatri",
)
_TARGET = Column(
    "target_groups",
    "vocabs",
    "gm:targetGroup",
    vocab="target-group",
    help_sv="Målgrupp(er) när källan anger dem: barn-och-unga, vuxna, aldre eller alla (tomt = källan säger inte).",
    help_en="Target group(s) where the source names them: children, adults, older people or all (empty = not stated).",
    example="vuxna",
)

TABLES: tuple[Table, ...] = (
    _table(
        "sources",
        "gm:SourceDocument",
        "Källor",
        "Sources",
        "Dokument och webbsidor som uppgifterna kommer från.",
        Column(
            "title",
            "text",
            "dcterms:title",
            required=True,
            lang="sv",
            help_sv="Källans titel.",
            help_en="Title of the source.",
        ),
        Column(
            "publisher", "text", "dcterms:publisher", help_sv="Vem som gett ut källan.", help_en="Who published it."
        ),
        Column("url", "url", "foaf:page", help_sv="Webbadress, om den finns.", help_en="Web address, if any."),
        Column(
            "document",
            "text",
            "dcterms:identifier",
            help_sv="Filnamn eller diarienummer.",
            help_en="File name or reference number.",
        ),
        Column(
            "date",
            "date",
            "dcterms:date",
            help_sv="Datum som källan själv anger (tomt om den inte anger något).",
            help_en="The date the source itself states (empty if it states none).",
        ),
        Column(
            "checked",
            "date",
            "gm:checked",
            help_sv="Datum då uppgifterna kontrollerades mot källan.",
            help_en="The date the facts were checked against the source.",
            example="2026-12-01",
        ),
        Column("note", "text", "skos:editorialNote", lang="sv", help_sv="Kommentar.", help_en="A note."),
        provenance=False,
    ),
    _table(
        "actors",
        "gm:Actor",
        "Aktörer",
        "Actors",
        "Organisationer: FoU-enheter, stödstrukturer, kommunalförbund, myndigheter, SKR m.fl. "
        "Kommuner, län och regioner finns redan i referensdata.",
        *_names("Aktören", "actor"),
        Column(
            "types",
            "vocabs",
            "gm:actorType",
            required=True,
            vocab="actor-type",
            help_sv="Aktörstyp(er), separerade med ;.",
            help_en="Actor type(s), separated by ;.",
            example="fou-enhet;rss",
        ),
        Column(
            "level",
            "vocab",
            "gm:level",
            required=True,
            vocab="level",
            help_sv="lokal, regional eller nationell.",
            help_en="local, regional or national.",
            example="regional",
        ),
        Column(
            "county",
            "lan",
            "gm:county",
            help_sv="Länskod (två siffror) där aktören verkar.",
            help_en="County code (two digits) where the actor works.",
            example="24",
        ),
        Column(
            "part_of",
            "ref",
            "org:subOrganizationOf",
            targets=("actors",),
            help_sv="Id för organisationen aktören tillhör.",
            help_en="Id of the organisation it belongs to.",
        ),
        Column("homepage", "url", "foaf:homepage", help_sv="Webbplats.", help_en="Website."),
        *_DESCRIPTION,
        scope="actor",
    ),
    _table(
        "networks",
        "org:OrganizationalCollaboration",
        "Nätverk och forum",
        "Networks and forums",
        "Nätverk, forum (t.ex. FoU-rum) och samarbeten, med vem som leder dem.",
        *_names("Nätverkets", "network"),
        Column(
            "kind",
            "vocab",
            "gm:networkKind",
            required=True,
            vocab="network-kind",
            help_sv="natverk, forum, samarbete eller styrgrupp.",
            help_en="network, forum, collaboration or steering group.",
            example="natverk",
        ),
        Column(
            "level",
            "vocab",
            "gm:level",
            required=True,
            vocab="level",
            help_sv="lokal, regional eller nationell.",
            help_en="local, regional or national.",
        ),
        Column(
            "county",
            "lan",
            "gm:county",
            help_sv="Länskod, om nätverket hör till ett län.",
            help_en="County code, if the network belongs to one county.",
        ),
        Column(
            "led_by",
            "refs",
            "gm:ledBy",
            targets=("actors", "networks"),
            help_sv="Id för den aktör som leder nätverket.",
            help_en="Id of the actor that leads it.",
        ),
        _AREAS,
        _TARGET,
        Column(
            "rhythm",
            "text",
            "gm:meetingRhythm",
            lang="sv",
            help_sv="Mötesrytm, t.ex. tre möten per termin.",
            help_en="Meeting rhythm.",
        ),
        *_DESCRIPTION,
        scope="network",
    ),
    _table(
        "memberships",
        "org:Membership",
        "Medlemskap",
        "Memberships",
        "Vem som ingår i vilket nätverk eller vilken organisation, och med vilken roll.",
        Column(
            "member",
            "ref",
            "org:member",
            required=True,
            targets=ACTORS_NETWORKS,
            help_sv="Id, kommunkod eller kommunnamn för den som ingår.",
            help_en="Id, municipality code or name of the member.",
        ),
        Column(
            "organisation",
            "ref",
            "org:organization",
            required=True,
            targets=("networks", "actors"),
            help_sv="Id för nätverket eller organisationen.",
            help_en="Id of the network or organisation.",
        ),
        Column(
            "role",
            "vocab",
            "org:role",
            required=True,
            vocab="role",
            help_sv="medlem, deltagare, delvis-medlem eller inbjuden.",
            help_en="member, participant, partial member or invited.",
            example="deltagare",
        ),
    ),
    _table(
        "relations",
        "gm:Relation",
        "Relationer",
        "Relations",
        "Styrning, samordning, samverkan, stöd och finansiering mellan aktörer.",
        Column(
            "subject",
            "ref",
            "gm:relationSubject",
            required=True,
            targets=ACTORS_NETWORKS,
            help_sv="Vem relationen utgår från.",
            help_en="Who the relation starts from.",
        ),
        Column(
            "relation",
            "vocab",
            "gm:relationKind",
            required=True,
            vocab="relation-kind",
            help_sv="styr, samordnar, samverkar-med, stottar, finansierar eller driver.",
            help_en="steers, coordinates, collaborates-with, supports, funds or runs.",
            example="styr",
        ),
        Column(
            "object",
            "ref",
            "gm:relationObject",
            required=True,
            targets=ACTORS_NETWORKS,
            help_sv="Vem relationen går till.",
            help_en="Who the relation goes to.",
        ),
        _DESCRIPTION_SV,
        _TARGET,
    ),
    _table(
        "coverage",
        "gm:Coverage",
        "Täckning",
        "Coverage",
        "Vilka kommuner eller län en aktör täcker, i vilka områden.",
        Column(
            "actor",
            "ref",
            "gm:coveredBy",
            required=True,
            targets=("actors", "networks"),
            help_sv="Id för aktören som täcker.",
            help_en="Id of the covering actor.",
        ),
        Column(
            "places",
            "places",
            "gm:place",
            required=True,
            help_sv="Kommunkoder (4 siffror), länskoder (2 siffror) eller kommunnamn, separerade med ;.",
            help_en="Municipality codes, county codes or names, separated by ;.",
            example="2480;2401",
        ),
        _AREAS,
        Column(
            "extent",
            "vocab",
            "gm:extent",
            vocab="extent",
            help_sv="hel eller delvis (standard hel).",
            help_en="full or partial (default full).",
        ),
    ),
    _table(
        "offers",
        "gm:SupportOffer",
        "Stöd som erbjuds",
        "Support offers",
        "Vilket stöd en aktör erbjuder, i vilka områden och till vilka.",
        Column(
            "actor",
            "ref",
            "gm:offeredBy",
            required=True,
            targets=("actors", "networks"),
            help_sv="Id för aktören som erbjuder stödet.",
            help_en="Id of the offering actor.",
        ),
        Column(
            "kind",
            "vocab",
            "gm:supportKind",
            required=True,
            vocab="support-kind",
            help_sv="Typ av stöd, t.ex. kompetensutveckling.",
            help_en="Kind of support.",
            example="kompetensutveckling",
        ),
        Column(
            "areas",
            "vocabs",
            "gm:area",
            required=True,
            vocab="area",
            help_sv="Verksamhetsområden, separerade med ;.",
            help_en="Areas, separated by ;.",
        ),
        Column(
            "places",
            "places",
            "gm:serves",
            help_sv="Vilka kommuner/län stödet riktar sig till (tomt = aktörens täckning).",
            help_en="Municipalities/counties served (empty = the actor's coverage).",
        ),
        _TARGET,
        *_DESCRIPTION,
    ),
    _table(
        "needs",
        "gm:Need",
        "Behov",
        "Needs",
        "Behov som kommuner eller verksamheter rapporterar (behovsinventering).",
        Column(
            "description_sv",
            "text",
            "dcterms:description",
            required=True,
            lang="sv",
            help_sv="Vad behovet gäller.",
            help_en="What the need is.",
        ),
        Column(
            "areas", "vocabs", "gm:area", required=True, vocab="area", help_sv="Verksamhetsområden.", help_en="Areas."
        ),
        Column(
            "kind",
            "vocab",
            "gm:supportKind",
            vocab="support-kind",
            help_sv="Vilken typ av stöd som behövs.",
            help_en="Kind of support needed.",
        ),
        Column(
            "reported_by",
            "refs",
            "gm:reportedBy",
            targets=ACTORS_NETWORKS,
            help_sv="Vem som har eller rapporterar behovet.",
            help_en="Who has or reports the need.",
        ),
        Column(
            "places",
            "places",
            "gm:place",
            help_sv="Kommuner/län där behovet finns.",
            help_en="Municipalities/counties where the need is.",
        ),
        Column(
            "inventoried_by",
            "refs",
            "gm:inventoriedBy",
            targets=ACTORS_NETWORKS,
            help_sv="Vem som inventerar behovet.",
            help_en="Who inventories the need.",
        ),
        Column(
            "status",
            "vocab",
            "gm:status",
            vocab="status",
            help_sv="planerad, pagaende eller genomford.",
            help_en="planned, ongoing or completed.",
        ),
        Column("year", "year", "gm:year", help_sv="År.", help_en="Year."),
    ),
    _table(
        "activities",
        "gm:Activity",
        "Aktiviteter",
        "Activities",
        "Konferenser, FoU-rum, forskningscirklar, utbildningar, kartläggningar m.m.",
        *_names("Aktivitetens", "activity"),
        Column(
            "kind",
            "vocab",
            "gm:activityKind",
            required=True,
            vocab="activity-kind",
            help_sv="Typ av aktivitet.",
            help_en="Kind of activity.",
            example="konferens",
        ),
        Column(
            "organisers",
            "refs",
            "gm:organisedBy",
            required=True,
            targets=ACTORS_NETWORKS,
            help_sv="Vem som arrangerar.",
            help_en="Who organises it.",
        ),
        Column(
            "participants",
            "refs",
            "gm:participant",
            targets=ACTORS_NETWORKS,
            help_sv="Vem som deltar eller medverkar.",
            help_en="Who takes part.",
        ),
        _AREAS,
        _TARGET,
        Column(
            "part_of",
            "ref",
            "gm:partOfInitiative",
            targets=("networks",),
            help_sv="Nätverk eller samarbete som aktiviteten hör till.",
            help_en="Network or collaboration it belongs to.",
        ),
        Column("when", "date", "gm:when", help_sv="När (ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD).", help_en="When."),
        Column(
            "frequency",
            "text",
            "gm:frequency",
            lang="sv",
            help_sv="Hur ofta, t.ex. tre per termin.",
            help_en="How often.",
        ),
        Column(
            "status",
            "vocab",
            "gm:status",
            vocab="status",
            help_sv="planerad, pagaende eller genomford.",
            help_en="planned, ongoing or completed.",
        ),
        *_DESCRIPTION,
    ),
    _table(
        "posts",
        "org:Post",
        "Tjänster",
        "Posts",
        "Tjänster (t.ex. utvecklingsledare) med andel av heltid.",
        Column(
            "actor",
            "ref",
            "org:postIn",
            required=True,
            targets=("actors", "networks"),
            help_sv="Id för aktören där tjänsten finns.",
            help_en="Id of the actor the post belongs to.",
        ),
        Column(
            "title_sv",
            "text",
            "skos:prefLabel",
            required=True,
            lang="sv",
            help_sv="Tjänstens benämning.",
            help_en="Title of the post.",
        ),
        Column(
            "title_en",
            "text",
            "skos:prefLabel",
            lang="en",
            help_sv="Benämning på engelska.",
            help_en="Title in English.",
        ),
        _AREAS,
        Column(
            "fte",
            "decimal",
            "gm:fte",
            help_sv="Andel av heltid, 0–1 (t.ex. 0,5).",
            help_en="Share of a full-time post, 0–1.",
            example="0.5",
        ),
        Column(
            "funding",
            "text",
            "gm:fundingNote",
            lang="sv",
            help_sv="Hur tjänsten finansieras.",
            help_en="How the post is funded.",
        ),
        Column(
            "remit_sv",
            "text",
            "gm:remit",
            lang="sv",
            help_sv="Vad tjänsten ska göra, enligt källan.",
            help_en="What the post is to do, as the source says.",
        ),
    ),
    _table(
        "persons",
        "foaf:Person",
        "Personer",
        "Persons",
        "Namngivna personer. PERSONUPPGIFTER: tas inte med i exporter om det inte begärs.",
        Column(
            "name",
            "text",
            "foaf:name",
            required=True,
            personal=True,
            help_sv="Personens namn (personuppgift).",
            help_en="The person's name (personal data).",
        ),
        Column(
            "email",
            "email",
            "foaf:mbox",
            personal=True,
            help_sv="E-postadress (personuppgift).",
            help_en="E-mail address (personal data).",
        ),
        Column(
            "posts",
            "refs",
            "org:holds",
            targets=("posts",),
            help_sv="Id för tjänst(er) personen har.",
            help_en="Id of the post(s) the person holds.",
        ),
        personal=True,
    ),
    _table(
        "agreements",
        "gm:Agreement",
        "Avtal och finansiering",
        "Agreements and funding",
        "Avtal, överenskommelser, beslut och finansiering (t.ex. kr per invånare och år).",
        Column(
            "kind",
            "vocab",
            "gm:agreementKind",
            required=True,
            vocab="agreement-kind",
            help_sv="avtal, overenskommelse, finansiering eller beslut.",
            help_en="contract, agreement, funding or decision.",
        ),
        Column(
            "parties",
            "refs",
            "gm:party",
            targets=ACTORS_NETWORKS,
            help_sv="Parter, separerade med ;.",
            help_en="Parties, separated by ;.",
        ),
        Column(
            "recipient",
            "ref",
            "gm:recipient",
            targets=("actors", "networks"),
            help_sv="Vem avtalet eller pengarna gäller.",
            help_en="Who it concerns or funds.",
        ),
        Column("amount", "decimal", "gm:amount", help_sv="Belopp (tal).", help_en="Amount (number)."),
        Column("unit", "text", "gm:unit", lang="sv", help_sv="Enhet, t.ex. kr/invånare/år.", help_en="Unit."),
        Column("year", "year", "gm:year", help_sv="År.", help_en="Year."),
        Column(
            "decided",
            "date",
            "dcterms:dateAccepted",
            help_sv="Datum då beslutet fattades eller avtalet godkändes, när källan anger det.",
            help_en="The date of the decision or approval, where the source states it.",
            example="2022-12-16",
        ),
        Column(
            "description_sv",
            "text",
            "dcterms:description",
            required=True,
            lang="sv",
            help_sv="Vad avtalet säger.",
            help_en="What it says.",
        ),
    ),
    _table(
        "goals",
        "gm:Goal",
        "Mål och uppdrag",
        "Goals and remits",
        "Mål, syfte, uppdrag och förväntat utfall som en verksamhetsplan eller aktörens egen text anger.",
        Column(
            "actor",
            "ref",
            "gm:goalOf",
            required=True,
            targets=("actors", "networks"),
            help_sv="Id för aktören eller nätverket.",
            help_en="Id of the actor or network.",
        ),
        Column(
            "kind",
            "vocab",
            "gm:goalKind",
            required=True,
            vocab="goal-kind",
            help_sv="mal, syfte, uppdrag, resultatmal eller utfall.",
            help_en="goal, purpose, remit, result goal or expected outcome.",
            example="uppdrag",
        ),
        Column(
            "description_sv",
            "text",
            "dcterms:description",
            required=True,
            lang="sv",
            help_sv="Vad målet eller uppdraget säger (med egna ord).",
            help_en="What it says (paraphrased).",
        ),
        _AREAS,
        Column("year", "year", "gm:year", help_sv="Året planen gäller.", help_en="The year the plan applies to."),
    ),
    _table(
        "changes",
        "org:ChangeEvent",
        "Förändringar",
        "Changes",
        "Namnbyten, sammanslagningar och nedläggningar av organisationer, med datum.",
        Column(
            "kind",
            "vocab",
            "gm:changeKind",
            required=True,
            vocab="change-kind",
            help_sv="namnbyte, sammanslagning, nedlaggning eller ombildning.",
            help_en="rename, merger, closure or reorganisation.",
            example="namnbyte",
        ),
        Column(
            "original",
            "refs",
            "org:originalOrganization",
            targets=("actors", "networks"),
            help_sv="Id för organisationen/organisationerna som upphörde.",
            help_en="Id of the organisation(s) that ended.",
        ),
        Column(
            "resulting",
            "refs",
            "org:resultingOrganization",
            targets=("actors", "networks"),
            help_sv="Id för organisationen/organisationerna som blev resultatet.",
            help_en="Id of the resulting organisation(s).",
        ),
        Column(
            "former_name",
            "text",
            "gm:formerName",
            lang="sv",
            help_sv="Det tidigare namnet (vid namnbyte).",
            help_en="The former name (for a rename).",
            example="FoU Välfärd",
        ),
        Column(
            "changed",
            "date",
            "gm:changedOn",
            help_sv="När förändringen skedde (ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD).",
            help_en="When the change happened.",
            example="2019-01-01",
        ),
        _DESCRIPTION_SV,
    ),
    _table(
        "mapping",
        "gm:MappingState",
        "Kartläggningsläge",
        "State of the mapping",
        "Vad som är kartlagt och inte, per län (eller kommuner) och fråga: källa, eller ingen källa hittad.",
        Column(
            "places",
            "places",
            "gm:place",
            required=True,
            help_sv="Länskod eller kommunkoder som raden gäller, separerade med ;.",
            help_en="County code or municipality codes the row is about, separated by ;.",
            example="01",
        ),
        Column(
            "question",
            "vocab",
            "gm:mappingQuestion",
            required=True,
            vocab="mapping-question",
            help_sv="rss, fou, fou-tackning, omraden, medlemskap eller nationellt.",
            help_en="rss, fou, fou-tackning (coverage), omraden (areas), medlemskap (memberships) or nationellt (national support).",
            example="rss",
        ),
        Column(
            "status",
            "vocab",
            "gm:mappingStatus",
            required=True,
            vocab="mapping-status",
            help_sv="kartlagd, delvis eller ingen-kalla-hittad.",
            help_en="mapped, partly or no source found.",
            example="kartlagd",
        ),
        Column(
            "actors",
            "refs",
            "gm:answeredBy",
            targets=("actors", "networks"),
            help_sv="Id för aktörerna som svarar på frågan.",
            help_en="Id of the actors that answer the question.",
        ),
    ),
    # the yearly mapping round (graphmap.round): who was asked, and what each one answered
    _table(
        "rounds",
        "gm:MappingRound",
        "Kartläggningsrundor",
        "Mapping rounds",
        "En kartläggningsrunda: vilka kommuner (eller aktörer) som fick en arbetsbok, när och från vilken dataversion.",
        Column(
            "name_sv",
            "text",
            "skos:prefLabel",
            required=True,
            lang="sv",
            help_sv="Rundans namn.",
            help_en="The round's name.",
            example="Kartläggning 2027",
        ),
        Column(
            "year", "year", "gm:year", help_sv="Året rundan gäller.", help_en="The year of the round.", example="2027"
        ),
        Column(
            "respondents",
            "refs",
            "gm:respondent",
            required=True,
            targets=ACTORS_NETWORKS,
            help_sv="Kommunkoder eller id för dem som fick en arbetsbok, separerade med ;.",
            help_en="Municipality codes or ids of those who were sent a workbook, separated by ;.",
            example="1486;1435",
        ),
        Column(
            "data_version",
            "text",
            "gm:dataVersion",
            help_sv="Dataversionen arbetsböckerna gjordes från.",
            help_en="The data version the workbooks were made from.",
            example="9a340651752b",
        ),
        Column(
            "sent",
            "date",
            "gm:sentOn",
            help_sv="När arbetsböckerna skickades.",
            help_en="When the workbooks were sent.",
        ),
        Column("deadline", "date", "gm:deadline", help_sv="Sista dag för svar.", help_en="The last day to answer."),
        Column("note", "text", "skos:editorialNote", lang="sv", help_sv="Kommentar.", help_en="A note."),
        provenance=False,
    ),
    _table(
        "answers",
        "gm:RoundAnswer",
        "Svar i kartläggningsrundan",
        "Answers of the mapping round",
        "Vad en kommun (eller aktör) svarade på en uppgift i sin arbetsbok: stämmer, stämmer inte eller delvis "
        "med rättelse, eller hur stort ett behov är. Originaltabellerna ändras inte; svaren läggs på när grafen byggs.",
        Column(
            "round",
            "ref",
            "gm:inRound",
            required=True,
            targets=("rounds",),
            help_sv="Id för rundan (i tabellen rounds).",
            help_en="Id of the round (in the rounds table).",
        ),
        Column(
            "respondent",
            "ref",
            "gm:answerOf",
            required=True,
            targets=ACTORS_NETWORKS,
            help_sv="Kommunkod eller id för den som svarade (kommunen, inte en person).",
            help_en="Municipality code or id of who answered (the municipality, not a person).",
            example="1486",
        ),
        Column(
            "fact",
            "text",
            "gm:factKey",
            required=True,
            help_sv="Uppgiften svaret gäller: dataset/tabell/id.",
            help_en="The fact answered: dataset/table/id.",
            example="fyrbodal/memberships/1486-i-socialchefsnatverket",
        ),
        Column(
            "verdict",
            "vocab",
            "gm:verdict",
            vocab="answer",
            help_sv="stammer, stammer-inte eller delvis.",
            help_en="correct, not correct or partly.",
            example="stammer",
        ),
        Column(
            "field",
            "text",
            "gm:correctedField",
            help_sv="Kolumnen som rättas (t.ex. role); - = svaret sparas utan att ändra uppgiften.",
            help_en="The column corrected (e.g. role); - = the answer is kept and changes nothing.",
            example="role",
        ),
        Column(
            "correction",
            "text",
            "gm:correction",
            help_sv="Det rättade värdet.",
            help_en="The corrected value.",
            example="deltagare",
        ),
        Column(
            "need_level",
            "vocab",
            "gm:needLevel",
            vocab="need-level",
            help_sv="Hur stort behovet är (behovsinventering).",
            help_en="How great the need is (needs inventory).",
            example="stort",
        ),
        Column(
            "comment",
            "text",
            "gm:answerComment",
            lang="sv",
            help_sv="Källa eller kommentar: skälet till svaret.",
            help_en="Source or comment: the reason for the answer.",
        ),
        Column("answered", "date", "gm:answeredOn", help_sv="När svaret gavs.", help_en="When it was answered."),
        Column(
            "respondent_name",
            "text",
            "gm:respondentName",
            personal=True,
            help_sv="Namn på den som svarade, bara om det uttryckligen angavs (personuppgift).",
            help_en="Name of the person who answered, only if given on purpose (personal data).",
        ),
        Column(
            "data_version",
            "text",
            "gm:dataVersion",
            help_sv="Dataversionen arbetsboken gjordes från.",
            help_en="The data version the workbook was made from.",
        ),
        Column(
            "decision",
            "text",
            "gm:decision",
            help_sv="Samordnarens beslut om ett svar att granska: accepted (svaret gäller) eller rejected "
            "(uppgiften står kvar). Skrivs av graphmap round settle.",
            help_en="The coordinator's decision on an answer to review: accepted (the answer holds) or "
            "rejected (the fact stays). Written by graphmap round settle.",
            example="accepted",
        ),
        Column(
            "decided",
            "date",
            "gm:decidedOn",
            help_sv="När samordnaren beslutade.",
            help_en="When the coordinator decided.",
        ),
        Column(
            "decision_note",
            "text",
            "gm:decisionNote",
            lang="sv",
            help_sv="Samordnarens skäl till beslutet.",
            help_en="The coordinator's reason for the decision.",
        ),
    ),
)

TABLE = {t.name: t for t in TABLES}
#: the tables a mapping round writes (``graphmap round``), never filled in by hand
ROUND_TABLES = ("rounds", "answers")
#: the tables a region fills in (``graphmap new-region`` makes their templates)
REGION_TABLES = tuple(t for t in TABLES if t.name not in ROUND_TABLES)
