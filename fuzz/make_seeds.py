#!/usr/bin/python3
"""Writes the fuzzers' seed corpus into fuzz/seeds/TARGET/: small, valid inputs of each kind
(an establishment table, a staff list, the sample project) so the fuzzers start past the
container formats, and fuzz/project.dict. Run by hand when the seeds should change; needs
Debian's python3-xlwt for the .xls, and cargo for the sample project (made by wfr). The .xlsx
seed is tests/fixtures/establishment-2025.xlsx, which scripts/fuzz.sh adds."""

import os
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROWS = [
    ["Role", "Establishment", "Permanent", "Agency", "Vacant", "(Over)/under"],
    ["Team Manager", "8.00", "6.00", "2.00", "2.00", "0.00"],
    ["Social Worker", "38.50", "26.50", "13.00", "12.00", "(1.00)"],
    ["Total", "46.50", "32.50", "15.00", "14.00", "(1.00)"],
]
STAFF = [
    ["Employee ID", "Role", "Team", "FTE", "Contract type", "Start date", "Leaving date", "Age"],
    ["1", "Social Worker", "North", "1.0", "Permanent", "2021-04-01", "", "34"],
    ["2", "Team Manager", "South", "0.8", "Agency", "30/09/2024", "31/03/2025", "51"],
]


def write(target, name, data):
    folder = os.path.join(HERE, "seeds", target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


def delimited(rows, sep):
    return "".join(sep.join(r) + "\n" for r in rows)


def text_seeds():
    pasted = {
        "tabs.txt": delimited(ROWS, "\t"),
        "commas.csv": delimited([[f'"{c}"' if "," in c else c for c in r] for r in ROWS], ","),
        "semicolons.csv": delimited(ROWS, ";").replace(".", ","),
        "pdf.txt": "Table 2: Establishment at 31 March\n\n"
        "Role Establishment Permanent Agency Vacant (Over)/under establishment\n"
        "Assistant Team\nManager 9.00 4.00 1.00 4.00 (1.00)\n8.15 Social Worker 1,010.00 −2 – 3 n/a\n",
        "staff.csv": delimited(STAFF, ","),
    }
    for name, text in pasted.items():
        write("paste", name, text)
        write("file_text", name, text)
    write("file_text", "utf16.txt", b"\xff\xfe" + delimited(ROWS, "\t").encode("utf-16-le"))
    write("file_text", "cp1252.csv", "Role,Cost\nSocial Worker,£4137.80\n".encode("cp1252"))
    for i, cell in enumerate(["(3.00)", "£4,137.80", "−2", "30.0 %", "1,234.5", "c", "n/a", ".5"]):
        write("number", f"{i}.txt", cell)


def ods_seed():
    def cell(value):
        try:
            float(value)
            return f'<table:table-cell office:value-type="float" office:value="{value}"><text:p>{value}</text:p></table:table-cell>'
        except ValueError:
            return f'<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>'

    rows = "".join("<table:table-row>" + "".join(cell(c) for c in r) + "</table:table-row>" for r in ROWS)
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        "<office:body><office:spreadsheet>"
        f'<table:table table:name="Establishment">{rows}</table:table>'
        '<table:table table:name="Notes"><table:table-row><table:table-cell table:number-columns-repeated="3" '
        'office:value-type="string"><text:p>n</text:p></table:table-cell></table:table-row></table:table>'
        "</office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    path = os.path.join(HERE, "seeds", "file_ods", "establishment.ods")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with zipfile.ZipFile(path, "w") as z:
        # The mimetype comes first and stored, as ODF requires; stored parts let the fuzzer
        # change the XML itself rather than a deflate stream.
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        z.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_STORED)
        z.writestr("content.xml", content, zipfile.ZIP_STORED)


def xls_seed():
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("Establishment")
    sheet.write_merge(0, 0, 0, 5, "Establishment at 30 September 2025")
    for r, row in enumerate(ROWS):
        for c, value in enumerate(row):
            try:
                sheet.write(r + 2, c, float(value))
            except ValueError:
                sheet.write(r + 2, c, value)
    book.add_sheet("Notes").write(0, 0, "scratch")
    path = os.path.join(HERE, "seeds", "file_xls", "establishment.xls")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    book.save(path)


def sample_project_seeds():
    # The sample project as wfr saves it, compacted, and as a page for members carries it;
    # its keys make the project target's dictionary, so mutations keep to the shape.
    import json
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "sample.json")
        subprocess.run(
            ["cargo", "run", "-q", "--locked", "--bin", "wfr", "--", "render", "--sample", "--html",
             os.path.join(tmp, "sample.html"), "--project", path],
            cwd=os.path.dirname(HERE), check=True)
        with open(path) as f:
            project = json.load(f)
    compact = json.dumps(project, separators=(",", ":"), ensure_ascii=False)
    write("project", "sample.json", compact)
    # A project from before reports had sections, which opening brings up to date by writing
    # its first draft from the tables.
    old = json.loads(compact)
    old["schema_version"] = old["project"]["schema_version"] = 1
    old["project"]["document"]["sections"] = []
    write("project", "old.json", json.dumps(old, separators=(",", ":"), ensure_ascii=False))
    inert = compact.replace("<", "\\u003c")
    write("project", "page.html", '<!DOCTYPE html>\n<html><body><main></main><script type="application/json" '
          f'id="workforce-report-builder-project">{inert}</script></body></html>\n')
    keys, values = set(), set()

    def walk(value):
        if isinstance(value, dict):
            for key, inner in value.items():
                keys.add(key)
                walk(inner)
        elif isinstance(value, list):
            for inner in value:
                walk(inner)
        elif isinstance(value, str) and len(value) < 30 and value.isidentifier():
            values.add(value)

    walk(project)
    tokens = sorted(f'"{k}":' for k in keys) + sorted(f'"{v}"' for v in values)
    tokens += ["{", "}", "[", "]", ",", "null", "true", "false", "0", "-1", "1e999", '""', '"\\u0000"']
    with open(os.path.join(HERE, "project.dict"), "w") as f:
        f.write("# Written by make_seeds.py from the sample project's keys.\n")
        f.writelines(json.dumps(t) + "\n" for t in tokens)


text_seeds()
ods_seed()
xls_seed()
sample_project_seeds()
