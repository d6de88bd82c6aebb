#!/usr/bin/env python3
"""Fails when a tr() string of the sources is not translated in the committed .ts files.

Runs lupdate on the source folders (the same ones qt_add_translations scans: every module
under core/ and widgets/, plus app/gui) into a temporary folder, then compares the message
set -- keyed by context, source text and disambiguation comment -- with each committed
translations/warroom_<lang>.ts:

  * a message of the sources that is missing from a .ts file        -> error (with file:line)
  * a message that is unfinished or has an empty translation          -> error
  * a numerus (%n) message that is not numerus in the .ts, or lacks
    one of the plural forms the language needs                         -> error
  * a translation whose placeholders (%1, %L2, %n, ...) differ from
    the source's, that loses a keyboard mnemonic (&File) or rewrites a
    file-dialog filter such as "(*.csv)"                               -> error
  * a message of the .ts that the sources no longer have              -> warning (stale)

Languages listed with --plural-only (English: the source language) only need their numerus
messages translated, like a `lupdate -pluralonly` file; their other messages may stay empty,
so Qt falls back to the source text.

The number of plural forms a language needs comes from lupdate itself (it writes that many
<numerusform> elements for a new file of that language), so no plural table is hard-coded.
Nothing here depends on a build tree; it reads the source tree only. Exit code 0 = complete.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

PLACEHOLDER = re.compile(r"%L?(?:n|\d{1,2})")
# QFileDialog only understands name filters with ASCII parentheses: "CSV (*.csv)".
FILE_FILTER = re.compile(r"\(\*\.[^()]*\)")
# A mnemonic: "&File", not "&&" (a literal ampersand).
MNEMONIC = re.compile(r"(?<!&)&(?!&)[^&\s]")


def parse_ts(path):
    """Returns {(context, source, comment): info} for every message in a .ts file.

    lupdate writes a location's file name relative to the .ts file's folder."""
    base = os.path.dirname(os.path.abspath(path))
    messages = {}
    root = ET.parse(path).getroot()
    language = root.get("language", "")
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            comment = message.findtext("comment") or ""
            translation = message.find("translation")
            forms = []
            kind = ""
            text = ""
            if translation is not None:
                kind = translation.get("type", "")
                forms = [f.text or "" for f in translation.findall("numerusform")]
                text = translation.text or "" if not forms else ""
            location = message.find("location")
            where = ""
            if location is not None:
                where = "%s:%s" % (os.path.normpath(os.path.join(base, location.get("filename", ""))),
                                   location.get("line", ""))
            messages[(name, source, comment)] = {
                "numerus": message.get("numerus") == "yes",
                "type": kind,
                "text": text,
                "forms": forms,
                "where": where,
            }
    return language, messages


def placeholders(text):
    # %L1 and %1 are the same argument; QString::arg() fills both.
    return sorted({p.replace("%L", "%") for p in PLACEHOLDER.findall(text)})


def form_problems(source, text):
    """What a finished translation breaks beyond placeholders: file filters, mnemonics."""
    problems = []
    for pattern in FILE_FILTER.findall(source):
        if pattern not in text:
            problems.append("file filter %s must stay as is (ASCII parentheses)" % pattern)
    if MNEMONIC.search(source) and not MNEMONIC.search(text):
        problems.append("keyboard mnemonic (&) lost")
    return problems


def describe(key):
    context, source, comment = key
    text = source.replace("\n", "\\n")
    if len(text) > 90:
        text = text[:87] + "..."
    extra = " (comment: %s)" % comment if comment else ""
    return '%s: "%s"%s' % (context, text, extra)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lupdate", required=True, help="path to Qt's lupdate")
    parser.add_argument("--root", required=True, help="project source root")
    parser.add_argument("--sources", nargs="+", default=["core", "widgets", "app/gui"],
                        help="folders (relative to --root) that lupdate scans")
    parser.add_argument("--ts", nargs="+", required=True,
                        help="committed .ts files (relative to --root or absolute)")
    parser.add_argument("--plural-only", nargs="*", default=[],
                        help="languages (e.g. en) that only need numerus messages")
    args = parser.parse_args()

    root = os.path.abspath(args.root)
    folders = [os.path.join(root, s) for s in args.sources]
    ts_files = [t if os.path.isabs(t) else os.path.join(root, t) for t in args.ts]
    for path in folders + ts_files:
        if not os.path.exists(path):
            print("check_translations: %s does not exist" % path, file=sys.stderr)
            return 2

    errors = 0
    with tempfile.TemporaryDirectory(prefix="warroom-i18n-") as tmp:
        # One fresh .ts per language, named like the committed one so that lupdate picks
        # the language (and so the plural forms) from the file name.
        scans = [os.path.join(tmp, os.path.basename(t)) for t in ts_files]
        command = [args.lupdate, "-silent", "-no-obsolete", "-locations", "absolute",
                   "-extensions", "cpp,h", "-I", root, *folders, "-ts", *scans]
        run = subprocess.run(command, cwd=tmp, capture_output=True, text=True)
        if run.returncode != 0:
            print("check_translations: lupdate failed (%d):\n%s%s"
                  % (run.returncode, run.stdout, run.stderr), file=sys.stderr)
            return 2

        for committed, scan in zip(ts_files, scans):
            _, wanted = parse_ts(scan)
            if not wanted:
                print("check_translations: lupdate found no tr() strings in %s; wrong --root?"
                      % ", ".join(args.sources), file=sys.stderr)
                return 2
            language, have = parse_ts(committed)
            name = os.path.relpath(committed, root)
            short = language.split("_")[0]
            plural_only = short in args.plural_only
            problems = []
            for key, want in sorted(wanted.items()):
                where = os.path.relpath(want["where"], root) if want["where"] else "?"
                got = have.get(key)
                if want["numerus"]:
                    needed = len(want["forms"])
                if got is None:
                    if want["numerus"] or not plural_only:
                        problems.append("%s: missing from %s: %s" % (where, name, describe(key)))
                    continue
                if not want["numerus"]:
                    if plural_only:
                        continue
                    if got["numerus"]:
                        problems.append("%s: %s: marked numerus but the source has no %%n: %s"
                                        % (where, name, describe(key)))
                    elif got["type"] in ("unfinished", "vanished", "obsolete") or not got["text"]:
                        problems.append("%s: %s: %s: %s" % (
                            where, name, got["type"] or "empty", describe(key)))
                    elif placeholders(got["text"]) != placeholders(key[1]):
                        problems.append("%s: %s: placeholders %s differ from the source's %s: %s"
                                        % (where, name, placeholders(got["text"]),
                                           placeholders(key[1]), describe(key)))
                    else:
                        for problem in form_problems(key[1], got["text"]):
                            problems.append("%s: %s: %s: %s" % (where, name, problem,
                                                                describe(key)))
                    continue
                if not got["numerus"]:
                    problems.append("%s: %s: not a numerus message (needs %d plural forms): %s"
                                    % (where, name, needed, describe(key)))
                    continue
                filled = [f for f in got["forms"] if f]
                if got["type"] in ("unfinished", "vanished", "obsolete"):
                    problems.append("%s: %s: %s: %s" % (where, name, got["type"], describe(key)))
                elif len(got["forms"]) != needed or len(filled) != needed:
                    problems.append("%s: %s: %d of %d plural forms filled: %s"
                                    % (where, name, len(filled), needed, describe(key)))
                else:
                    for form in got["forms"]:
                        # Where a language has several forms, one may drop %n ("one alert");
                        # no form may invent a placeholder.
                        extra = set(placeholders(form)) - set(placeholders(key[1]))
                        optional = {"%n"} if needed > 1 else set()
                        missing = set(placeholders(key[1])) - set(placeholders(form)) - optional
                        if extra or missing:
                            problems.append("%s: %s: plural form \"%s\" has placeholders %s, "
                                            "the source %s: %s"
                                            % (where, name, form, placeholders(form),
                                               placeholders(key[1]), describe(key)))
            stale = [k for k in have if k not in wanted]
            for key in sorted(stale):
                print("warning: %s: no longer in the sources (run the update_translations "
                      "target): %s" % (name, describe(key)))
            numerus = sum(1 for w in wanted.values() if w["numerus"])
            print("%s (%s): %d messages in the sources, %d numerus, %d problems, %d stale"
                  % (name, language, len(wanted), numerus, len(problems), len(stale)))
            for problem in problems:
                print("  " + problem)
            errors += len(problems)

    if errors:
        print("FAIL: %d translation problems. Run `cmake --build <build> --target "
              "update_translations`, then translate the messages above in Qt Linguist "
              "(or edit the .ts files) and mark them finished." % errors)
        return 1
    print("OK: every tr() string is translated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
