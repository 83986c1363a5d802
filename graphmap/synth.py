"""A synthetic national dataset in the same tables as the real data, for scale tests and demos.

``generate(scale, seed)`` returns one dataset per county (``lan-01-stockholm`` …) and one for
the national level (``nationellt``), each a dict of tables (rows as dicts with the columns of
:mod:`graphmap.schema`); ``write(out_dir, scale, seed)`` writes them as CSV folders that
``graphmap build OUT/*`` reads. The 290 municipalities and 21 counties are the real reference
data (always loaded); everything else is invented:

- per county: a regional R&D unit (FoU) and a regional support structure (RSS, sometimes the
  same unit), the county's network of heads of social services with every municipality as a
  member, municipal associations, FoU forums per area, local networks, joint services (barnahus,
  personligt ombud), posts, support offers, needs, activities, relations and funding over
  several years;
- nationally: SKR and its national networks (one per area, the RSS network, FoU Välfärd) with
  each county's units as members, national agencies, competence centres and universities.

Every row cites a source whose title starts with ``SYNTETISKA DATA`` and has confidence
``assumed``. The same ``seed`` and ``scale`` give byte-identical files. Scale 1 is about the
size of a real national mapping (~15k triples); the data grows linearly with the scale
(scale 100 ≈ one million triples).

>>> data = generate(0.2, seed=1)
>>> sorted(data)[:2]
['lan-01-stockholm', 'lan-03-uppsala']
>>> data["nationellt"]["sources"][0]["title"].startswith("SYNTETISKA DATA")
True
"""

from __future__ import annotations

import csv
import io
import random
from pathlib import Path

from graphmap.ontology import REFERENCE_DIR
from graphmap.schema import TABLE, TABLES
from graphmap.slug import slugify
from graphmap.vocab import vocabularies

NATIONAL = "nationellt"
SOURCE = "syntetiska-data"
YEARS = tuple(range(2019, 2026))

# per unit of scale and county (expected counts; fractional parts are drawn at random)
PER_COUNTY = {
    "associations": 0.3,
    "joint_services": 0.4,
    "forums": 2.3,
    "local_networks": 1.0,
    "offers": 4.5,
    "needs": 3.5,
    "activities": 3.5,
    "posts": 3.0,
    "relations": 1.0,
    "agreements": 0.6,
}
# per unit of scale, nationally
PER_NATION = {
    "national_networks": 4.0,
    "centres": 1.0,
    "national_offers": 8.0,
    "national_activities": 4.0,
    "national_posts": 4.0,
}

AGENCIES = (
    ("socialstyrelsen", "Socialstyrelsen", "National Board of Health and Welfare"),
    ("ivo", "Inspektionen för vård och omsorg (IVO)", "Health and Social Care Inspectorate"),
    ("mfof", "Myndigheten för familjerätt och föräldraskapsstöd", "Family Law and Parental Support Authority"),
    ("forte", "Forte", "Swedish Research Council for Health, Working Life and Welfare"),
    ("vardanalys", "Myndigheten för vård- och omsorgsanalys", "Swedish Agency for Health and Care Services Analysis"),
    ("delegationen-mot-segregation", "Delegationen mot segregation", "Delegation against Segregation"),
)
UNIVERSITIES = (
    ("01", "Stockholms universitet"),
    ("03", "Uppsala universitet"),
    ("05", "Linköpings universitet"),
    ("06", "Jönköping University"),
    ("07", "Linnéuniversitetet"),
    ("12", "Lunds universitet"),
    ("13", "Högskolan i Halmstad"),
    ("14", "Göteborgs universitet"),
    ("17", "Karlstads universitet"),
    ("18", "Örebro universitet"),
    ("19", "Mälardalens universitet"),
    ("20", "Högskolan Dalarna"),
    ("21", "Högskolan i Gävle"),
    ("22", "Mittuniversitetet"),
    ("24", "Umeå universitet"),
    ("25", "Luleå tekniska universitet"),
)
JOINT_SERVICES = (
    ("barnahus", "Barnahus", "Children's advocacy centre", "barn-och-unga;vald-i-nara-relation"),
    ("personligt-ombud", "Personligt ombud", "Personal ombudsman", "socialpsykiatri"),
    ("familjecentral", "Familjecentral", "Family centre", "barn-och-unga"),
    ("samordningsforbund", "Samordningsförbund", "Coordination association", "social-inkludering;ekonomiskt-bistand"),
)
POST_TITLES = (
    ("Utvecklingsledare", "Development lead"),
    ("FoU-ledare", "R&D lead"),
    ("Processledare", "Process lead"),
    ("Forskare", "Researcher"),
    ("Samordnare", "Coordinator"),
    ("Verksamhetsutvecklare", "Operations developer"),
)
NEED_TEXTS = (
    "Behov av {k} inom {a}",
    "Kommunerna efterfrågar {k} inom {a}",
    "Ökad kunskap och {k} inom {a} behövs",
    "Gemensamt behov av {k} för {a}",
)
ACTIVITY_TEXTS = ("{k} om {a}", "Regional {k}: {a}", "{k} för chefer inom {a}", "{k} – {a} i praktiken")


