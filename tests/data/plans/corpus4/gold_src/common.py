"""Helper for typing the gold by hand: a plan is a list of tasks added section by section.

Same field names as the seeds' gold (/work/shared/gold/README.md) and corpus3's gold.
"""


class Plan:
    def __init__(self, stem, ext, issuer, number):
        self.stem, self.ext, self.issuer, self.number = stem, ext, issuer, number
        self.tasks = []
        self.label = None
        self.section = None

    def S(self, label, title):
        """Open a section: its label as the document shows it ("I", "2") and its title."""
        self.label, self.section = label, title

    def T(self, num, content, result, lead, support, deadline, dit=None, notes=None, inf=(), ref=None):
        """One task.  ref = section label + "." + task label, unless given whole (ref=...)."""
        if ref is None:
            ref = f"{self.label}.{num}" if self.label else str(num)
        self.tasks.append(dict(
            ref=ref,
            section=self.section,
            content=content,
            result=result,
            lead=list(lead),
            support=list(support),
            deadline=deadline,
            deadline_in_text=dit,
            notes=notes,
            inferred=list(inf),
        ))

    def gold(self):
        return dict(
            file=f"{self.stem}.{self.ext}",
            issuer=self.issuer,
            year=2026,
            number=self.number,
            tasks=self.tasks,
        )
