"""Helper for typing the gold by hand (same field names as /work/shared/gold and corpus4)."""


class Plan:
    def __init__(self, stem, ext, issuer, number):
        self.stem, self.ext, self.issuer, self.number = stem, ext, issuer, number
        self.tasks = []
        self.label = None
        self.section = None

    def S(self, label, title):
        """Open a section: its label ("I", "B", "I.1") and its title."""
        self.label, self.section = label, title

    def T(self, num, content, result, lead, support, deadline, dit=None, notes=None, inf=(), ref=None):
        if ref is None:
            ref = f"{self.label}.{num}" if self.label else str(num)
        self.tasks.append(dict(
            ref=ref, section=self.section, content=content, result=result,
            lead=list(lead), support=list(support), deadline=deadline,
            deadline_in_text=dit, notes=notes, inferred=list(inf),
        ))

    def gold(self):
        return dict(file=f"{self.stem}.{self.ext}", issuer=self.issuer, year=2026,
                    number=self.number, tasks=self.tasks)
