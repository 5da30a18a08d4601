"""Reading a tagged PDF as assistive technology does, with pypdf: which text the structure
tree owns (read aloud), which is marked as an artifact (skipped), and which is neither
(marked content outside the tree, or not marked at all: a fault).

`read_tags(pdf)` splits every page's text three ways by filtering the page's content
stream (text and XObjects drawn inside an `/Artifact` sequence, inside a sequence whose
MCID a structure element claims, or elsewhere) and extracting the text of each part.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from pypdf import PdfReader
from pypdf.generic import (
    ArrayObject,
    ContentStream,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
)

# Operators that put something on the page: text and XObjects (pictures, forms).
PAINTING = {b"Tj", b"TJ", b"'", b'"', b"Do"}
CONTENT, ARTIFACT, UNOWNED = "content", "artifact", "unowned"


@dataclass
class Tags:
    tree: bool  # the document has a structure tree and says it is marked
    pages: list[dict[str, str]]  # per page: CONTENT / ARTIFACT / UNOWNED → its text
    header_cells: list[DictionaryObject] = field(default_factory=list)  # every TH element
    headings: list[str] = field(default_factory=list)  # H1 to H6 structure types in order
    figures: list[DictionaryObject] = field(default_factory=list)  # every Figure element

    def text(self, kind: str) -> str:
        return "\n".join(page[kind] for page in self.pages)

    def figures_without_alt(self) -> int:
        """Figures a screen reader would announce with nothing to say."""
        return sum(1 for figure in self.figures if not figure.get("/Alt"))

    def unscoped_header_cells(self) -> int:
        return sum(1 for cell in self.header_cells if "/Scope" not in _attributes(cell))


def _attributes(element: DictionaryObject) -> dict:
    found: dict = {}
    owners = element.get("/A")
    if owners is None:
        return found
    owners = owners.get_object()
    for owner in owners if isinstance(owners, ArrayObject) else [owners]:
        owner = owner.get_object()
        if isinstance(owner, DictionaryObject):
            found.update(owner)
    return found


def _walk_tree(root: DictionaryObject, tags: Tags) -> set[tuple[int, int]]:
    """(page object number, MCID) of every marked-content sequence the tree owns."""
    owned: set[tuple[int, int]] = set()
    stack: list[tuple[object, int | None]] = [(root.get("/K"), None)]
    seen: set[int] = set()
    while stack:
        node, page = stack.pop()
        if node is None:
            continue
        reference = getattr(node, "idnum", None)
        if reference is not None:
            if reference in seen:
                continue
            seen.add(reference)
        node = node.get_object()
        if isinstance(node, ArrayObject):
            stack.extend((kid, page) for kid in reversed(node))
        elif isinstance(node, int):
            if page is not None:
                owned.add((page, int(node)))
        elif isinstance(node, DictionaryObject):
            if "/Pg" in node:
                page = node.raw_get("/Pg").idnum
            kind = node.get("/Type")
            if kind == "/MCR":
                owned.add((page, int(node["/MCID"])))
            elif kind != "/OBJR":
                structure = node.get("/S")
                if structure == "/TH":
                    tags.header_cells.append(node)
                elif structure == "/Figure":
                    tags.figures.append(node)
                elif structure in ("/H1", "/H2", "/H3", "/H4", "/H5", "/H6"):
                    tags.headings.append(str(structure))
                stack.append((node.get("/K"), page))
    return owned


def _kinds(operations: list, page: int, owned: set[tuple[int, int]]) -> list[str | None]:
    """For each operation, which part it paints into (None for operations that paint
    nothing)."""
    stack: list[str] = []
    kinds: list[str | None] = []
    for operands, operator in operations:
        if operator in (b"BMC", b"BDC"):
            if operands[0] == "/Artifact":
                stack.append(ARTIFACT)
            elif operator == b"BDC" and isinstance(operands[1], DictionaryObject):
                mcid = operands[1].get("/MCID")
                if mcid is None:
                    stack.append(stack[-1] if stack else UNOWNED)
                else:
                    stack.append(CONTENT if (page, int(mcid)) in owned else UNOWNED)
            else:
                stack.append(stack[-1] if stack else UNOWNED)
        elif operator == b"EMC" and stack:
            stack.pop()
        if operator in PAINTING:
            kinds.append(ARTIFACT if ARTIFACT in stack else (stack[-1] if stack else UNOWNED))
        else:
            kinds.append(None)
    return kinds


def read_tags(pdf: bytes) -> Tags:
    reader = PdfReader(io.BytesIO(pdf))
    catalog = reader.trailer["/Root"]
    marked = bool(catalog.get("/MarkInfo", {}).get("/Marked"))
    tags = Tags(tree=marked and "/StructTreeRoot" in catalog, pages=[])
    owned = _walk_tree(catalog["/StructTreeRoot"], tags) if tags.tree else set()
    plans = []
    for page in reader.pages:
        operations = ContentStream(page.get_contents(), reader).operations
        plans.append((operations, _kinds(operations, page.indirect_reference.idnum, owned)))
    parts: dict[str, list[str]] = {}
    for kind in (CONTENT, ARTIFACT, UNOWNED):
        # A fresh copy of the document for each part, since the pages are rewritten.
        copy = PdfReader(io.BytesIO(pdf))
        parts[kind] = []
        for page, (operations, kinds) in zip(copy.pages, plans, strict=True):
            stream = ContentStream(None, copy)
            stream.operations = [
                op for op, k in zip(operations, kinds, strict=True) if k in (None, kind)
            ]
            # Written out and read back, as a viewer would read it.
            rewritten = DecodedStreamObject()
            rewritten.set_data(stream.get_data())
            page[NameObject("/Contents")] = rewritten
            parts[kind].append(page.extract_text())
    tags.pages = [{kind: parts[kind][i] for kind in parts} for i in range(len(reader.pages))]
    return tags
