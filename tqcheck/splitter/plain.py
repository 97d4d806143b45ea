# placeholder until the splitter lands (being written now)
from ..model import Block, Role


def split_plain(text: str) -> tuple[Block, ...]:
    lines = text.lstrip("\ufeff").splitlines()
    return tuple(Block(i, n, Role.BODY, t.strip()) for i, (n, t) in
                 enumerate((n, t) for n, t in enumerate(lines, 1) if t.strip()))