class _County:
    def __init__(self, code: str, name: str, region: str, municipalities: list[tuple[str, str]]):
        self.code, self.name, self.region = code, name, region
        self.region_id = slugify(region)
        base = name.removesuffix(" län")
        self.short = base.removesuffix("s") if name.endswith("s län") else base  # Västerbottens län -> Västerbotten
        self.slug = slugify(self.short)
        self.municipalities = municipalities  # (code, name)
        self.dataset = f"lan-{code}-{self.slug}"


def _reference() -> list[_County]:
    with open(REFERENCE_DIR / "lan.csv", encoding="utf-8") as f:
        counties = list(csv.DictReader(f))
    with open(REFERENCE_DIR / "kommuner.csv", encoding="utf-8") as f:
        kommuner = list(csv.DictReader(f))
    out = []
    for c in counties:
        ms = [(k["kommunkod"], k["kommun"]) for k in kommuner if k["lanskod"] == c["lanskod"]]
        out.append(_County(c["lanskod"], c["lan"], c["region"], ms))
    return out


class _Builder:
    """Rows of one dataset, with provenance added to every row and unique ids per table."""

    def __init__(self, rng: random.Random, scale: float, seed: int, label: str):
        self.rng, self.scale = rng, scale
        self.tables: dict[str, list[dict]] = {t.name: [] for t in TABLES if t.name != "persons"}
        self._ids: dict[str, dict[str, int]] = {}
        self.tables["sources"].append(
            {
                "id": SOURCE,
                "title": f"SYNTETISKA DATA – {label} (graphmap synth, frö {seed}, skala {scale:g})",
                "publisher": "graphmap synth",
                "date": "2025",
                "note": "Syntetiska testdata som genererats för prestanda- och demonstrationssyfte; "
                "inga uppgifter är verkliga. / Synthetic test data; nothing here is real.",
            }
        )

    def count(self, expected: float) -> int:
        x = expected * self.scale
        n = int(x)
        return n + (1 if self.rng.random() < x - n else 0)

    def unique(self, table: str, ident: str) -> str:
        """``ident``, or ``ident-2``, ``ident-3`` … when the table already has it."""
        seen = self._ids.setdefault(table, {})
        base = ident
        while ident in seen:
            seen[base] += 1
            ident = f"{base}-{seen[base]}"
        seen[ident] = 1
        return ident

    def add(self, table: str, **row) -> str:
        row["id"] = self.unique(table, row["id"])
        row.setdefault("source", SOURCE)
        row.setdefault("date", str(self.rng.choice(YEARS)))
        row.setdefault("confidence", "assumed")
        self.tables[table].append(row)
        return row["id"]


class _Names:
    def __init__(self):
        v = vocabularies()
        self.areas = [c.notation for c in v.concepts("area")]
        self.area_sv = {c.notation: c.label("sv") for c in v.concepts("area")}
        self.area_en = {c.notation: c.label("en") for c in v.concepts("area")}
        self.support = [c.notation for c in v.concepts("support-kind")]
        self.support_sv = {c.notation: c.label("sv") for c in v.concepts("support-kind")}
        self.activity = [c.notation for c in v.concepts("activity-kind")]
        self.activity_sv = {c.notation: c.label("sv") for c in v.concepts("activity-kind")}
        self.status = [c.notation for c in v.concepts("status")]


def _areas(rng: random.Random, names: _Names, low: int = 1, high: int = 3) -> list[str]:
    return sorted(rng.sample(names.areas, rng.randint(low, high)))


