#!/usr/bin/python3
"""Reads a workbook back with openpyxl (an independent reader) and prints what a test
needs to check as JSON: sheets, headers, rows, cell types, links, freeze panes, filters."""
import json
import sys

import openpyxl

book = openpyxl.load_workbook(sys.argv[1])
out = {"sheets": []}
for ws in book.worksheets:
    rows = list(ws.iter_rows())
    sheet = {
        "name": ws.title,
        "headers": [c.value for c in rows[0]] if rows else [],
        "rows": len(rows) - 1,
        "freeze": ws.freeze_panes,
        "autofilter": ws.auto_filter.ref,
        "cells": [],
    }
    for row in rows[1:]:
        sheet["cells"].append([
            {
                "v": c.value.isoformat() if hasattr(c.value, "isoformat") else c.value,
                "t": c.data_type,
                "date": c.is_date,
                "link": c.hyperlink.target if c.hyperlink is not None else None,
            }
            for c in row
        ])
    out["sheets"].append(sheet)
json.dump(out, sys.stdout, ensure_ascii=False)
