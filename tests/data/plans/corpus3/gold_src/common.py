"""Helpers for typing the gold: a plan is a list of tasks added section by section."""


class Plan:
    def __init__(self, stem, ext, issuer, number, refmode="sec.num"):
        self.stem, self.ext, self.issuer, self.number = stem, ext, issuer, number
        self.refmode = refmode
        self.tasks = []
        self.label = None
        self.section = None

    def S(self, label, title):
        self.label, self.section = label, title

    def T(self, num, content, result, lead, support, deadline, dit=None, notes=None, inf=()):
        ref = f"{self.label}.{num}" if self.label and self.refmode == "sec.num" else str(num)
        self.tasks.append(
            dict(
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
            )
        )

    def gold(self):
        return dict(
            file=f"{self.stem}.{self.ext}",
            issuer=self.issuer,
            year=2026,
            number=self.number,
            tasks=self.tasks,
        )