def _when(rng: random.Random) -> str:
    year = rng.choice(YEARS)
    kind = rng.random()
    if kind < 0.4:
        return str(year)
    if kind < 0.7:
        return f"{year}-{rng.randint(1, 12):02d}"
    return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _national(scale: float, seed: int, names: _Names, counties: list[_County]) -> tuple[_Builder, dict]:
    rng = random.Random(f"{seed}:{NATIONAL}")
    b = _Builder(rng, scale, seed, "nationell nivå")
    add = b.add
    add(
        "actors",
        id="skr",
        name_sv="Sveriges Kommuner och Regioner (SKR)",
        name_en="Swedish Association of Local Authorities and Regions (SKR)",
        types="medlemsorganisation",
        level="nationell",
        description_sv="Leder nationella nätverk för regional och nationell samverkan.",
    )
    for ident, sv, en in AGENCIES:
        add("actors", id=ident, name_sv=sv, name_en=en, types="myndighet", level="nationell")
    for code, name in UNIVERSITIES:
        add("actors", id=slugify(name), name_sv=name, types="larosate", level="regional", county=code)
    centres = []
    for area in names.areas:
        centres.append(
            add(
                "actors",
                id=f"kompetenscentrum-{area}",
                name_sv=f"Nationellt kompetenscentrum för {names.area_sv[area].lower()}",
                name_en=f"National competence centre for {names.area_en[area].lower()}",
                types="kompetenscentrum",
                level="nationell",
            )
        )
    for i in range(b.count(PER_NATION["centres"])):
        area = rng.choice(names.areas)
        centres.append(
            add(
                "actors",
                id=f"kunskapscentrum-{area}-{i + 1}",
                name_sv=f"Kunskapscentrum {names.area_sv[area].lower()} {i + 1}",
                types="kompetenscentrum",
                level="nationell",
            )
        )
    networks = {
        "rss": add(
            "networks",
            id="skr-natverk-rss",
            name_sv="SKR:s nationella nätverk för RSS",
            name_en="SKR's national network of regional support structures",
            kind="natverk",
            level="nationell",
            led_by="skr",
            areas="socialtjanst",
            rhythm="Fyra möten per år",
        ),
        "fou": add(
            "networks",
            id="fou-valfard",
            name_sv="FoU Välfärd",
            name_en="FoU Välfärd (national network of R&D units)",
            kind="natverk",
            level="nationell",
            led_by="skr",
            areas="praktiknara-forskning",
            rhythm="Två möten per termin",
        ),
    }
    by_area = {}
    for area in names.areas:
        by_area[area] = add(
            "networks",
            id=f"skr-natverk-{area}",
            name_sv=f"SKR:s nationella nätverk för {names.area_sv[area].lower()}",
            name_en=f"SKR's national network for {names.area_en[area].lower()}",
            kind="natverk",
            level="nationell",
            led_by="skr",
            areas=area,
        )
    extra = []
    for i in range(b.count(PER_NATION["national_networks"])):
        area = rng.choice(names.areas)
        leader = rng.choice(["skr", "skr", *centres[:3], rng.choice(AGENCIES)[0]])
        extra.append(
            add(
                "networks",
                id=f"nationellt-natverk-{area}-{i + 1}",
                name_sv=f"Nationellt nätverk {names.area_sv[area].lower()} {i + 1}",
                kind=rng.choice(["natverk", "forum", "samarbete"]),
                level="nationell",
                led_by=leader,
                areas=";".join(_areas(rng, names, 1, 2)),
            )
        )
    for agency, *_ in AGENCIES[:3]:
        add("relations", id=f"{agency}-stottar-rss", subject=agency, relation="stottar", object=networks["rss"])
    add("relations", id="skr-driver-fou-valfard", subject="skr", relation="driver", object=networks["fou"])
    actors = ["skr", *[a[0] for a in AGENCIES], *centres]
    for _ in range(b.count(PER_NATION["national_offers"])):
        add(
            "offers",
            id="nationellt-stod",
            actor=rng.choice(actors),
            kind=rng.choice(names.support),
            areas=";".join(_areas(rng, names)),
            description_sv="Nationellt stöd till kommuner och regioner.",
        )
    for _ in range(b.count(PER_NATION["national_activities"])):
        kind = rng.choice(names.activity)
        area = rng.choice(names.areas)
        add(
            "activities",
            id=f"nationell-{kind}",
            name_sv=f"Nationell {names.activity_sv[kind].lower()}: {names.area_sv[area].lower()}",
            kind=kind,
            organisers=rng.choice(["skr", *centres]),
            participants=";".join(rng.sample(["skr", *[a[0] for a in AGENCIES]], 2)),
            areas=area,
            part_of=rng.choice([networks["rss"], networks["fou"], by_area[area]]),
            when=_when(rng),
            status=rng.choice(names.status),
        )
    for _ in range(b.count(PER_NATION["national_posts"])):
        area = rng.choice(names.areas)
        title = rng.choice(POST_TITLES)
        add(
            "posts",
            id=f"nationell-{slugify(title[0])}-{area}",
            actor=rng.choice(actors),
            title_sv=f"{title[0]} {names.area_sv[area].lower()}",
            title_en=f"{title[1]}, {names.area_en[area].lower()}",
            areas=area,
            fte=f"{rng.choice([0.25, 0.5, 0.75, 1]):g}",
        )
    shared = {
        "networks": networks,
        "by_area": by_area,
        "extra": extra,
        "centres": centres,
        "universities": {code: slugify(name) for code, name in UNIVERSITIES},
    }
    return b, shared


