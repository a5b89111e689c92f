"""Writes N synthetic spoor-dossier/1 files for employer WG-1 into OUT.

usage: python3 bench/gen_cases.py OUT N

First sick days spread over 700 days from 2025-01-06, each with a
probleemanalyse after 40 days and a plan van aanpak after 55, so the
cases are at every stage of the 104 weeks. Used by bench/api.sh and the
browser tests' dashboard measurement.
"""
import datetime
import json
import os
import sys


def main():
    out, n = sys.argv[1], int(sys.argv[2])
    os.makedirs(out, exist_ok=True)
    base = datetime.date(2025, 1, 6)
    for i in range(n):
        d0 = base + datetime.timedelta(days=i % 700)
        doc = {
            "formaat": "spoor-dossier/1",
            "dossier_id": "B-%05d" % i,
            "werkgever": {"id": "WG-1", "naam": "Bakkerij de Korenschoof B.V.",
                          "eigenrisicodrager_wga": False},
            "werknemer": {"id": "BW-%05d" % i, "naam": "Werknemer %05d" % i},
            "dienstverband": {"begindatum": "2015-03-01", "einddatum": None,
                              "soort": "onbepaalde_tijd", "uren_per_week": 36,
                              "maandloon_cent": 300000},
            "vangnet": None,
            "verzuim": [{"datum": d0.isoformat(), "soort": "ziek", "percentage": 100}],
            "gebeurtenissen": [
                {"soort": "probleemanalyse",
                 "datum": (d0 + datetime.timedelta(days=40)).isoformat()},
                {"soort": "plan_van_aanpak",
                 "datum": (d0 + datetime.timedelta(days=55)).isoformat(),
                 "casemanager": "M. Bakker"},
            ],
        }
        with open(os.path.join(out, "%05d.json" % i), "w") as f:
            json.dump(doc, f)


if __name__ == "__main__":
    main()
