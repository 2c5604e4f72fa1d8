#!/usr/bin/env python3
"""Rewraps C# comment lines (// and ///) longer than the line limit, which CSharpier leaves as they are.

Usage: scripts/wrap-comments.py [--width 120] [--check] [FILE_OR_FOLDER ...]   (default: the repository)

Only whole-line comments are rewrapped, and a comment at the end of a code line over the limit moves onto
its own line above it: code is never changed, nor lines inside string literals (verbatim and raw strings
spanning lines are followed), nor generated migrations. A paragraph of consecutive comment lines with the
same indentation and marker is refilled word by word; a one-line <summary> that is too long becomes the
three-line form. XML tags, URLs and other unbreakable words are never split (a word longer than the line
stays alone on its line). Lists, <code> blocks and XML block tags (<summary>, <param>, <remarks>…) start a
new paragraph, so the structure stays. A line indented past the marker's one space (`//   bench/run.sh 30`)
is preformatted, a command or an example: never joined nor rewrapped. Run it after CSharpier, which
indents some comments deeper.
--check changes nothing and exits 1 when some comment line is over the limit.
"""
import argparse
import pathlib
import re
import sys

SKIP_PARTS = {"bin", "obj", "Migrations", "node_modules", ".git"}
# A doc line that starts one of these begins its own paragraph (and a line ending one closes it).
BLOCK_TAG = re.compile(r"^</?(summary|remarks|param|typeparam|returns|value|exception|example|para|list|item|"
                       r"listheader|term|description|code|inheritdoc|seealso|include)\b")
LIST_ITEM = re.compile(r"^([-*•]|\d+[.)])\s")
COMMENT = re.compile(r"^(\s*)(///?)( ?)(.*)$")
WORD = re.compile(r"<[^>]*>\S*|\S+")


def code_lines(text):
    """Yields (line, is_code) where is_code is False for lines that start inside a multi-line string
    literal or block comment: those are left alone."""
    for line, is_code, _ in code_lines_with_comments(text):
        yield line, is_code


def code_lines_with_comments(text):
    """Like code_lines, with the index where a // comment starts on the line (None when there is none)."""
    state, raw_quotes = None, 0
    for line in text.split("\n"):
        starts_inside = state is not None
        i, n, comment_at = 0, len(line), None
        while i < n:
            c = line[i]
            if state == "block":
                if line.startswith("*/", i):
                    state, i = None, i + 2
                    continue
                i += 1
            elif state == "verbatim":
                if c == '"':
                    if line.startswith('""', i):
                        i += 2
                        continue
                    state = None
                i += 1
            elif state == "raw":
                if line.startswith('"' * raw_quotes, i):
                    state, i = None, i + raw_quotes
                    continue
                i += 1
            elif line.startswith("//", i):
                comment_at = i
                break
            elif line.startswith("/*", i):
                state, i = "block", i + 2
            elif c == '"':
                quotes = len(line[i:]) - len(line[i:].lstrip('"'))
                if quotes >= 3:
                    raw_quotes, state, i = quotes, "raw", i + quotes
                    continue
                verbatim = i > 0 and line[i - 1] == "@" or i > 1 and line[i - 2:i] in ("@$", "$@")
                if verbatim:
                    state, i = "verbatim", i + 1
                    continue
                i += 1  # a regular string ends on its line
                while i < n and line[i] != '"':
                    i += 2 if line[i] == "\\" else 1
                i += 1
            elif c == "'":
                i += 1
                while i < n and line[i] != "'":
                    i += 2 if line[i] == "\\" else 1
                i += 1
            else:
                i += 1
        yield line, not starts_inside, comment_at


def preformatted(body):
    """Indented by more than the one space after the marker: a command or an example, kept as written."""
    return body[:1].isspace()


def starts_block(text, marker):
    return bool(LIST_ITEM.match(text) or (marker == "///" and BLOCK_TAG.match(text)))


def ends_block(text, marker):
    if marker == "///" and re.fullmatch(r"</?\w+[^>]*>", text.strip()):
        return True  # a tag alone on its line (<summary>, </remarks>) stays alone
    return marker == "///" and bool(re.search(r"</(summary|remarks|param|typeparam|returns|value|exception|"
                                              r"para|item|description|term)>$", text))


