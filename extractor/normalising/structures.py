"""Values of titles, quotes and agreements as written; resolving.py fills in who is meant."""
from __future__ import annotations

from typing import Any

from ..matching import Mention
from . import Context

LEADING_ARTICLES = ("The ", "A ", "An ")


def normalise_title(mention: Mention, ctx: Context) -> dict[str, Any]:
    """Groups: title (required), name (optional), organisation (optional: given only where a
    rule names the organisation the title belongs to, "Gazprom chairman")."""
    value = {"title": mention.group("title"), "name": mention.group("name"), "person": None}
    if mention.group("organisation"):
        value["organisation"] = mention.group("organisation")
    return value


def normalise_quote(mention: Mention, ctx: Context) -> dict[str, Any] | None:
    """Groups: quote (with its marks), speaker, cue."""
    quoted = mention.group("quote")
    if not quoted or not inside_marks(quoted):
        return None
    speaker = mention.group_span("speaker")
    return {
        "quote": inside_marks(quoted),
        "speaker": None,
        "speaker_text": mention.group("speaker"),
        "speaker_start": speaker[0] if speaker else None,
        "speaker_end": speaker[1] if speaker else None,
        "cue": mention.group("cue"),
    }


def normalise_agreement(mention: Mention, ctx: Context) -> dict[str, Any]:
    """Groups: verb, negation, modality, principle ("in principle"), object, party (repeatable).

    Lexicons: agreement_verbs (surface -> lemma), modal_markers (surface -> modality), negators
    (surface -> status), agreement_status (lemma -> status), agreement_kinds (phrase -> kind).
    Parties, and the date and amount of the event, are the resolver's (resolving.py).
    """
    verb = mention.group("verb") or ""
    modality, negation = mention.group("modality"), mention.group("negation")
    lemma = str(ctx.lexicon("agreement_verbs").value(verb, verb.lower()))
    agreed = lower_article(mention.group("object"))
    if negation is not None:
        status = str(ctx.lexicon("negators").value(negation, "failed"))
    elif mention.group("principle") or (agreed and "in principle" in agreed):
        status = "in principle"
    elif modality is not None:
        status = "planned"
    else:
        status = str(ctx.lexicon("agreement_status").value(lemma, "agreed"))
    return {
        "verb": verb,
        "lemma": lemma,
        "parties": [],
        "object": agreed,
        "negated": negation is not None,
        "modality": str(ctx.lexicon("modal_markers").value(modality, modality.lower())) if modality else None,
        "status": status,
        "kind": agreement_kind(agreed, ctx.lexicon("agreement_kinds")) if agreed else None,
        "date": None, "date_start": None, "date_end": None, "date_text": None,
        "amount": None, "amount_start": None, "amount_end": None, "amount_text": None,
    }


def agreement_kind(agreed: str, kinds: Any) -> str | None:
    """The kind the object names: of the phrase of `kinds` that starts first in it, the longest
    ("a trade deal with Chile": trade deal)."""
    words = agreed.replace(",", " ").split()
    for i in range(len(words)):
        for width in range(min(kinds.longest_words, len(words) - i), 0, -1):
            kind = kinds.value(" ".join(words[i:i + width]))
            if kind is not None:
                return str(kind)
    return None


def inside_marks(quoted: str) -> str:
    """The words inside quotation marks: '"Yes,"' and "''Yes,''" both give 'Yes,'."""
    for mark in ("''", '"', "“", "”"):
        if quoted.startswith(mark):
            quoted = quoted[len(mark):]
            break
    for mark in ("''", '"', "”", "“"):
        if quoted.endswith(mark):
            quoted = quoted[: -len(mark)]
            break
    return quoted.strip()


def lower_article(text: str | None) -> str | None:
    """'The roadmap' at a sentence start is 'the roadmap' anywhere else."""
    if text and text.startswith(LEADING_ARTICLES):
        return text[0].lower() + text[1:]
    return text
