"""A speaker named after the verb: '“…,” said Jane Doe of the University of Oxford' (her, and where
she works, as appositions.affiliated gives it before a verb), '…, said Scientizzle, the administrator'.
A name inside the clause said is no speaker ('…, said the order came from Hegseth', '…, said the
hackers were Russian').
"""

from __future__ import annotations

import re
from dataclasses import replace

from annotator.core.pattern_cache import compile_re
from annotator.core.suggest import sources
from annotator.core.suggest.hit import Hit, NamedHit

_NAME_AS_OBJECT = compile_re(  # "said the order came from Hegseth", "said the hackers were Russian": a clause
    r"^(?:the\s+|a\s+|an\s+)?(?!(?:the|a|an)\s)[a-z][\w-]*\s+(?:[a-z][\w-]*\s+)*?(?:[a-z]{3,}ed(?!\s+[A-Z])|came|"
    r"went|was|were|is|are|had|has|gave|took|made|sent|got|began|comes|goes)\s")  # not "the ousted Prime Minister X"
_AFFILIATED_TAIL = compile_re(r"(?<=[a-z])\s+(?:of|at|from|with)\s+(?:the\s+)?"
                              r"(?P<org>[A-Z][\w'’.&-]*(?:\s+(?:of|for|and|the|on|[A-Z][\w'’.&-]*))*?)\.?$")


def said_after_hits(text: str, said_name: re.Pattern[str], named_hit: NamedHit) -> list[Hit]:
    """The speakers `said_name` (the inverted frame) finds after their verb, each as `named_hit` reads it."""
    out = []
    for match in said_name.finditer(text):
        subject, appos = match.group("subj"), match.group("appos")
        if _NAME_AS_OBJECT.search(subject):
            continue  # "…, said the order came from Hegseth": the name is in the clause said
        org = None if appos else _workplace(subject)
        hit = named_hit(subject[: org.start()] if org else subject, f"{appos}," if appos else None, match.group(0))
        if hit and org and hit.category == "on_record" and hit.source:  # "Bob Parker, Mayor of Christchurch",
            tail = org.group(0).strip().rstrip(".")  # "John Smith, Harvard University"
            hit = replace(hit, source=f"{hit.source} {tail}" if "," in hit.source
                          else f"{hit.source}, {org.group('org').rstrip('.')}")
        if hit:
            out.append(hit)
    return out


def _workplace(subject: str) -> re.Match[str] | None:
    """ "of the University of Oxford" closing "lead researcher Jane Doe of the University of Oxford"; none
    after a role ("Secretary General of the Andean Community Wagner": the title runs on)."""
    org = _AFFILIATED_TAIL.search(subject)
    before = subject[: org.start()].split()[-1:] if org else []
    return org if org and sources.ROLE_NOUNS.isdisjoint(w.lower().strip(".") for w in before) else None
