"""Facts about entries that several rules and commands need, computed once per
document: where venues are, what year an entry has, what shape it has. Below the
rules: it knows nothing of them."""