def _county(county: _County, scale: float, seed: int, names: _Names, shared: dict, others: list[_County]) -> _Builder:
    rng = random.Random(f"{seed}:{county.code}")
    b = _Builder(rng, scale, seed, county.name)
    add = b.add
    c, munis = county, county.municipalities
    codes = [m[0] for m in munis]
    short = c.short
    fou = add(
        "actors",
        id=f"fou-{c.slug}",
        name_sv=f"FoU Socialtjänst {short}",
        name_en=f"R&D Social Services ({short})",
        types="fou-enhet;rss" if rng.random() < 0.4 else "fou-enhet",
        level="regional",
        county=c.code,
        part_of=c.region_id,
        description_sv=f"Regional FoU-enhet för socialtjänsten i {c.name}.",
    )
    combined = b.tables["actors"][-1]["types"] == "fou-enhet;rss"
    rss = (
        fou
        if combined
        else add(
            "actors",
            id=f"rss-{c.slug}",
            name_sv=f"Regional stödstruktur (RSS) {short}",
            name_en=f"Regional support structure ({short})",
            types="rss",
            level="regional",
            county=c.code,
            part_of=c.region_id,
        )
    )
    chefs = add(
        "networks",
        id=f"socialchefsnatverk-{c.slug}",
        name_sv=f"Socialchefsnätverket i {c.name}",
        name_en=f"Heads of social services network ({short})",
        kind="natverk",
        level="regional",
        county=c.code,
        led_by=rss,
        areas="socialtjanst",
        rhythm="Månadsvis",
    )
    for code, _name in munis:
        add("memberships", id=f"{code}-i-socialchefsnatverket", member=code, organisation=chefs, role="medlem")
    add("coverage", id=f"{fou}-lanet", actor=fou, places=c.code, areas=";".join(_areas(rng, names, 3, 6)), extent="hel")
    if not combined:
        add("coverage", id=f"{rss}-lanet", actor=rss, places=c.code, extent="hel")
        add("relations", id=f"{rss}-samordnar-{fou}", subject=rss, relation="samordnar", object=fou)
    add("relations", id=f"{chefs}-styr-{fou}", subject=chefs, relation="styr", object=fou)
    add("relations", id=f"{c.region_id}-finansierar-{fou}", subject=c.region_id, relation="finansierar", object=fou)
    add("memberships", id=f"{rss}-i-rss-natverket", member=rss, organisation=shared["networks"]["rss"], role="medlem")
    add("memberships", id=f"{fou}-i-fou-valfard", member=fou, organisation=shared["networks"]["fou"], role="deltagare")
    university = shared["universities"].get(c.code)
    if university:
        add(
            "relations",
            id=f"{fou}-samverkar-med-{university}",
            subject=fou,
            relation="samverkar-med",
            object=university,
        )
    add(
        "agreements",
        id=f"finansiering-{fou}",
        kind="finansiering",
        parties=";".join(codes[:3] + [c.region_id]),
        recipient=fou,
        amount=f"{rng.randint(4, 12)}",
        unit="kr/invånare/år",
        year="2023",
        description_sv="Kommunerna och regionen finansierar FoU-enheten per invånare och år.",
    )

    providers, forums, regional = [fou, rss] if not combined else [fou], [], [chefs]
    for i in range(b.count(PER_COUNTY["associations"])):
        group = sorted(rng.sample(codes, min(len(codes), rng.randint(2, 6))))
        name = munis[codes.index(group[0])][1]
        assoc = add(
            "actors",
            id=f"kommunalforbund-{slugify(name)}-{i + 1}",
            name_sv=f"Kommunalförbundet {name}regionen {i + 1}",
            types="kommunalforbund",
            level="regional",
            county=c.code,
        )
        add(
            "coverage",
            id=f"{assoc}-kommuner",
            actor=assoc,
            places=";".join(group),
            areas=";".join(_areas(rng, names, 1, 4)),
            extent=rng.choice(["hel", "hel", "delvis"]),
        )
        for code in group:
            add("memberships", id=f"{code}-i-{assoc}", member=code, organisation=assoc, role="medlem")
        providers.append(assoc)
    for i in range(b.count(PER_COUNTY["joint_services"])):
        ident, sv, en, js_areas = rng.choice(JOINT_SERVICES)
        group = sorted(rng.sample(codes, min(len(codes), rng.randint(1, 5))))
        name = munis[codes.index(group[0])][1]
        js = add(
            "actors",
            id=f"{ident}-{slugify(name)}-{i + 1}",
            name_sv=f"{sv} {name}",
            name_en=f"{en} {name}",
            types="gemensam-verksamhet",
            level="lokal",
            county=c.code,
        )
        add("coverage", id=f"{js}-kommuner", actor=js, places=";".join(group), areas=js_areas)
        add("relations", id=f"{js}-drivs", subject=group[0], relation="driver", object=js)
        providers.append(js)
    for i in range(b.count(PER_COUNTY["forums"])):
        area = rng.choice(names.areas)
        forum = add(
            "networks",
            id=f"fou-rum-{area}-{c.slug}-{i + 1}",
            name_sv=f"FoU-rum {names.area_sv[area].lower()} ({short}) {i + 1}",
            name_en=f"R&D forum {names.area_en[area].lower()} ({short}) {i + 1}",
            kind=rng.choice(["forum", "forum", "natverk"]),
            level="regional",
            county=c.code,
            led_by=rng.choice(providers),
            areas=area,
            rhythm="Tre möten per termin",
        )
        for code in sorted(rng.sample(codes, max(1, int(len(codes) * rng.uniform(0.4, 1.0))))):
            add(
                "memberships",
                id=f"{code}-i-{forum}",
                member=code,
                organisation=forum,
                role=rng.choice(["medlem", "medlem", "deltagare", "inbjuden"]),
            )
        forums.append((forum, area))
        regional.append(forum)
    for i in range(b.count(PER_COUNTY["local_networks"])):
        area = rng.choice(names.areas)
        group = sorted(rng.sample(codes, min(len(codes), rng.randint(2, 4))))
        name = munis[codes.index(group[0])][1]
        net = add(
            "networks",
            id=f"lokalt-natverk-{area}-{slugify(name)}-{i + 1}",
            name_sv=f"Lokalt nätverk {names.area_sv[area].lower()} {name} {i + 1}",
            kind="natverk",
            level="lokal",
            county=c.code,
            areas=area,
        )
        for code in group:
            add("memberships", id=f"{code}-i-{net}", member=code, organisation=net, role="medlem")
    # units take part in national networks of their areas (and a few extra national networks)
    for _forum, area in forums:
        add(
            "memberships",
            id=f"{fou}-i-skr-natverk-{area}",
            member=fou,
            organisation=shared["by_area"][area],
            role="deltagare",
        )
    if shared["extra"]:
        for net in rng.sample(shared["extra"], min(len(shared["extra"]), b.count(0.5))):
            member = rng.choice(providers)
            add(
                "memberships",
                id=f"{member}-i-{net}",
                member=member,
                organisation=net,
                role=rng.choice(["medlem", "deltagare"]),
            )
    partners = [f"fou-{o.slug}" for o in others if o.code != c.code]
    for i in range(b.count(PER_COUNTY["relations"])):
        if rng.random() < 0.5 and partners:
            add(
                "relations",
                id=f"{fou}-samverkar-med-{i + 1}",
                subject=fou,
                relation="samverkar-med",
                object=rng.choice(partners),
                description_sv="Samverkan mellan FoU-enheter i olika län.",
            )
        else:
            add(
                "relations",
                id=f"stod-{i + 1}",
                subject=rng.choice(providers),
                relation="stottar",
                object=rng.choice(regional),
            )
    for i in range(b.count(PER_COUNTY["offers"])):
        areas = _areas(rng, names)
        kind = rng.choice(names.support)
        places = ";".join(sorted(rng.sample(codes, min(len(codes), rng.randint(1, 4))))) if rng.random() < 0.3 else ""
        add(
            "offers",
            id=f"stod-{kind}-{i + 1}",
            actor=rng.choice(providers),
            kind=kind,
            areas=";".join(areas),
            places=places,
            description_sv=f"{names.support_sv[kind]} inom {names.area_sv[areas[0]].lower()}.",
        )
    for i in range(b.count(PER_COUNTY["needs"])):
        areas = _areas(rng, names, 1, 2)
        kind = rng.choice(names.support)
        reporter = rng.random()
        text = rng.choice(NEED_TEXTS).format(k=names.support_sv[kind].lower(), a=names.area_sv[areas[0]].lower())
        add(
            "needs",
            id=f"behov-{areas[0]}-{i + 1}",
            description_sv=text,
            areas=";".join(areas),
            kind=kind,
            reported_by=rng.choice(codes) if reporter < 0.5 else (chefs if reporter < 0.8 else ""),
            places=rng.choice(codes) if reporter >= 0.8 else "",
            inventoried_by=fou,
            status=rng.choice(names.status),
            year=str(rng.choice(YEARS)),
        )
    for i in range(b.count(PER_COUNTY["activities"])):
        kind = rng.choice(names.activity)
        forum, area = rng.choice(forums) if forums else (chefs, "socialtjanst")
        add(
            "activities",
            id=f"{kind}-{c.slug}-{i + 1}",
            name_sv=ACTIVITY_TEXTS[i % len(ACTIVITY_TEXTS)].format(
                k=names.activity_sv[kind], a=names.area_sv[area].lower()
            ),
            kind=kind,
            organisers=rng.choice(providers),
            participants=";".join(sorted(rng.sample(codes, min(len(codes), rng.randint(1, 5))))),
            areas=area,
            part_of=forum,
            when=_when(rng),
            status=rng.choice(names.status),
        )
    for i in range(b.count(PER_COUNTY["posts"])):
        area = rng.choice(names.areas)
        title = rng.choice(POST_TITLES)
        add(
            "posts",
            id=f"{slugify(title[0])}-{area}-{i + 1}",
            actor=rng.choice(providers),
            title_sv=f"{title[0]} {names.area_sv[area].lower()}",
            title_en=f"{title[1]}, {names.area_en[area].lower()}",
            areas=area,
            fte=f"{rng.choice([0.2, 0.25, 0.5, 0.75, 1]):g}",
            funding=rng.choice(["Inom FoU-finansieringen", "Statsbidrag", "Separat finansiering"]),
        )
    for i in range(b.count(PER_COUNTY["agreements"])):
        year = rng.choice(YEARS)
        add(
            "agreements",
            id=f"overenskommelse-{year}-{i + 1}",
            kind=rng.choice(["overenskommelse", "avtal", "beslut"]),
            parties=f"{c.region_id};{chefs}",
            recipient=rng.choice(providers),
            year=str(year),
            description_sv=f"Överenskommelse om regional samverkan och stöd {year}.",
        )
    return b