def fill(prefix, words, width):
    """Greedy fill: as many words on each line as fit (a word never split)."""
    lines, current = [], []
    for word in words:
        if current and len(prefix + " ".join(current + [word])) > width:
            lines.append(prefix + " ".join(current))
            current = []
        current.append(word)
    lines.append(prefix + " ".join(current))
    return lines


def lift_trailing_comments(text, width):
    """A code line over the limit because of its trailing comment: the comment goes on its own line above it."""
    out = []
    for line, is_code, at in code_lines_with_comments(text):
        code = line[:at].rstrip() if at else ""
        if is_code and at and code.strip() and len(line) > width and not line[at:].startswith("///"):
            indent = line[: len(line) - len(line.lstrip())]
            comment = line[at:].lstrip("/").strip()
            comment = comment[:1].upper() + comment[1:]
            out.extend(fill(indent + "// ", WORD.findall(comment), width))
            out.append(code)
        else:
            out.append(line)
    return "\n".join(out)


def rewrap(text, width):
    text = lift_trailing_comments(text, width)
    lines = list(code_lines(text))
    out, i, in_code_block = [], 0, False
    while i < len(lines):
        line, is_code = lines[i]
        m = COMMENT.match(line) if is_code else None
        if not m or line.lstrip().startswith("////"):
            out.append(line)
            i += 1
            continue
        indent, marker, space, body = m.groups()
        if "<code>" in body:
            in_code_block = True
        if in_code_block or preformatted(body) or "://" in body and len(body.split()) == 1:
            in_code_block = in_code_block and "</code>" not in body
            out.append(line)
            i += 1
            continue
        # the paragraph: this line and its plain continuations
        para = [body]
        j = i + 1
        while j < len(lines) and not ends_block(para[-1], marker):
            nxt, nxt_code = lines[j]
            mm = COMMENT.match(nxt) if nxt_code else None
            if not mm or mm.group(1) != indent or mm.group(2) != marker or not mm.group(4).strip():
                break
            if starts_block(mm.group(4), marker) or "<code>" in mm.group(4) or preformatted(mm.group(4)):
                break
            para.append(mm.group(4))
            j += 1
        originals = [l for l, _ in lines[i:j]]
        if all(len(l) <= width for l in originals):
            out.extend(originals)
            i = j
            continue
        prefix = indent + marker + " "
        one_line_summary = re.match(r"^<summary>(.*)</summary>$", para[0].strip())
        if marker == "///" and len(para) == 1 and one_line_summary:
            out.append(prefix + "<summary>")
            out.extend(fill(prefix, WORD.findall(one_line_summary.group(1)), width))
            out.append(prefix + "</summary>")
        else:
            out.extend(fill(prefix, WORD.findall(" ".join(p.strip() for p in para)), width))
        i = j
    return "\n".join(out)


def files(paths):
    for path in paths:
        p = pathlib.Path(path)
        candidates = [p] if p.is_file() else p.rglob("*.cs")
        for f in candidates:
            if f.suffix == ".cs" and not SKIP_PARTS.intersection(f.parts):
                yield f


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=[str(pathlib.Path(__file__).resolve().parent.parent)])
    parser.add_argument("--width", type=int, default=120)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    changed, long_left = 0, 0
    for f in files(args.paths):
        text = f.read_text(encoding="utf-8")
        wrapped = rewrap(text, args.width)
        for number, (line, is_code) in enumerate(code_lines(text if args.check else wrapped), 1):
            m = COMMENT.match(line) if is_code else None
            if m and len(line) > args.width:
                long_left += 1
                if args.check:
                    print(f"{f}:{number}: comment line of {len(line)} characters")
        if wrapped != text and not args.check:
            f.write_text(wrapped, encoding="utf-8")
            changed += 1
    if args.check:
        sys.exit(1 if long_left else 0)
    print(f"{changed} file(s) rewrapped; {long_left} comment line(s) still over {args.width} "
          "(unbreakable words, preformatted lines)")


if __name__ == "__main__":
    main()
