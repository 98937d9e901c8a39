#!/usr/bin/env python3
# Regenerates crates/demo/tests/integration/search_relevance.toml, the expected lists of
# the search relevance tests. Not run at test time: the TOML it writes is
# committed and reviewed. It reads the demo offer list printed by
#   cargo test -p sportello-demo --test search_relevance -- --ignored --nocapture > offers.txt
#   python3 scripts/search_relevance_cases.py offers.txt crates/demo/tests/integration/search_relevance.toml
# The queries below are chosen by hand; the expected offers by one rule a
# reader can check against that list, never from the engine's answers:
#   take the open offers of the query's ISCO-08 occupation (for a `foreign`
#   case only those with no public text in the query's language; for a
#   `native` case -- missing accents, typos, word forms in en/fr/de -- only
#   those with one, since these cases check how the offer's own words are
#   matched); if the whole board has at most MAX_EXPECTED open offers of the
#   occupation, expect them all on the whole board; otherwise narrow the
#   search to the centre of the first one (in the order listed) and expect
#   the first MAX_EXPECTED of that centre.
import sys
offers = []
for line in open(sys.argv[1]):
    if not line.startswith("OFFER\t"):
        continue
    _, ref, occ, slug, open_, langs, titles = line.rstrip("\n").split("\t")
    offers.append(dict(ref=ref, occ=occ, slug=slug, open=open_ == "true", langs=langs.split(","), titles=titles))

M = []  # (q, lang, occupation, foreign, native, why)
def m(q, lang, occ, foreign=False, native=False, why=""):
    M.append((q, lang, occ, foreign, native, why))

# Italian: singular/plural/feminine forms
for q, occ in [("cameriere", "5131"), ("camerieri", "5131"), ("cameriera", "5131"), ("cuoco", "5120"),
               ("cuochi", "5120"), ("cuoca", "5120"), ("infermiere", "2221"), ("infermieri", "2221"),
               ("infermiera", "2221"), ("muratore", "7112"), ("muratori", "7112"), ("elettricista", "7411"),
               ("elettricisti", "7411"), ("idraulico", "7126"), ("idraulici", "7126"), ("badante", "5322"),
               ("magazziniere", "9333"), ("magazzinieri", "9333"), ("parrucchiera", "5141"),
               ("parrucchieri", "5141"), ("pasticciere", "7512"), ("macellaio", "7511"), ("saldatore", "7212"),
               ("saldatrice", "7212"), ("bagnino", "5419"), ("estetista", "5142"), ("falegname", "7115"),
               ("sarta", "7531"), ("giardiniere", "6113"), ("trattorista", "8341"), ("bracciante", "9211"),
               ("cassiera", "5230"), ("autista di autobus", "8331"), ("scalpellino", "7113")]:
    m(q, "it", occ, why="Italian word form")
# Missing accents and folded letters
for q, lang, occ in [("maraicher", "fr", "6111"), ("electricien", "fr", "7411"), ("macon", "fr", "7112"),
                     ("patissier", "fr", "7512"), ("schweisser", "de", "7212"), ("gartner", "de", "6113"),
                     ("kassiererin", "de", "5230"), ("koche", "de", "5120")]:
    m(q, lang, occ, native=True, why="missing accents")
# Typos (one edit, words of five letters or more)
for q, occ in [("camerire", "5131"), ("elettricsta", "7411"), ("idraulcio", "7126"), ("infermeire", "2221"),
               ("muratroe", "7112"), ("parrucchere", "5141"), ("pasticcere", "7512"), ("waitre", "5131"),
               ("electrican", "7411")]:
    m(q, "it" if q not in ("waitre", "electrican") else "en", occ, native=True, why="typo")
# Occupation names across languages, aimed at offers with no text in that language
for q, lang, occ in [("waiter", "en", "5131"), ("waiters", "en", "5131"), ("cook", "en", "5120"),
                     ("nurse", "en", "2221"), ("bricklayer", "en", "7112"), ("electrician", "en", "7411"),
                     ("plumber", "en", "7126"), ("welder", "en", "7212"), ("butcher", "en", "7511"),
                     ("lifeguard", "en", "5419"), ("hairdresser", "en", "5141"), ("bus driver", "en", "8331"),
                     ("forklift", "en", "8344"),
                     ("serveur", "fr", "5131"), ("serveuse", "fr", "5131"), ("cuisinier", "fr", "5120"),
                     ("infirmière", "fr", "2221"), ("plombier", "fr", "7126"), ("soudeur", "fr", "7212"),
                     ("coiffeuse", "fr", "5141"), ("boucher", "fr", "7511"),
                     ("Kellner", "de", "5131"), ("Kellnerin", "de", "5131"), ("Koch", "de", "5120"),
                     ("Köchin", "de", "5120"), ("Maurer", "de", "7112"), ("Elektriker", "de", "7411"),
                     ("Friseurin", "de", "5141"), ("Busfahrer", "de", "8331"), ("Rettungsschwimmer", "de", "5419")]:
    m(q, lang, occ, foreign=True, why="occupation name in another language, offer without text in it")
