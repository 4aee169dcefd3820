"""JavaScript's values and errors as gnet reads and makes them: Node's error codes,
encodings, JavaScript's view of Python values and the validators built on it,
Node's names and their PEP 8 twins, and how many arguments a callback takes.
No I/O and no loop; every layer above uses these.
"""
