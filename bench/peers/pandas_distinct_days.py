# pandas peer: distinct purchase days per customer, as a pandas user writes it (default types).
# Usage: /usr/bin/python3 pandas_distinct_days.py FILE utf8|1251
import json
import sys

import pandas as pd

path, kind = sys.argv[1], sys.argv[2]
if kind == "1251":
    df = pd.read_csv(path, sep=";", encoding="cp1251")
    days = df.groupby("Клиент")["Дата"].nunique()
else:
    df = pd.read_csv(path)
    days = df.groupby("customer")["date"].nunique()
print(json.dumps({"customers": int(len(days)), "returned": int((days >= 2).sum())}))