# Verb and adjective forms, plurals in en/fr/de: the words of the offer's own
# text in that language, typed in another form
for q, lang, occ in [("pulire camere", "it", "9112"), ("preparare piatti di pesce", "it", "5120"),
                     ("servire ai tavoli", "it", "5131"), ("somministrare terapie", "it", "2221"),
                     ("operai agricoli specializzati", "it", "6111"), ("animatrice turistica", "it", "3423"),
                     ("cleaning rooms", "en", "9112"), ("preparing fish dishes", "en", "5120"),
                     ("serving tables", "en", "5131"), ("restocking shelves", "en", "9334"),
                     ("software developers", "en", "2512"), ("receptionists", "en", "4224"),
                     ("bookkeepers", "en", "3313"),
                     ("nettoyer les chambres", "fr", "9112"), ("préparer des plats de poisson", "fr", "5120"),
                     ("accueillir les clients", "fr", "5131"), ("comptables", "fr", "3313"),
                     ("développeurs", "fr", "2512"), ("réceptionnistes", "fr", "4224"),
                     ("öffentliche Verwaltung", "de", "2512"), ("agiles Team", "de", "2512"),
                     ("Hotelrezeptionistinnen", "de", "4224"), ("Finanzbuchhalterin", "de", "3313"),
                     ("Küchenchefin", "de", "3434")]:
    m(q, lang, occ, native=True, why="verb, adjective or plural form")
# Typos in fr/de
for q, lang, occ in [("plombeir", "fr", "7126"), ("comptalbe", "fr", "3313"), ("Kelner", "de", "5131"),
                     ("Softwareentwikler", "de", "2512")]:
    m(q, lang, occ, native=True, why="typo")
# Phrases
for q, lang, occ in [('"cameriere di sala"', "it", "5131"), ('"aiuto cuoco"', "it", "9412"),
                     ('"bus driver"', "en", "8331"), ('"patente CE"', "it", "8332")]:
    m(q, lang, occ, why="phrase")
for q, lang, occ in [('"head chef"', "en", "3434"), ('"chef de cuisine"', "fr", "3434"),
                     ('"öffentlicher Verwaltung"', "de", "2512"), ('"software developer"', "en", "2512")]:
    m(q, lang, occ, native=True, why="phrase")

R = [("cuoco", ["83", "71", "72", "93"]), ("autista", ["512", "513", "222", "71"]),
     ("cameriere", ["83", "71", "72", "74"]), ("infermiere", ["83", "71", "512", "513"]),
     ("muratore", ["51", "22", "83"]), ("idraulico", ["51", "22", "83"]), ("elettricista", ["51", "22", "83"]), ("waiter", ["83", "71", "72"]),
     ("nurse", ["83", "71", "51"]), ("driver", ["51", "22", "71"]), ("Kellner", ["83", "71"]),
     ("Koch", ["83", "71", "72"]), ("serveur", ["83", "71"]), ("plombier", ["51", "22", "83"]),
     ("bagnino", ["83", "71", "72"]), ("parrucchiere", ["83", "71", "512", "513"]),
     ("badante", ["83", "71", "72"]), ("pasticciere", ["83", "71"]),
     ('"forklift operator"', ["8322", "8332", "8341", "51"]), ("trattorista", ["51", "22"]),
     ("estetista", ["83", "71", "72"]), ("Gabelstaplerfahrer", ["8322", "8332", "8341", "51"]),
     ("coiffeuse", ["83", "71", "72"])]

def esc(s):
    return s.replace("\\", "\\\\").replace('"', '\\"')

out = ["# Relevance cases of the search engine over the demo data (see search_relevance.rs).",
       "# Each [[match]] lists offers that must be in the first ten results (a centre narrows the",
       "# board when the demo has many offers of the kind); each [[reject]] lists ISCO-08 prefixes",
       "# no result may have.", ""]
MAX_EXPECTED = 5
missing = []
for q, lang, occ, foreign, native, why in M:
    cands = [o for o in offers if o["open"] and o["occ"] == occ and (not foreign or lang not in o["langs"])
             and (not native or lang in o["langs"])]
    if not cands:
        missing.append((q, occ, foreign))
        continue
    centre = None
    if sum(1 for o in offers if o["open"] and o["occ"] == occ) > MAX_EXPECTED:
        centre = cands[0]["slug"]
        cands = [o for o in cands if o["slug"] == centre]
    expect = ", ".join(f'"{o["ref"]}"' for o in cands[:MAX_EXPECTED])
    out += ["[[match]]", f'q = "{esc(q)}"', f'lang = "{lang}"', f'why = "{why}"', f"expect = [{expect}]"]
    if foreign:
        out.append("foreign = true")
    if native:
        out.append("native = true")
    if centre:
        out.append(f'centre = "{centre}"')
    out.append("")
# reference codes: three open offers, exact and lower-case
opened = [o for o in offers if o["open"]]
for o in (opened[0], opened[57], opened[200]):
    out += ["[[match]]", f'q = "{o["ref"]}"', 'lang = "it"', 'why = "reference code"', f'expect = ["{o["ref"]}"]', ""]
out += ["[[match]]", f'q = "{opened[3]["ref"].lower()}"', 'lang = "en"', 'why = "reference code, lower case"',
        f'expect = ["{opened[3]["ref"]}"]', ""]
EN = {"waiter", "nurse", "driver", '"forklift operator"'}
FR = {"serveur", "plombier", "coiffeuse"}
DE = {"Kellner", "Koch", "Gabelstaplerfahrer"}
for q, prefixes in R:
    lang = "en" if q in EN else "fr" if q in FR else "de" if q in DE else "it"
    out += ["[[reject]]", f'q = "{esc(q)}"', f'lang = "{lang}"', "occupations = [" + ", ".join(f'"{p}"' for p in prefixes) + "]", ""]
open(sys.argv[2], "w").write("\n".join(out))
print("match", sum(1 for l in out if l == "[[match]]"), "reject", len(R), "missing", missing, file=sys.stderr)
