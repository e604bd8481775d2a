#!/usr/bin/env python3
"""Writes the text of a US bill (USLM-like bill DTD XML) as plain text, one block a line.

    xml_text.py BILL.xml OUT.txt

The peers diff plain text, so every tool in the benchmark gets this text
rather than the XML (whose markup and ids would swamp a word diff): the title,
then for each section, subsection, paragraph... its number and heading on one
line and its text on the next, blank lines between blocks.
"""
import re
import sys
import xml.etree.ElementTree as ET

# Elements that start a new block of text.
# A block's number (<enum>), heading and text make one line, except that a
# heading ends its line, as printed bills set "SEC. 2. HEADING" apart.
BLOCKS = {"section", "subsection", "paragraph", "subparagraph", "clause", "subclause",
          "item", "subitem", "quoted-block", "after-quoted-block", "official-title",
          "legis-type", "title"}


def walk(e, lines, buf, parent=None):
    block = e.tag in BLOCKS
    if block:
        flush(lines, buf)
    if e.tag == "enum" and parent == "section":
        buf.append("SEC. ")
    if e.text:
        buf.append(e.text)
    if e.tag == "enum":
        buf.append(" ")
    for child in e:
        walk(child, lines, buf, e.tag)
    if block or e.tag == "header":
        flush(lines, buf)
    if e.tail:
        buf.append(e.tail)


def flush(lines, buf):
    s = re.sub(r"\s+", " ", "".join(buf)).strip()
    if s:
        lines.append(s)
    buf.clear()


def main():
    root = ET.parse(sys.argv[1]).getroot()
    title = root.find(".//{http://purl.org/dc/elements/1.1/}title")
    lines = ["# " + (title.text or "").strip()] if title is not None else []
    for part in ("official-title", "legis-body"):
        for e in root.iter(part):
            buf = []
            walk(e, lines, buf)
            flush(lines, buf)
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        f.write("\n\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
