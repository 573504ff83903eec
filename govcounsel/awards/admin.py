"""Award cycles are business records and have no place in the back office: the three
administrator duties keep the system, not its contents (三员分立). Rules, cycles and
candidates are kept on the awards pages and the API. Nothing of this app is registered."""
