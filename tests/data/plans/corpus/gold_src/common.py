def t(c, l, s, d, r=None, dit=None, n=None, inf=(), ref=None, sub=None):
    """One task as written in the gold. ref: explicit label when the plan's own label is not
    section.number; sub: sub-assignment suffix ('a', 'b', 'x' ...)."""
    return dict(
        content=c,
        lead=list(l),
        support=list(s),
        deadline=d,
        result=r,
        deadline_in_text=dit,
        notes=n,
        inferred=list(inf),
        ref=ref,
        sub=sub,
    )