def generate(scale: float = 1.0, seed: int = 1) -> dict[str, dict[str, list[dict]]]:
    """The synthetic datasets: ``{dataset name: {table name: [row, …]}}``."""
    if scale <= 0:
        raise ValueError("scale must be positive")
    names = _Names()
    counties = _reference()
    national, shared = _national(scale, seed, names, counties)
    out = {NATIONAL: national.tables}
    for county in counties:
        out[county.dataset] = _county(county, scale, seed, names, shared, counties).tables
    return dict(sorted(out.items()))


def to_csv(table: str, rows: list[dict]) -> bytes:
    """One table as UTF-8 CSV with the schema's columns in order."""
    columns = [c.name for c in TABLE[table].columns]
    buf = io.StringIO(newline="")
    writer = csv.DictWriter(buf, columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: row.get(k, "") for k in columns})
    return buf.getvalue().encode("utf-8")


def write(out_dir, scale: float = 1.0, seed: int = 1) -> list[Path]:
    """Write the datasets as CSV folders under ``out_dir``; returns the folders (for ``build``)."""
    from graphmap.fileio import write_files_atomic

    out_dir = Path(out_dir)
    folders, payloads = [], {}
    for name, tables in generate(scale, seed).items():
        folder = out_dir / name
        for table, rows in tables.items():  # every table, also empty ones: no stale files from a bigger run
            payloads[folder / f"{table}.csv"] = to_csv(table, rows)
        folders.append(folder)
    write_files_atomic(payloads)  # all datasets or none
    return folders
