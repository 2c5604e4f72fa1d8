#!/usr/bin/env python3
"""Adds or updates texts in a pair of resource files (French Xxx.resx, English Xxx.en.resx).

    scripts/texts.py Enoe.Widgets/Memos/MemosText Key "Texte français" "English text" [Key2 fr2 en2 ...]

Creates both files when missing. Placeholders are named, e.g. "{count} mémos" / "{count} memos":
the build turns each file into a typed class (MemosText.Key, MemosText.FormatKey(count)).
"""
import os
import sys
import xml.etree.ElementTree as ET

HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype">
    <value>text/microsoft-resx</value>
  </resheader>
  <resheader name="version">
    <value>2.0</value>
  </resheader>
  <resheader name="reader">
    <value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value>
  </resheader>
  <resheader name="writer">
    <value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value>
  </resheader>
</root>
"""


def load(path):
    if not os.path.exists(path):
        with open(path, "w", encoding="utf-8") as f:
            f.write(HEADER)
    return ET.parse(path)


def put(tree, key, value):
    root = tree.getroot()
    for data in root.findall("data"):
        if data.get("name") == key:
            data.find("value").text = value
            return
    data = ET.SubElement(root, "data", {"name": key, "xml:space": "preserve"})
    ET.SubElement(data, "value").text = value


def save(tree, path):
    ET.indent(tree, space="  ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    with open(path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="utf-8"?>\n' + body + "\n")


def main(args):
    if len(args) < 4 or (len(args) - 1) % 3:
        sys.exit(__doc__)
    base = args[0][:-5] if args[0].endswith(".resx") else args[0]
    french, english = load(base + ".resx"), load(base + ".en.resx")
    for i in range(1, len(args), 3):
        key, fr, en = args[i:i + 3]
        if not key.isidentifier():
            sys.exit(f"not a C# identifier: {key}")
        put(french, key, fr)
        put(english, key, en)
    save(french, base + ".resx")
    save(english, base + ".en.resx")


if __name__ == "__main__":
    main(sys.argv[1:])
