import json, pathlib, sys
root = pathlib.Path(__file__).parent
for g in sorted((root / "gold").glob("*.json")):
    d = json.loads(g.read_text())
    art = (root / "articles" / d["doc"]).read_text()
    names = {e["name"] for e in d["entities"] + d.get("optional_entities", [])}
    bad = []
    for k in ("criticisms", "claims"):
        for r in d[k]:
            if r["evidence"] not in art:
                bad.append(f"{k} evidence missing: {r['evidence'][:60]}")
    for c in d["criticisms"]:
        if c.get("critic_kind") != "group" and c["critic"] not in names:
            bad.append("critic not entity: " + c["critic"])
        for t in c["target"]:
            if t not in names:
                bad.append("target not entity: " + t)
    for c in d["claims"]:
        if c.get("claimant_kind") != "group" and c["claimant"] not in names:
            bad.append("claimant not entity: " + c["claimant"])
        for t in c["about"]:
            if t not in names:
                bad.append("about not entity: " + t)
    for r in d["roles"]:
        if r["person"] not in names or r["org"] not in names:
            bad.append(f"role entity missing {r}")
    for r in d["products"]:
        if r["product"] not in names or r["developer"] not in names:
            bad.append(f"product entity missing {r}")
    for f in d["funding"]:
        if f["org"] not in names or any(i not in names for i in f["investors"]):
            bad.append(f"funding entity missing {f}")
    for e in d["entities"] + d.get("optional_entities", []):
        for n in [e["name"]] + e["aliases"]:
            if n not in art:
                bad.append("entity surface not in text: " + n)
    meta = json.loads((root / "articles" / (g.stem + ".meta.json")).read_text())
    if meta["url"] != d["source_url"]:
        bad.append("url mismatch")
    print(g.name, len(art.split()), "words", len(d["criticisms"]), "crit", len(d["claims"]), "claims", "OK" if not bad else bad)
